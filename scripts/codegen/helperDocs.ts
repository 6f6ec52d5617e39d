import type { ConstraintTable, OperationRule } from "./constraints.js";
import { deref, isObject, type Json, type JsonObject } from "./spec.js";

/** One argument of a helper, as its signature and its `@param` line show it. */
export interface ArgumentDoc {
  /** The argument's name in the signature (`entityId`, `body`, `query`, `options`). */
  name: string;
  optional: boolean;
  /** Where its type comes from in the parts the client fills in: `["path", "id"]`, `["body"]`, ... */
  part: readonly string[];
  /** The `@param` text. */
  doc: string;
}

/** Everything the documentation of one helper says, in words taken from the spec and the operation table. */
export interface HelperDoc {
  /** The helper's name: the operationId, or the pager's `x-pagination` helper. */
  name: string;
  /** The operation whose parts the helper's types come from. */
  operationId: string;
  summary: string;
  /** The spec's description (Markdown), links to other operations turned into links to their helpers. */
  description: string;
  arguments: ArgumentDoc[];
  returns: string;
  /** `[error class, when]`, in the order a reader checks them. */
  throws: [string, string][];
  see: { url: string; text: string };
  /** One line of code that calls the helper on a client named `zuora`, with the spec's example values. */
  example: string;
}

/** The name the generated interface gives the helpers; links between operations point into it. */
export const HELPERS_INTERFACE = "OperationHelpers";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(["body", "query", "options", "default", "delete", "new", "function", "class", "this"]);

/**
 * The documentation of every helper: one per operation of the table, and one per pager. The words are the spec's
 * (summary, description, parameter descriptions, examples, `externalDocs`); what the client does with an answer
 * (the errors it throws, what it resolves to) is said here once for every operation, from the row's flags.
 */
export function helperDocs(spec: JsonObject, table: ConstraintTable): HelperDoc[] {
  const docs: HelperDoc[] = [];
  const known = new Set(Object.keys(table.operations));
  for (const row of Object.values(table.operations)) {
    const operation = operationOf(spec, row);
    const where = row.operationId;
    const summary = text(operation.summary, `${where}: summary`);
    const see = externalDocs(operation, where);
    const description = markdown(text(operation.description, `${where}: description`), known, where);
    const pathArgs = pathArguments(spec, operation, row, known);
    const body = row.body ? bodyArgument(spec, operation, row) : undefined;
    const query = Object.keys(row.query).length > 0 ? queryArgument(spec, operation, row, [], known) : undefined;
    const args: ArgumentDoc[] = [
      ...pathArgs.map(({ arg }) => arg),
      ...(body ? [body.arg] : []),
      ...(query ? [query.arg] : []),
    ];
    args.push(optionsArgument(row));
    const values = [...pathArgs.map(({ example }) => example), ...(body ? [body.example] : [])];
    if (query?.example) values.push(query.example);
    docs.push({
      name: row.operationId,
      operationId: row.operationId,
      summary,
      description,
      arguments: args,
      returns: row.successFlag
        ? "The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers."
        : "The 200 body. `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.",
      throws: throwsOf(row),
      see,
      example: `const result = await zuora.${row.operationId}(${values.join(", ")});`,
    });

    if (row.pagination) {
      const { helper, page, items } = row.pagination;
      const pagerQuery = queryArgument(spec, operation, row, [page], known);
      const item = items.endsWith("s") ? items.slice(0, -1) : "item";
      docs.push({
        name: helper,
        operationId: row.operationId,
        summary: `${summary}: every item of every page.`,
        description: [
          `Walks {@link ${HELPERS_INTERFACE}.${row.operationId} | ${row.operationId}} page after page, from the first page, and yields each item of \`${items}\` in turn, asking for the next page while \`${row.pagination.next}\` is present. Every page is one call with the same query values and options; breaking out of the loop sends no further call, and an abort rejects the page in flight.`,
          description,
        ].join("\n\n"),
        arguments: [
          { ...pagerQuery.arg, doc: `${pagerQuery.arg.doc} The page number is the walk's own.` },
          optionsArgument(row),
        ],
        returns: `An async iterable of every item of \`${items}\`, in the order of the pages.`,
        throws: [
          ...throwsOf(row),
          [
            "ZuoraApiError",
            "also when a page's items are not a list, or repeat those of an earlier page (the walk stops)",
          ],
        ],
        see,
        example: `for await (const ${item} of zuora.${helper}(${pagerQuery.example ?? ""})) console.log(${item});`,
      });
    }
  }
  return docs;
}

/** The operation object of a row, from the spec. */
function operationOf(spec: JsonObject, row: OperationRule): JsonObject {
  const paths = isObject(spec.paths) ? spec.paths : {};
  const item = paths[row.path];
  const operation = isObject(item) ? item[row.method.toLowerCase()] : undefined;
  if (!isObject(operation)) throw new Error(`${row.operationId}: not found at ${row.method} ${row.path}`);
  return operation;
}

