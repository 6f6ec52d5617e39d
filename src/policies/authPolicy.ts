import type { TokenLease, TokenSource } from "../auth/tokenSource.js";
import type { Policy } from "../pipeline/types.js";

/** Options of {@link authPolicy}. */
export interface AuthPolicyOptions {
  source: TokenSource;
}

/**
 * Sends `Authorization: Bearer <token>` unless the caller set an Authorization header. On a 401 it asks the source
 * for a new token and sends the request once more, and no more: a second 401 is the answer (a loop would hammer
 * Zuora with refused credentials). A caller's own Authorization header is never replaced, nor refreshed. Waiting
 * for a token (or a refresh) ends the moment the call's signal aborts.
 */
export function authPolicy(options: AuthPolicyOptions): Policy {
  const { source } = options;
  return {
    name: "authPolicy",
    async send(request, next) {
      if (request.headers.has("authorization")) return next(request);
      const sendWith = (lease: TokenLease) => {
        request.secrets.add(lease.token);
        request.headers.set("authorization", `Bearer ${lease.token}`);
        return next(request);
      };
      const lease = await source.get(request.signal);
      const response = await sendWith(lease);
      if (response.status !== 401 || !source.refresh) return response;

      await response.body?.cancel();
      return sendWith(await source.refresh(lease, request.signal));
    },
  };
}
