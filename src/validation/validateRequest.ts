import { ZuoraValidationError } from "../errors/ZuoraValidationError.js";
import { describeChar } from "./describe.js";
import { invalidHeaderCharAt } from "./headerValue.js";
import { type CompiledOperation, headerRules, operationRules } from "./rules.js";

/** The request as the caller described it, before anything is sent. */
export interface RequestToValidate {
  method: string;
  /** The spec path (`/v1/entities`), not a URL. */
  path: string;
  body: unknown;
  /** Every header value the request will carry, by lower-case name. */
  headers: ReadonlyMap<string, string>;
}

/** Finds an operation's compiled rules, or undefined for a path the spec does not describe. */
export function findOperation(method: string, path: string): CompiledOperation | undefined {
  return operationRules.get(`${method} ${path}`);
}

/**
 * Checks the body and header values against the spec's constraints and HTTP's header rule. Throws
 * {@link ZuoraValidationError} on the first violation; returns nothing when the request may be sent.
 */
export function validateRequest(request: RequestToValidate): void {
  const operation = findOperation(request.method, request.path);
  const operationId = operation?.operationId ?? `${request.method} ${request.path}`;
  const fail = (field: string, rule: ZuoraValidationError["rule"], problem: string): never => {
    throw new ZuoraValidationError({ operationId, field, rule, problem });
  };

  for (const [name, value] of request.headers) {
    const at = invalidHeaderCharAt(value);
    const rule = headerRules.get(name);
    const label = `header ${rule?.name ?? name}`;
    if (at !== -1) {
      fail(
        label,
        "headerValue",
        `contains ${describeChar(value, at)} at position ${at + 1}, which an HTTP header cannot carry`,
      );
    }
    if (!rule) continue;
    if (rule.methods && !rule.methods.includes(request.method)) {
      fail(label, "method", `may only be sent with ${rule.methods.join(" or ")}, not ${request.method}`);
    }
    const violation = rule.check(value);
    if (violation) fail(label, violation.rule, violation.problem);
  }

  if (!operation) return;
  const { body } = request;
  if (body === undefined || body === null) {
    if (operation.bodyRequired) fail("body", "required", "is required");
    return;
  }
  if (typeof body !== "object" || Array.isArray(body)) fail("body", "type", "must be a JSON object");
  const record = body as Record<string, unknown>;
  for (const field of operation.fields) {
    const value = record[field.name];
    if (value === undefined) {
      if (field.required) fail(`body.${field.name}`, "required", "is required");
      continue;
    }
    const violation = field.check(value);
    if (violation) fail(`body.${field.name}`, violation.rule, violation.problem);
  }
}
