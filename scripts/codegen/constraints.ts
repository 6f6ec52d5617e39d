import type { FieldRule, ValueRule } from "../../rules/checkValue.js";
import { BANNER } from "./banner.js";
import { deref, isObject, type Json, type JsonObject } from "./spec.js";

/** The schema keywords the client's validator enforces; anything else in a request schema is refused below. */
const SCALAR_KEYWORDS = ["type", "enum", "const", "minLength", "maxLength", "pattern", "minimum", "maximum"] as const;
/** A body field's keywords: a scalar's, or a flat array's (its item count and the rule of every item). */
const FIELD_KEYWORDS = [...SCALAR_KEYWORDS, "minItems", "maxItems", "items"] as const;
/** A path or query parameter's keywords: the scalar keywords, and its default (which the table records). */
const PARAMETER_KEYWORDS = [...SCALAR_KEYWORDS, "default"] as const;
/** Keywords that only describe a field, so they need no enforcement. */
const DESCRIPTIVE_KEYWORDS = new Set(["description", "examples", "example", "format", "title", "deprecated"]);
/** The extension beside a `pattern` that says the rule in words. */
const PATTERN_DESCRIPTION = "x-pattern-description";
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One path or query parameter, as the validator and the helpers see it. */
export interface ParameterRule extends FieldRule {
  /** The value the server uses when the parameter is left out (documentation; the client sends nothing). */
  default?: Json;
}

/** From an operation's `x-pagination`: how to walk every page of a list operation. */
export interface PaginationRule {
  /** The name of the client's iterator over every item (e.g. `allConnections`). */
  helper: string;
  /** The query parameter holding the page number (from 1). */
  page: string;
  /** The query parameter holding the page size. */
  pageSize: string;
  /** The response field holding the page's items. */
  items: string;
  /** The response field that is present while another page follows. */
  next: string;
}

/** One operation's request, as the validator and the helpers see it: a row of the operation table. */
export interface OperationRule {
  operationId: string;
  method: string;
  path: string;
  /** False for an operation that takes no bearer token (`security: []`, the token request). */
  auth: boolean;
  /**
   * The 200 body carries Zuora's `success` flag (every Multi-entity operation): a helper resolves only to a body
   * with `success: true`. False for the token request, whose 200 body is the token itself.
   */
  successFlag: boolean;
  /** The operation takes a request body (its helper takes one after the path parameters). */
  body: boolean;
  bodyRequired: boolean;
  /**
   * The media type of the request body (`application/json`); absent for an operation that takes none. (Keys only the
   * stand-in reads are left out when they say nothing, as the client ships this table in its bundle.)
   */
  contentType?: string;
  /**
   * `refuse` when the spec refuses body fields it does not describe (`additionalProperties: false`); absent when it
   * admits them (JSON Schema's default). The client sends such fields either way; the stand-in refuses them, as
   * Zuora does (category 21).
   */
  unknownFields?: "refuse";
  fields: Record<string, FieldRule>;
  /** Path parameters in the order they appear in the path (the order of the helper's first arguments). */
  pathParams: Record<string, ParameterRule>;
  /** Query parameters. */
  query: Record<string, ParameterRule>;
  /** Names of the header parameters the operation takes. */
  headers: string[];
  pagination?: PaginationRule;
}

/** One header parameter, as the validator and the policies see it: a value rule's text keywords, and its methods. */
export interface HeaderRule extends Pick<ValueRule, "minLength" | "maxLength" | "pattern" | "patternDescription"> {
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
      const byLocation: Record<string, Record<string, ParameterRule>> = { path: {}, query: {} };
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      for (const raw of parameters) {
        const parameter = deref(spec, raw);
        if (!isObject(parameter) || typeof parameter.name !== "string") continue;
        const { name } = parameter;
        if (parameter.in === "header") {
          headerNames.push(name);
          headers[name] = headerRule(spec, parameter);
        } else if (parameter.in === "path" || parameter.in === "query") {
          const rule = fieldRule(
            spec,
            `${operationId} ${parameter.in} ${name}`,
            parameter.schema ?? {},
            PARAMETER_KEYWORDS,
          );
          byLocation[parameter.in] = {
            ...byLocation[parameter.in],
            [name]: { ...rule, required: parameter.required === true },
          };
        } else {
          throw new Error(`${operationId}: ${String(parameter.in)} parameters are not supported`);
        }
      }

