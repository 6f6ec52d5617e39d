import { ZuoraValidationError } from "../errors/ZuoraValidationError.js";
import { normalizeHeaderValue } from "./headerValue.js";
import { validateRequest } from "./validateRequest.js";

/** The field every Idempotency-Key violation names. */
const FIELD = "header Idempotency-Key";

/**
 * Checks a key made by the client's `idempotencyKey` option by the same rules as a caller's key (the spec's 1 to
 * 255 characters once trimmed as fetch trims it, so never blank; only characters a header can carry), before
 * anything of the call is sent. Returns the key as it will travel.
 */
export function checkGeneratedKey(key: unknown, method: string): string {
  const operationId = "idempotencyKey option";
  if (typeof key !== "string") {
    throw new ZuoraValidationError({
      operationId,
      field: FIELD,
      rule: "type",
      problem: `must be a string, got ${typeof key}`,
    });
  }
  const value = normalizeHeaderValue(key);
  validateRequest({
    method,
    path: `(${operationId})`,
    body: undefined,
    headers: new Map([["idempotency-key", value]]),
  });
  return value;
}
