import type { FieldRule, ValueRule } from "../../rules/checkValue.js";
import {
  type CompiledField,
  type CompiledOperation,
  checkBody,
  checkParameters,
  type Finding,
  operationRules,
} from "../../rules/requestRules.js";
import { Category, type Refusal } from "../tenant/reasons.js";
import type { OperationRow } from "./match.js";

const compiled = new Map<string, CompiledOperation>(operationRules.map((op) => [op.operationId, op]));

/**
 * Checks a request by the spec's rules, with the client's own checker (rules/requestRules.ts), before any tenant
 * rule runs: for callers that reach the stand-in without the client (a raw `fetch`, or code in another language over
 * `listen()`). Zuora answers such a request with a business failure naming the field and the rule, and so does the
 * stand-in: a field the operation does not take is category 21 (as Zuora's "unknown field in request": the client
 * sends such a field, and leaves the judgement to the server), a missing field 22, more items than an operation
 * takes at a time 30, a body that is no object 90, and any other broken rule (a wrong type, a `null` the spec does
 * not allow, a length, pattern or enum) 20.
 */
export function checkRequest(
  row: OperationRow,
  pathParams: Record<string, string>,
  /** The request's URL: its query is read only for an operation that takes one. */
  url: URL,
  body: unknown,
): Refusal | undefined {
  const operation = compiled.get(row.operationId);
  if (!operation) return undefined;
  const pathFinding = checkParameters(operation.pathParams, pathParams);
  if (pathFinding) return refusalOf(pathFinding, "path parameter", row.pathParams, pathParams);
  const queryRules: Record<string, FieldRule> = row.query;
  const queryValues = operation.query.length === 0 ? {} : queryValuesOf(operation.query, queryRules, url.searchParams);
  const queryFinding = checkParameters(operation.query, queryValues);
  if (queryFinding) return refusalOf(queryFinding, "query parameter", queryRules, queryValues);
  if (!row.body) return undefined;
  // JSON's `null` is a body that is no object (the client reads a `null` body as none).
  if (body === null) return malformed();
  const bodyFinding = checkBody(operation, body, { unknownFields: "refuse" });
  if (bodyFinding && bodyFinding.name === undefined) return malformed();
  if (bodyFinding?.rule === "unknownField") {
    const taken = operation.fields.map((f) => f.name).join(", ");
    return refuse(
      Category.unknownField,
      `The field ${quoted(bodyFinding.name)} is not one ${row.operationId} takes (it takes ${taken}).`,
    );
  }
  const rules: Record<string, FieldRule> = row.fields;
  return bodyFinding && refusalOf(bodyFinding, "field", rules, body as Record<string, unknown>);
}

/**
 * A query as the operation reads it: text on the wire, a boolean or a number read from it where the spec says so
 * (text that is no such value stays text, for the type rule to refuse). Parameters not given are left out.
 */
function queryValuesOf(
  parameters: readonly CompiledField[],
  rules: Record<string, FieldRule>,
  query: URLSearchParams,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const { name } of parameters) {
    const text = query.get(name);
    const rule = rules[name];
    if (text === null || rule === undefined) continue;
    if (rule.type === "boolean") values[name] = text === "true" ? true : text === "false" ? false : text;
    else if (rule.type === "integer") values[name] = /^-?\d+$/.test(text) ? exact(Number(text)) : text;
    else if (rule.type === "number")
      values[name] = text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
    else values[name] = text;
  }
  return values;
}

/**
 * A whole number as the checker can judge it: one beyond 2^53, which JavaScript cannot hold exactly, is read as the
 * nearest one it can, so that only the spec's bounds judge it (as a JSON Schema validator would, reading it whole).
 */
function exact(n: number): number {
  return Math.min(Math.max(n, Number.MIN_SAFE_INTEGER), Number.MAX_SAFE_INTEGER);
}

/** The refusal Zuora gives for a broken rule: its category, and a message naming the value and the rule. */
function refusalOf(
  finding: Finding,
  kind: string,
  rules: Record<string, FieldRule>,
  values: Record<string, unknown>,
): Refusal {
  const name = finding.name ?? "";
  const rule = rules[name] ?? { required: false };
  const what = `${kind} ${name}`;
  const refusal = refusalFor(finding, what, rule, values[name], kind);
  return kind === "field" ? { ...refusal, field: name } : refusal;
}

/** {@link refusalOf}, before the field is named on it. */
function refusalFor(finding: Finding, what: string, rule: FieldRule, value: unknown, kind: string): Refusal {
  switch (finding.rule) {
    case "required":
      return refuse(Category.missingField, `The ${what} is required.`);
    case "minItems":
      return refuse(Category.invalidValue, `The ${what} must have at least ${rule.minItems} item(s).`);
    case "maxItems":
      // More items than an operation takes (Zuora shares a product with one entity at a time) breaks one of its rules.
      return refuse(Category.rule, `The ${what} takes at most ${rule.maxItems} item(s) at a time.`);
  }
  if (finding.item !== undefined && Array.isArray(value)) {
    return invalid(`item ${finding.item} of ${what}`, finding, rule.items ?? {}, value[finding.item - 1], kind);
  }
  return invalid(what, finding, rule, value, kind);
}

/** A value that breaks its rule (category 20), in words. */
function invalid(what: string, finding: Finding, rule: ValueRule, value: unknown, kind: string): Refusal {
  const must = (words: string) => refuse(Category.invalidValue, `The ${what} must ${words}.`);
  switch (finding.rule) {
    case "type":
      if (rule.type === "array") return must("be an array");
      // A query value is text on the wire: what it holds is no boolean or number, whatever it is.
      if (kind === "query parameter") return must(rule.type === "boolean" ? "be true or false" : `be ${a(rule.type)}`);
      return must(`be ${a(rule.type)}, not ${jsonType(value)}`);
    case "minLength":
      return must(`have at least ${rule.minLength} characters`);
    case "maxLength":
      return must(`have at most ${rule.maxLength} characters`);
    case "pattern":
      return must(`be ${rule.patternDescription ?? rule.pattern}`);
    case "minimum":
      return must(`be at least ${rule.minimum}`);
    case "maximum":
      return must(`be at most ${rule.maximum}`);
    case "enum":
      return must(`be one of ${rule.enum?.join(", ")}`);
    case "const":
      return must(`be ${JSON.stringify(rule.const)}`);
    default:
      return must(finding.problem);
  }
}

/** A type's name with its article: "a string", "an integer". */
function a(type: string | undefined): string {
  return `${/^[aeiou]/.test(type ?? "") ? "an" : "a"} ${type}`;
}

/** A JSON value's type as JSON Schema names it. */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function malformed(): Refusal {
  return refuse(Category.malformed, "The request body must be a JSON object.");
}

function refuse(category: Refusal["category"], message: string): Refusal {
  return { category, message };
}

/** A name from a caller's body, quoted and cut short (it may be anything, of any length). */
function quoted(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}