      const pathParams: Record<string, ParameterRule> = {};
      for (const [, name = ""] of path.matchAll(/\{([^}]+)\}/g)) {
        const rule = byLocation.path?.[name];
        if (!rule) throw new Error(`${operationId}: path parameter {${name}} is not described`);
        pathParams[name] = rule;
      }
      const pagination = paginationRule(operationId, operation["x-pagination"], byLocation.query ?? {});
      operations[operationId] = {
        operationId,
        method: method.toUpperCase(),
        path,
        auth: !(Array.isArray(operation.security) && operation.security.length === 0),
        successFlag: hasSuccessFlag(spec, successSchema(spec, operation)),
        ...bodyRule(spec, operationId, operation),
        pathParams,
        query: byLocation.query ?? {},
        headers: headerNames,
        ...(pagination ? { pagination } : {}),
      };
    }
  }
  const schemas = isObject(spec.components) && isObject(spec.components.schemas) ? spec.components.schemas : {};
  const reasonCode = schemas.ReasonCode;
  const categories = isObject(reasonCode) ? reasonCode["x-retryable-categories"] : undefined;
  const retryableReasonCategories = Array.isArray(categories) ? categories.map(Number) : [];
  return { retryableReasonCategories, operations, headers };
}

function paginationRule(
  operationId: string,
  raw: Json | undefined,
  query: Record<string, ParameterRule>,
): PaginationRule | undefined {
  if (raw === undefined) return undefined;
  const keys = ["helper", "page", "pageSize", "items", "next"] as const;
  if (!isObject(raw) || keys.some((key) => typeof raw[key] !== "string")) {
    throw new Error(`${operationId}: x-pagination needs string ${keys.join(", ")}`);
  }
  const rule = Object.fromEntries(keys.map((key) => [key, String(raw[key])])) as unknown as PaginationRule;
  for (const name of [rule.page, rule.pageSize]) {
    if (!query[name])
      throw new Error(`${operationId}: x-pagination names query parameter ${name}, which is not described`);
  }
  return rule;
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

/** The schema of an operation's 200 JSON body, when it has one. */
function successSchema(spec: JsonObject, operation: JsonObject): Json | undefined {
  const responses = deref(spec, operation.responses);
  const ok = isObject(responses) ? deref(spec, responses["200"]) : undefined;
  const content = isObject(ok) && isObject(ok.content) ? ok.content["application/json"] : undefined;
  return isObject(content) ? content.schema : undefined;
}

/** Whether a schema, or any branch of it, declares a `success` property. */
function hasSuccessFlag(spec: JsonObject, raw: Json | undefined): boolean {
  const schema = raw === undefined ? undefined : deref(spec, raw);
  if (!isObject(schema)) return false;
  if (isObject(schema.properties) && "success" in schema.properties) return true;
  return ["oneOf", "anyOf", "allOf"].some((keyword) => {
    const branches = schema[keyword];
    return Array.isArray(branches) && branches.some((branch) => hasSuccessFlag(spec, branch));
  });
}

function bodyRule(
  spec: JsonObject,
  operationId: string,
  operation: JsonObject,
): Pick<OperationRule, "body" | "bodyRequired" | "contentType" | "unknownFields" | "fields"> {
  const requestBody = deref(spec, operation.requestBody);
  if (!isObject(requestBody) || !isObject(requestBody.content)) {
    return { body: false, bodyRequired: false, fields: {} };
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
    fields[name] = { ...fieldRule(spec, `${operationId}.${name}`, raw, FIELD_KEYWORDS), required: required.has(name) };
  }
  return {
    body: true,
    bodyRequired: requestBody.required === true,
    contentType,
    ...(schema.additionalProperties === false ? { unknownFields: "refuse" as const } : {}),
    fields,
  };
}

function fieldRule(spec: JsonObject, where: string, raw: Json, keywords: readonly string[]): FieldRule {
  const schema = deref(spec, raw);
  if (!isObject(schema)) throw new Error(`${where}: schema is not an object`);
  const rule: Record<string, Json> = { required: false };
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === "items" && keywords.includes(keyword)) {
      const { required: _, ...item } = fieldRule(spec, `${where}[]`, value, SCALAR_KEYWORDS);
      rule.items = item as JsonObject;
    } else if (keywords.includes(keyword)) rule[keyword] = value;
    else if (keyword === PATTERN_DESCRIPTION) rule.patternDescription = patternDescription(where, schema);
    else if (!DESCRIPTIVE_KEYWORDS.has(keyword)) {
      // Refuse rather than silently skip: a constraint the client cannot enforce would break the promise
      // that its verdict matches the mock's.
      throw new Error(`${where}: keyword "${keyword}" is not supported by the client's validator`);
    }
  }
  if (schema.format === "password") rule.secret = true;
  if (rule.pattern !== undefined && rule.patternDescription === undefined) patternDescription(where, schema);
  if (rule.type === "object") throw new Error(`${where}: nested object not supported`);
  if (rule.type === "array" && rule.items === undefined) {
    throw new Error(`${where}: an array needs items (arrays of arrays are not supported)`);
  }
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
