import { BANNER } from "./banner.js";
import { deref, isObject, type Json, type JsonObject } from "./spec.js";

/** The schema keywords the client's validator enforces; anything else in a request schema is refused below. */
const FIELD_KEYWORDS = ["type", "enum", "const", "minLength", "maxLength", "pattern", "minimum", "maximum"] as const;
/** Keywords that only describe a field, so they need no enforcement. */
const DESCRIPTIVE_KEYWORDS = new Set(["description", "examples", "example", "format", "title", "deprecated"]);
/** The extension beside a `pattern` that says the rule in words. */
const PATTERN_DESCRIPTION = "x-pattern-description";
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One field of a request body, as the validator sees it. */
export interface FieldRule {
  required: boolean;
  type?: string;
  enum?: Json[];
  const?: Json;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** From `x-pattern-description` beside the `pattern`: the rule in words, for messages. */
  patternDescription?: string;
  minimum?: number;
  maximum?: number;
}

/** One operation's request, as the validator sees it. */
export interface OperationRule {
  operationId: string;
  method: string;
  path: string;
  bodyRequired: boolean;
  fields: Record<string, FieldRule>;
  /** Names of the header parameters the operation takes. */
  headers: string[];
}

/** One header parameter, as the validator and the policies see it. */
export interface HeaderRule {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** From `x-pattern-description` beside the `pattern`: the rule in words, for messages. */
  patternDescription?: string;
  /** From the parameter's `x-methods`: the only methods that may carry the header; absent means any. */
  methods?: string[];
}

/** Everything `src/` enforces, derived from the spec so that no limit is written twice. */
export interface ConstraintTable {
  /** From `x-retryable-categories` on the `ReasonCode` schema: reason categories worth trying again. */
  retryableReasonCategories: number[];
  operations: Record<string, OperationRule>;
  headers: Record<string, HeaderRule>;
}

/** Walks the spec's operations and parameters into a {@link ConstraintTable}. */
export function extractConstraints(spec: JsonObject): ConstraintTable {
  const operations: Record<string, OperationRule> = {};
  const headers: Record<string, HeaderRule> = {};
  const paths = isObject(spec.paths) ? spec.paths : {};

  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const operationId = operation.operationId;
      if (typeof operationId !== "string") throw new Error(`${method.toUpperCase()} ${path} has no operationId`);

      const headerNames: string[] = [];
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      for (const raw of parameters) {
        const parameter = deref(spec, raw);
        if (!isObject(parameter) || parameter.in !== "header" || typeof parameter.name !== "string") continue;
        headerNames.push(parameter.name);
        headers[parameter.name] = headerRule(spec, parameter);
      }

      operations[operationId] = {
        operationId,
        method: method.toUpperCase(),
        path,
        ...bodyRule(spec, operationId, operation),
        headers: headerNames,
      };
    }
  }
  const schemas = isObject(spec.components) && isObject(spec.components.schemas) ? spec.components.schemas : {};
  const reasonCode = schemas.ReasonCode;
  const categories = isObject(reasonCode) ? reasonCode["x-retryable-categories"] : undefined;
  const retryableReasonCategories = Array.isArray(categories) ? categories.map(Number) : [];
  return { retryableReasonCategories, operations, headers };
}

function headerRule(spec: JsonObject, parameter: JsonObject): HeaderRule {
  const schema = deref(spec, parameter.schema);
  const rule: HeaderRule = {};
  if (isObject(schema)) {
    if (typeof schema.minLength === "number") rule.minLength = schema.minLength;
    if (typeof schema.maxLength === "number") rule.maxLength = schema.maxLength;
    if (typeof schema.pattern === "string") {
      rule.pattern = schema.pattern;
      rule.patternDescription = patternDescription(`header ${String(parameter.name)}`, schema);
    }
  }
  const methods = parameter["x-methods"];
  if (Array.isArray(methods)) rule.methods = methods.map(String);
  return rule;
}

function bodyRule(
  spec: JsonObject,
  operationId: string,
  operation: JsonObject,
): Pick<OperationRule, "bodyRequired" | "fields"> {
  const requestBody = deref(spec, operation.requestBody);
  if (!isObject(requestBody) || !isObject(requestBody.content)) {
    return { bodyRequired: false, fields: {} };
  }
  const [contentType, media] = Object.entries(requestBody.content)[0] ?? [];
  if (contentType === undefined || !isObject(media)) throw new Error(`${operationId}: request body has no content`);
  const schema = deref(spec, media.schema);
  if (!isObject(schema) || schema.type !== "object" || !isObject(schema.properties)) {
    throw new Error(`${operationId}: the validator supports flat object bodies only`);
  }
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const fields: Record<string, FieldRule> = {};
  for (const [name, raw] of Object.entries(schema.properties)) {
    fields[name] = fieldRule(spec, `${operationId}.${name}`, raw, required.has(name));
  }
  return { bodyRequired: requestBody.required === true, fields };
}

function fieldRule(spec: JsonObject, where: string, raw: Json, required: boolean): FieldRule {
  const schema = deref(spec, raw);
  if (!isObject(schema)) throw new Error(`${where}: schema is not an object`);
  const rule: Record<string, Json> = { required };
  for (const [keyword, value] of Object.entries(schema)) {
    if ((FIELD_KEYWORDS as readonly string[]).includes(keyword)) rule[keyword] = value;
    else if (keyword === PATTERN_DESCRIPTION) rule.patternDescription = patternDescription(where, schema);
    else if (!DESCRIPTIVE_KEYWORDS.has(keyword)) {
      // Refuse rather than silently skip: a constraint the client cannot enforce would break the promise
      // that its verdict matches the mock's.
      throw new Error(`${where}: keyword "${keyword}" is not supported by the client's validator`);
    }
  }
  if (rule.pattern !== undefined && rule.patternDescription === undefined) patternDescription(where, schema);
  if (rule.type === "object" || rule.type === "array") throw new Error(`${where}: nested ${rule.type} not supported`);
  return rule as unknown as FieldRule;
}

/**
 * The words a message gives for a schema's `pattern`: its `x-pattern-description`, a phrase that completes "must
 * be …" ("one or more letters A–Z and a–z, …"). A raw regular expression means little to a caller, so a pattern
 * without its words is refused here rather than shown.
 */
function patternDescription(where: string, schema: JsonObject): string {
  const words = schema[PATTERN_DESCRIPTION];
  if (typeof words !== "string" || words.trim() === "") {
    throw new Error(`${where}: a pattern needs ${PATTERN_DESCRIPTION}, the rule in words for the client's messages`);
  }
  return words.trim();
}

/** Renders the table as a TypeScript module (`as const`, so callers get literal types). */
export function renderConstraints(table: ConstraintTable): string {
  return [
    BANNER,
    "/** The request constraints the spec states, as the client enforces them before sending. */",
    `export const constraints = ${JSON.stringify(table, null, 2)} as const;`,
    "",
    "/** The shape of {@link constraints}. */",
    "export type Constraints = typeof constraints;",
    "",
  ].join("\n");
}