function text(value: Json | undefined, where: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new Error(`${where} is needed for the helper's docs`);
  const trimmed = value.trim();
  // A comment cannot carry "*/", and a line starting with "@" would read as a TSDoc tag.
  if (trimmed.includes("*/")) throw new Error(`${where} contains "*/", which would end the helper's doc comment`);
  if (/(^|\n)\s*@/.test(trimmed)) throw new Error(`${where} has a line starting with "@", which TSDoc reads as a tag`);
  return trimmed;
}

/** The operation's `externalDocs`: the reference page of the operation at Zuora, which every helper links to. */
function externalDocs(operation: JsonObject, where: string): HelperDoc["see"] {
  const docs = operation.externalDocs;
  const url = isObject(docs) ? docs.url : undefined;
  if (typeof url !== "string" || !/^https:\/\/\S+$/.test(url)) {
    throw new Error(
      `${where}: externalDocs.url (an https link to Zuora's reference page) is needed for the helper's docs`,
    );
  }
  return { url, text: `Zuora API reference: ${text(operation.summary, `${where}: summary`)}` };
}

/** Markdown as a doc comment shows it: a link to another operation (`#operation/x`) becomes a link to its helper. */
function markdown(value: string, known: ReadonlySet<string>, where: string): string {
  return value.replace(/\[([^\]]+)\]\(#operation\/([^)]+)\)/g, (_, label: string, target: string) => {
    if (!known.has(target)) throw new Error(`${where}: links to #operation/${target}, which is not an operation`);
    return `{@link ${HELPERS_INTERFACE}.${target} | ${label}}`;
  });
}

/** The first paragraph of a description, on one line. */
function firstParagraph(value: string): string {
  return (value.split(/\n\s*\n/)[0] ?? "").replace(/\s+/g, " ").trim();
}

/** The spec's parameters of an operation, with the name a helper gives each. */
function parametersOf(spec: JsonObject, operation: JsonObject): { parameter: JsonObject; argument: string }[] {
  const raw = Array.isArray(operation.parameters) ? operation.parameters : [];
  return raw.flatMap((entry) => {
    const parameter = deref(spec, entry);
    if (!isObject(parameter) || typeof parameter.name !== "string") return [];
    // A shared parameter's component name says what it is (`EntityId` for `{id}`); an inline one has its own name.
    const ref = isObject(entry) && typeof entry.$ref === "string" ? entry.$ref.split("/").pop() : undefined;
    return [{ parameter, argument: camelCase(ref ?? parameter.name) }];
  });
}

/** `EntityId` → `entityId`, `connection-id` → `connectionId`. */
function camelCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  const joined = words.map((word, i) => (i === 0 ? word : word[0]?.toUpperCase() + word.slice(1))).join("");
  return joined.charAt(0).toLowerCase() + joined.slice(1);
}

/** A parameter's rule in words, from the table: its length, pattern, range, values and default. */
function ruleWords(rule: OperationRule["query"][string]): string {
  const words: string[] = [];
  if (rule.enum) words.push(`one of ${rule.enum.map((value) => `\`${String(value)}\``).join(", ")}`);
  if (rule.minLength !== undefined && rule.maxLength !== undefined) {
    words.push(`${rule.minLength} to ${rule.maxLength} characters`);
  } else if (rule.maxLength !== undefined) words.push(`at most ${rule.maxLength} characters`);
  else if (rule.minLength !== undefined)
    words.push(`at least ${rule.minLength} character${rule.minLength === 1 ? "" : "s"}`);
  if (rule.patternDescription) words.push(rule.patternDescription);
  if (rule.minimum !== undefined && rule.maximum !== undefined) words.push(`from ${rule.minimum} to ${rule.maximum}`);
  else if (rule.minimum !== undefined) words.push(`at least ${rule.minimum}`);
  else if (rule.maximum !== undefined) words.push(`at most ${rule.maximum}`);
  if (rule.default !== undefined) words.push(`Zuora's default ${JSON.stringify(rule.default)}`);
  return words.length > 0 ? ` (${words.join("; ")})` : "";
}

function pathArguments(spec: JsonObject, operation: JsonObject, row: OperationRule, known: ReadonlySet<string>) {
  const byName = new Map(
    parametersOf(spec, operation)
      .filter(({ parameter }) => parameter.in === "path")
      .map((entry) => [entry.parameter.name as string, entry]),
  );
  return Object.entries(row.pathParams).map(([name, rule]) => {
    const entry = byName.get(name);
    if (!entry) throw new Error(`${row.operationId}: path parameter {${name}} is not described`);
    const { parameter, argument } = entry;
    if (!IDENTIFIER.test(argument) || RESERVED.has(argument)) {
      throw new Error(`${row.operationId}: path parameter {${name}} gives the argument name "${argument}"`);
    }
    const where = `${row.operationId}: path parameter {${name}}`;
    const said = firstParagraph(markdown(text(parameter.description, `${where} description`), known, where));
    const doc = `${said} Sent as \`{${name}}\` in the path${ruleWords(rule)}.`;
    if (parameter.example === undefined) throw new Error(`${where} needs an example for the helper's docs`);
    return { arg: { name: argument, optional: false, part: ["path", name], doc }, example: literal(parameter.example) };
  });
}

