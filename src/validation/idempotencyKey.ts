import { ZuoraValidationError } from "../errors/ZuoraValidationError.js";
import { normalizeHeaderValue } from "./headerValue.js";
import { validateRequest } from "./validateRequest.js";

/** The field every Idempotency-Key violation names. */
const FIELD = "header Idempotency-Key";

/**
 * Refuses a blank key (`""`, spaces): fetch would send it empty, and a resend with an empty key is no longer a
 * replay of one operation. `operationId` names the call in the message.
 */
export function refuseBlankKey(key: string | undefined, operationId: string): void {
  if (key !== undefined && normalizeHeaderValue(key) === "") {
    throw new ZuoraValidationError({ operationId, field: FIELD, rule: "minLength", problem: "must not be blank" });
  }
}

/**
 * Checks a key made by the client's `idempotencyKey` option by the same rules as a caller's key (length, characters
 * a header can carry, not blank), before anything of the call is sent. Returns the key as it will travel.
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
  refuseBlankKey(value, operationId);
  validateRequest({
    method,
    path: `(${operationId})`,
    body: undefined,
    headers: new Map([["idempotency-key", value]]),
  });
  return value;
}
