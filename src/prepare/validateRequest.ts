import {
  type CompiledOperation,
  checkBody,
  checkParameters,
  type Finding,
  headerRules,
  operationRules,
} from "../../rules/requestRules.js";
import { ZuoraValidationError } from "../errors/ZuoraValidationError.js";
import { headerValueProblem } from "./headerValue.js";

/** The request as the caller described it, before anything is sent. */
export interface RequestToValidate {
  method: string;
  /** The spec path (`/v1/entities`), not a URL. */
  path: string;
  body: unknown;
  /** Every header value the request will carry, by lower-case name. */
  headers: ReadonlyMap<string, string>;
  /** The path parameters' values (openapi-fetch's `params.path`). */
  pathParams?: unknown;
  /** The query values (openapi-fetch's `params.query`). */
  query?: unknown;
  /** The operation's rules, when the caller has already looked them up (else found by method and path). */
  operation?: CompiledOperation | undefined;
}

// By method, then path: a lookup of two strings the caller already has (their hashes cached) rather than of a
// "METHOD path" key built, and hashed, on every call.
const byMethod = new Map<string, Map<string, CompiledOperation>>();
for (const operation of operationRules) {
  const paths = byMethod.get(operation.method) ?? new Map<string, CompiledOperation>();
  byMethod.set(operation.method, paths.set(operation.path, operation));
}

/** Finds an operation's compiled rules, or undefined for a path the spec does not describe. */
export function findOperation(method: string, path: string): CompiledOperation | undefined {
  return byMethod.get(method)?.get(path);
}

/**
 * Checks the path, header, query and body values against the spec's constraints and HTTP's header rule. Throws
 * {@link ZuoraValidationError} on the first violation; returns nothing when the request may be sent.
 */
export function validateRequest(request: RequestToValidate): void {
  const operation = request.operation ?? findOperation(request.method, request.path);
  const operationId = operation?.operationId ?? `${request.method} ${request.path}`;
  const fail = (field: string, rule: ZuoraValidationError["rule"], problem: string): never => {
    throw new ZuoraValidationError({ operationId, field, rule, problem });
  };
  /** Throws for what the spec's rules found at `location` (`body`, `body.name`, `path.id`, ...), if anything. */
  const found = (location: string, finding: Finding | undefined) => {
    if (finding)
      fail(finding.name === undefined ? location : `${location}.${finding.name}`, finding.rule, finding.problem);
  };

  // Path parameters first: a value that would change which resource the URL names must never travel, and it is the
  // first thing wrong with such a request. The rules (from the spec) refuse an empty value and dot segments;
  // openapi-fetch percent-encodes the rest.
  if (operation) found("path", checkParameters(operation.pathParams, request.pathParams));
  for (const [name, value] of request.headers) {
    checkHeader(name, value, request.method, (rule, problem) =>
      fail(`header ${headerRules.get(name)?.name ?? name}`, rule, problem),
    );
  }

  if (!operation) return;
  found("query", checkParameters(operation.query, request.query));
  // Values the spec does not describe travel as openapi-fetch serializes them, which throws a bare Error for an
  // object inside an object or array and would send a function's source text.
  // Inherited keys included: the serializer walks them with for...in.
  const query = (request.query ?? {}) as Record<string, unknown>;
  for (const name in query) {
    if (!travels(query[name], 0))
      fail(`query.${name}`, "type", "cannot travel in a URL: a function, a symbol, or nesting");
  }
  found("body", checkBody(operation, request.body));
}

/** Throws for a broken rule: the rule and the problem, in words. */
type Fail = (rule: ZuoraValidationError["rule"], problem: string) => never;

/** One header value against HTTP's header rule, the spec's methods for it, and its schema. */
function checkHeader(name: string, value: string, method: string | undefined, fail: Fail): void {
  const unfit = headerValueProblem(value);
  if (unfit) fail("headerValue", unfit);
  const rule = headerRules.get(name);
  if (!rule) return;
  if (method !== undefined && rule.methods && !rule.methods.includes(method)) {
    fail("method", `may only be sent with ${rule.methods.join(" or ")}, not ${method}`);
  }
  const violation = rule.check(value);
  if (violation) fail(violation.rule, violation.problem);
}

/** A client option that becomes a header on every request: `trackId` → `Zuora-Track-Id`. */
export interface HeaderOption {
  /** The option's name, as the caller wrote it. */
  option: string;
  /** The lower-case header it fills. */
  header: string;
  value: string;
}

/**
 * Checks the client options that become headers, once, when the client is created: they break the same rules a
 * per-call value would. The error names the option (`options.trackId`) and the function (`createZuoraClient`).
 */
export function validateHeaderOptions(options: readonly HeaderOption[]): void {
  for (const { option, header, value } of options) {
    checkHeader(header, value, undefined, (rule, problem) => {
      throw new ZuoraValidationError({ operationId: "createZuoraClient", field: `options.${option}`, rule, problem });
    });
  }
}

/** The types of value a URL carries as text. */
const PLAIN_TYPES = new Set(["string", "number", "boolean", "bigint"]);

/** Whether a query value is text, a number, a boolean, or (at the top) an array or object of them, or none. */
function travels(value: unknown, depth: number): boolean {
  if (value === undefined || value === null || PLAIN_TYPES.has(typeof value)) return true;
  if (typeof value !== "object" || depth > 0) return false;
  for (const key in value) if (!travels((value as Record<string, unknown>)[key], 1)) return false;
  return true;
}
