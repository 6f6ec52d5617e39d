import { ZuoraValidationError } from "../errors/ZuoraValidationError.js";
import { findOperation } from "./validateRequest.js";

/**
 * The body as the JSON that will travel, or a {@link ZuoraValidationError} naming the operation when it has none (a
 * BigInt, a cycle, a toJSON that throws). Undefined for no body. Validation then checks this JSON parsed back, so
 * inherited fields, a toJSON() and getters count as what they send.
 */
export function serializeBody(body: unknown, method: string, path: string): string | undefined {
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new ZuoraValidationError({
      operationId: findOperation(method, path)?.operationId ?? `${method} ${path}`,
      field: "body",
      rule: "type",
      problem: `cannot be sent as JSON (${error instanceof Error ? error.name : "error"}: a BigInt, a cycle, or a toJSON that throws)`,
    });
  }
}
