import type { TokenLease, TokenSource } from "../auth/tokenSource.js";
import { apiErrorWith, ZuoraApiError, ZuoraAuthenticationError } from "../errors/ZuoraApiError.js";
import { target } from "../pipeline/target.js";
import type { PipelineRequest, Policy } from "../pipeline/types.js";

/**
 * The token source's failure, as the call that needed the token reports it: with the time the call waited in the
 * queue. A token function's failure (no status: no token request was made) also names the call, so a log line says
 * which request was not sent. The source's error is shared by every call waiting on the same token, so each call
 * gets its own copy rather than an edit of the shared one.
 */
function forCall(error: unknown, request: PipelineRequest): unknown {
  if (!(error instanceof ZuoraApiError)) return error;
  const { queuedMs } = request.info;
  if (!(error instanceof ZuoraAuthenticationError) || error.status !== undefined)
    return apiErrorWith(error, { queuedMs });
  return new ZuoraAuthenticationError({
    message: `${target(request)} was not sent: ${error.message}`,
    attempts: 0,
    queuedMs,
    trackId: request.headers.get("zuora-track-id") ?? undefined,
    idempotencyKey: request.info.idempotencyKey,
    cause: error.cause,
  });
}

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
    async send(request, next) {
      // The caller's own credential (hidden in errors and logs from the start: see createPipeline) is sent as is.
      if (request.headers.has("authorization")) return next(request);
      const sendWith = (lease: TokenLease) => {
        request.secrets.add(lease.token);
        request.headers.set("authorization", `Bearer ${lease.token}`);
        return next(request);
      };
      const lease = await source.get(request.signal).catch((error: unknown) => {
        throw forCall(error, request);
      });
      const response = await sendWith(lease);
      if (response.status !== 401 || !source.refresh) return response;

      await response.body?.cancel();
      const refreshed = await source.refresh(lease, request.signal).catch((error: unknown) => {
        throw forCall(error, request);
      });
      return sendWith(refreshed);
    },
  };
}
