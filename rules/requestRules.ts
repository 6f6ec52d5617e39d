import { constraints } from "../generated/constraints.js";
import { type Check, compileCheck, type FieldRule, type ValueRule, type Violation } from "./checkValue.js";

/**
 * The spec's request rules, compiled once from generated/constraints.ts, and the one walk of a request's path, query
 * and body values through them. The client throws its `ZuoraValidationError` from what the walk finds; the stand-in
 * answers it as Zuora would, with the category of the broken rule.
 */

/** A request body field or a path or query parameter, compiled. */
export interface CompiledField {
  name: string;
  required: boolean;
  check: Check;
  /** The value is a credential (`format: password`): the call hides it in its errors and log lines. */
  secret: boolean;
}

/** An operation's request rules, compiled. */
export interface CompiledOperation {
  operationId: string;
  method: string;
  path: string;
  /** False for the token request, which takes no bearer token. */
  authenticated: boolean;
  /** The request body's media type, when the operation takes a body. */
  bodyType: string | undefined;
  bodyRequired: boolean;
  fields: CompiledField[];
  /** The names of {@link CompiledOperation.fields}: what a body may hold, looked up for every field it has. */
  fieldNames: ReadonlySet<string>;
  /** Path parameters, in the order of the path. */
  pathParams: CompiledField[];
  /** Query parameters. */
  query: CompiledField[];
}

function compileFields(fields: Record<string, FieldRule>): CompiledField[] {
  return Object.entries(fields).map(([name, rule]) => ({
    name,
    required: rule.required,
    check: compileCheck(rule),
    secret: rule.secret === true,
  }));
}

/** A header parameter's rules, compiled. */
export interface CompiledHeader {
  /** The spelling the spec uses, for messages. */
  name: string;
  check: Check;
  /** Upper-case methods that may carry the header, or null for any. */
  methods: readonly string[] | null;
}

/** Every operation's rules, compiled once. */
export const operationRules: readonly CompiledOperation[] = Object.values(constraints.operations).map((op) => ({
  operationId: op.operationId,
  method: op.method,
  path: op.path,
  authenticated: op.auth,
  bodyType: "contentType" in op ? op.contentType : undefined,
  bodyRequired: op.bodyRequired,
  fields: compileFields(op.fields),
  fieldNames: new Set(Object.keys(op.fields)),
  pathParams: compileFields(op.pathParams),
  query: compileFields(op.query),
}));

/** Every header parameter's rules, keyed by lower-case name. */
export const headerRules: ReadonlyMap<string, CompiledHeader> = new Map(
  Object.entries(constraints.headers).map(([name, rule]) => [
    name.toLowerCase(),
    {
      name,
      check: compileCheck(rule as ValueRule),
      methods: "methods" in rule ? rule.methods : null,
    },
  ]),
);

/** A broken rule, and the field or parameter that broke it (no name: the body, or the parameters, as a whole). */
export interface Finding extends Violation {
  name?: string;
}

const REQUIRED: Violation = { rule: "required", problem: "is required" };

/**
 * Checks the values of one location's parameters (an object of them, or nothing): the first one missing or
 * breaking its rule. A parameter given as `undefined` or `null` counts as not given.
 */
export function checkParameters(parameters: readonly CompiledField[], values: unknown): Finding | undefined {
  if (values !== undefined && values !== null && (typeof values !== "object" || Array.isArray(values))) {
    return { rule: "type", problem: "must be an object of parameter values" };
  }
  const record = (values ?? {}) as Record<string, unknown>;
  for (const { name, required, check } of parameters) {
    const value = record[name];
    const violation = value === undefined || value === null ? (required ? REQUIRED : null) : check(value);
    if (violation) return { ...violation, name };
  }
  return undefined;
}

/** A body field the operation does not take, found when {@link BodyCheckOptions.unknownFields} is `refuse`. */
export interface UnknownFieldFinding {
  rule: "unknownField";
  /** The field's name, as the body spells it. */
  name: string;
  problem: string;
}

/** How {@link checkBody} judges a body. */
export interface BodyCheckOptions {
  /**
   * A field the operation does not take: `ignore` (the default) leaves it for the server to judge, as the client
   * does, so that a field Zuora accepts before the spec describes it still travels; `refuse` finds it before any
   * other rule, as Zuora does (reason category 21, "unknown field in request") and so the stand-in does.
   */
  unknownFields?: "ignore" | "refuse";
}

/**
 * Checks a request body, as the JSON that travels, against its operation's fields: the body itself (required, an
 * object), then (when asked) a field the operation does not take, then the first field missing or breaking its rule.
 * No body is `undefined` or `null`.
 */
export function checkBody(operation: CompiledOperation, body: unknown): Finding | undefined;
export function checkBody(
  operation: CompiledOperation,
  body: unknown,
  options: BodyCheckOptions,
): Finding | UnknownFieldFinding | undefined;
export function checkBody(
  operation: CompiledOperation,
  body: unknown,
  options: BodyCheckOptions = {},
): Finding | UnknownFieldFinding | undefined {
  if (body === undefined || body === null) return operation.bodyRequired ? REQUIRED : undefined;
  if (typeof body !== "object" || Array.isArray(body)) return { rule: "type", problem: "must be a JSON object" };
  const record = body as Record<string, unknown>;
  if (options.unknownFields === "refuse") {
    const unknown = Object.keys(record).find((name) => !operation.fieldNames.has(name));
    if (unknown !== undefined)
      return { rule: "unknownField", name: unknown, problem: "is not a field of this operation" };
  }
  for (const { name, required, check } of operation.fields) {
    const value = record[name];
    const violation = value === undefined ? (required ? REQUIRED : null) : check(value);
    if (violation) return { ...violation, name };
  }
  return undefined;
}