function bodyArgument(spec: JsonObject, operation: JsonObject, row: OperationRule) {
  const requestBody = deref(spec, operation.requestBody);
  const content = isObject(requestBody) && isObject(requestBody.content) ? requestBody.content : {};
  const media = row.contentType === undefined ? undefined : content[row.contentType];
  const schema = isObject(media) ? deref(spec, media.schema) : undefined;
  const examples = isObject(media) && isObject(media.examples) ? Object.values(media.examples) : [];
  const first = deref(spec, examples[0]);
  const example = isObject(first) ? first.value : isObject(media) ? media.example : undefined;
  if (example === undefined)
    throw new Error(`${row.operationId}: the request body needs an example for the helper's docs`);
  const described =
    isObject(schema) && typeof schema.description === "string" ? `${firstParagraph(schema.description)} ` : "";
  const fields = Object.entries(row.fields);
  const required = fields.filter(([, rule]) => rule.required).map(([name]) => `\`${name}\``);
  const optional = fields.filter(([, rule]) => !rule.required).map(([name]) => `\`${name}\``);
  const sent = row.contentType === "application/json" ? "JSON" : `\`${row.contentType}\``;
  const lists = [
    required.length > 0 ? `required ${required.join(", ")}` : "",
    optional.length > 0 ? `optional ${optional.join(", ")}` : "",
  ].filter(Boolean);
  const doc = `${described}The request body, sent as ${sent}${lists.length > 0 ? `: ${lists.join("; ")}` : ""}. Checked against the spec before it is sent.`;
  return { arg: { name: "body", optional: !row.bodyRequired, part: ["body"], doc }, example: literal(example) };
}

function queryArgument(
  spec: JsonObject,
  operation: JsonObject,
  row: OperationRule,
  leftOut: readonly string[],
  known: ReadonlySet<string>,
) {
  const byName = new Map(
    parametersOf(spec, operation)
      .filter(({ parameter }) => parameter.in === "query")
      .map(({ parameter }) => [parameter.name as string, parameter]),
  );
  const names = Object.keys(row.query).filter((name) => !leftOut.includes(name));
  const lines = names.map((name) => {
    const parameter = byName.get(name) ?? {};
    const rule = row.query[name] ?? { required: false };
    const where = `${row.operationId}: query parameter ${name}`;
    const said = firstParagraph(markdown(text(parameter.description, `${where} description`), known, where));
    return `\`${name}\`${ruleWords(rule)}: ${said}`;
  });
  const examples = names.flatMap((name) => {
    const value = byName.get(name)?.example;
    return value === undefined ? [] : [`${key(name)}: ${literal(value)}`];
  });
  const doc = `Query values, each optional (left out or \`undefined\`, it is not sent). ${lines.join(" ")}`;
  return {
    arg: { name: "query", optional: true, part: ["query"], doc },
    example: examples.length > 0 ? `{ ${examples.join(", ")} }` : undefined,
  };
}

function optionsArgument(row: OperationRule): ArgumentDoc {
  const keyed = row.headers.includes("Idempotency-Key");
  const doc = [
    "Per-call options, each overriding the client's default for this call only:",
    "`timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason),",
    keyed
      ? "`trackId`, `entityIds`, and `idempotencyKey` (defaults to a new UUID, reused by every retry of the call)."
      : "`trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).",
  ].join(" ");
  return { name: "options", optional: true, part: ["options"], doc };
}

/** The errors a helper of this row rejects with, and when. */
function throwsOf(row: OperationRule): [string, string][] {
  return [
    [
      "ZuoraValidationError",
      "before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule",
    ],
    ...(row.successFlag
      ? ([["ZuoraBusinessError", "when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes"]] as [
          string,
          string,
        ][])
      : []),
    [
      "ZuoraAuthenticationError",
      row.auth
        ? "on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused"
        : "when Zuora refuses the client credentials",
    ],
    ["ZuoraRateLimitError", "on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait"],
    ["ZuoraServerError", "on HTTP 5xx once the retries are spent"],
    ["ZuoraTimeoutError", "when the last attempt had no answer within `timeoutMs`"],
    ["ZuoraConnectionError", "when no attempt had a usable answer (connection refused or dropped, body cut off)"],
    ["ZuoraApiError", "on any other answer (400, 403, 404, 409, ...); every error above but the first extends it"],
  ];
}

/** A JSON value as a one-line JavaScript literal (`{ name: "Acme", ids: ["a"] }`). */
function literal(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (isObject(value)) {
    const entries = Object.entries(value).map(([name, item]) => `${key(name)}: ${literal(item)}`);
    return entries.length > 0 ? `{ ${entries.join(", ")} }` : "{}";
  }
  return JSON.stringify(value);
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}
