import type { constraints } from "../../generated/constraints.js";
import { Category, type Refusal } from "../tenant/reasons.js";

/** One operation's row of the generated operation table. */
export type OperationRow = (typeof constraints.operations)[keyof typeof constraints.operations];

/** A value's rules as the operation table states them (every key optional: rows differ in which they carry). */
interface Rule {
  required?: boolean;
  type?: string | readonly string[];
  enum?: readonly unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  items?: Rule;
  patternDescription?: string;
}

/** A JSON value's type as JSON Schema names it. */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeFits(value: unknown, type: string | readonly string[]): boolean {
  const actual = jsonType(value);
  const allowed = typeof type === "string" ? [type] : type;
  return allowed.includes(actual) || (actual === "integer" && allowed.includes("number"));
}

const patterns = new Map<string, RegExp>();
/** Compiled once per pattern, with the `u` flag JSON Schema validators (and the client) use. */
function regexOf(pattern: string): RegExp {
  const known = patterns.get(pattern);
  if (known) return known;
  const regex = new RegExp(pattern, "u");
  patterns.set(pattern, regex);
  return regex;
}

/** Length in code points, as JSON Schema's `minLength` and `maxLength` count it. */
function codePoints(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/**
 * Checks a request against the spec's rules, from the generated operation table the client enforces too, before
 * any tenant rule runs: for callers that reach the stand-in without the client (a raw `fetch`, or code in another
 * language over `listen()`). Zuora answers such a request with a business failure naming the field and the rule, and
 * so does the stand-in: a missing field is category 22, an undescribed one 21 (where the spec refuses them), a wrong
 * type, a `null` the spec does not allow, a length, pattern or enum broken 20, a body that is no object 90.
 */
export function checkRequest(
  row: OperationRow,
  pathParams: Record<string, string>,
  query: URLSearchParams,
  body: unknown,
): Refusal | undefined {
  for (const [name, rule] of Object.entries(row.pathParams as Record<string, Rule>)) {
    const problem = checkValue(`path parameter ${name}`, pathParams[name] ?? "", rule);
    if (problem) return problem;
  }
  for (const [name, rule] of Object.entries(row.query as Record<string, Rule>)) {
    const value = query.get(name);
    if (value === null) continue;
    const problem = checkQuery(name, value, rule);
    if (problem) return problem;
  }
  if (!row.body) return undefined;
  if (body === undefined) {
    return row.bodyRequired ? refuse(Category.malformed, "The request body must be a JSON object.") : undefined;
  }
  if (jsonType(body) !== "object") return refuse(Category.malformed, "The request body must be a JSON object.");
  const fields = body as Record<string, unknown>;
  const rules = row.fields as Record<string, Rule>;
  if ((row as { unknownFields?: string }).unknownFields === "refuse") {
    const unknown = Object.keys(fields).find((name) => !Object.hasOwn(rules, name));
    if (unknown !== undefined) return refuse(Category.unknownField, `The field ${quoted(unknown)} is not known.`);
  }
  for (const [name, rule] of Object.entries(rules)) {
    const value = fields[name];
    if (value === undefined) {
      if (rule.required) return refuse(Category.missingField, `The field ${name} is required.`);
      continue;
    }
    if (rule.type === "array") {
      const problem = checkList(name, value, rule);
      if (problem) return problem;
      continue;
    }
    const problem = checkValue(`field ${name}`, value, rule);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The body as the operation sees it: the fields the spec describes, and nothing else (an `id`, `status` or
 * `tenantId` a caller copied from an answer is not the caller's to set). Call after {@link checkRequest} passed.
 */
export function describedFields(row: OperationRow, body: unknown): Record<string, unknown> | undefined {
  if (!row.body || jsonType(body) !== "object") return undefined;
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(row.fields)) {
    const value = (body as Record<string, unknown>)[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function refuse(category: Refusal["category"], message: string): Refusal {
  return { category, message };
}

/** A name from a caller's body, quoted and cut short (it may be anything, of any length). */
function quoted(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}

function checkValue(what: string, value: unknown, rule: Rule): Refusal | undefined {
  if (rule.type !== undefined && !typeFits(value, rule.type)) {
    const wanted = typeof rule.type === "string" ? rule.type : rule.type.join(" or ");
    const article = /^[aeiou]/.test(wanted) ? "an" : "a";
    return refuse(Category.invalidValue, `The ${what} must be ${article} ${wanted}, not ${jsonType(value)}.`);
  }
  if (typeof value === "string") {
    const length = rule.minLength !== undefined || rule.maxLength !== undefined ? codePoints(value) : 0;
    if (rule.minLength !== undefined && length < rule.minLength) {
      return refuse(Category.invalidValue, `The ${what} must have at least ${rule.minLength} characters.`);
    }
    if (rule.maxLength !== undefined && length > rule.maxLength) {
      return refuse(Category.invalidValue, `The ${what} must have at most ${rule.maxLength} characters.`);
    }
    if (rule.pattern !== undefined && !regexOf(rule.pattern).test(value)) {
      return refuse(Category.invalidValue, `The ${what} must be ${rule.patternDescription ?? rule.pattern}.`);
    }
  }
  if (typeof value === "number") {
    if (rule.minimum !== undefined && value < rule.minimum) {
      return refuse(Category.invalidValue, `The ${what} must be at least ${rule.minimum}.`);
    }
    if (rule.maximum !== undefined && value > rule.maximum) {
      return refuse(Category.invalidValue, `The ${what} must be at most ${rule.maximum}.`);
    }
  }
  if (rule.enum !== undefined && !rule.enum.includes(value)) {
    return refuse(Category.invalidValue, `The ${what} must be one of ${rule.enum.join(", ")}.`);
  }
  if (rule.const !== undefined && value !== rule.const) {
    return refuse(Category.invalidValue, `The ${what} must be ${JSON.stringify(rule.const)}.`);
  }
  return undefined;
}

/**
 * An array field: its items' count and each item. More items than `maxItems` breaks a rule of the operation (Zuora
 * shares a product with one entity at a time), so it is refused as a rule restriction; the rest are invalid values.
 */
function checkList(name: string, value: unknown, rule: Rule): Refusal | undefined {
  if (!Array.isArray(value)) return refuse(Category.invalidValue, `The field ${name} must be an array.`);
  if (rule.minItems !== undefined && value.length < rule.minItems) {
    return refuse(Category.invalidValue, `The field ${name} must have at least ${rule.minItems} item(s).`);
  }
  if (rule.maxItems !== undefined && value.length > rule.maxItems) {
    return refuse(Category.rule, `The field ${name} takes at most ${rule.maxItems} item(s) at a time.`);
  }
  for (const [index, item] of value.entries()) {
    const problem = checkValue(`item ${index + 1} of field ${name}`, item, rule.items ?? {});
    if (problem) return problem;
  }
  return undefined;
}

/** A query value is text on the wire: a boolean or an integer is read from it first. */
function checkQuery(name: string, value: string, rule: Rule): Refusal | undefined {
  const what = `query parameter ${name}`;
  if (rule.type === "boolean") {
    return value === "true" || value === "false"
      ? undefined
      : refuse(Category.invalidValue, `The ${what} must be true or false.`);
  }
  if (rule.type === "integer" || rule.type === "number") {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || (rule.type === "integer" && !/^-?\d+$/.test(value))) {
      return refuse(Category.invalidValue, `The ${what} must be an ${rule.type}.`);
    }
    const { type: _type, ...bounds } = rule;
    return checkValue(what, n, bounds);
  }
  return checkValue(what, value, rule);
}
