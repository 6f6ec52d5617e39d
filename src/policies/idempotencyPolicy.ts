import type { Policy } from "../pipeline/types.js";
import { checkGeneratedKey } from "../prepare/idempotencyKey.js";

/** Options of {@link idempotencyPolicy}. */
export interface IdempotencyPolicyOptions {
  /** The upper-case methods that take a key (from the spec's `x-methods`: POST and PATCH). */
  methods: readonly string[];
  /** Makes a new key. Defaults to `crypto.randomUUID()`. */
  newKey?: () => string;
}

/**
 * Gives every POST/PATCH call one `Idempotency-Key`, unless the caller set one. The key is written on the request
 * itself, which every retry below (and the 401 retry above) sends again, so all attempts of one call share it and
 * Zuora performs the operation at most once. Other methods never get a key: Zuora asks that they not carry one. A
 * generated key is checked like a caller's (a ZuoraValidationError, nothing sent) before it is set.
 */
export function idempotencyPolicy(options: IdempotencyPolicyOptions): Policy {
  const custom = options.newKey;
  // A caller's generator is checked on every key; the built-in UUIDs always pass.
  const newKey = custom ? (method: string) => checkGeneratedKey(custom(), method) : () => crypto.randomUUID();
  const methods = new Set(options.methods);
  return {
    send(request, next) {
      if (methods.has(request.method) && !request.headers.has("idempotency-key")) {
        request.headers.set("idempotency-key", newKey(request.method));
      }
      request.info.idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
      return next(request);
    },
  };
}
