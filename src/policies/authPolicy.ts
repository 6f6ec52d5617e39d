import type { TokenSource } from "../auth/tokenSource.js";
import type { Policy } from "../pipeline/types.js";

/** Options of {@link authPolicy}. */
export interface AuthPolicyOptions {
  source: TokenSource;
}

/**
 * Sends `Authorization: Bearer <token>` unless the caller set an Authorization header. On a 401 it asks the source
 * for a new token and sends the request once more, and no more: a second 401 is the answer (a loop would hammer
 * Zuora with refused credentials). A caller's own Authorization header is never replaced, nor refreshed.
 */
export function authPolicy(options: AuthPolicyOptions): Policy {
  const { source } = options;
  return {
    name: "authPolicy",
    async send(request, next) {
      if (request.headers.has("authorization")) return next(request);
      const token = await source.get();
      request.headers.set("authorization", `Bearer ${token}`);
      const response = await next(request);
      if (response.status !== 401 || !source.refresh) return response;

      await response.body?.cancel();
      const fresh = await source.refresh(token);
      request.headers.set("authorization", `Bearer ${fresh}`);
      return next(request);
    },
  };
}
