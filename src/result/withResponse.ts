import type { CallInfo } from "../pipeline/types.js";

/** Zuora's rate-limit headers on an answer, as sent (each absent when Zuora did not send it). */
export interface RateLimitHeaders {
  /** `RateLimit-Limit`: the policy, e.g. `2250000, 50000;w=60`. */
  limit: string | undefined;
  /** `RateLimit-Remaining`: requests left in the current window. */
  remaining: number | undefined;
  /** `RateLimit-Reset`: seconds until the window resets. */
  reset: number | undefined;
}

/** What an operation helper's `.withResponse()` resolves to: the data, the raw response and what the call did. */
export interface WithResponse<T> {
  /** What the helper itself resolves to. */
  data: T;
  /** The final HTTP response (after retries); its body has been read. */
  response: Response;
  /** `Zuora-Request-Id`: the id Zuora Global Support asks for. */
  requestId: string | undefined;
  /** `Zuora-Track-Id` as Zuora echoed it. */
  trackId: string | undefined;
  /** How many times the request went out (1 = no retry). */
  attempts: number;
  /** How long the call waited in the client's queue (`maxConcurrency`, a rate-limit reset) before it went out, in ms. */
  queuedMs: number;
  /** The `Idempotency-Key` every attempt carried, if any. */
  idempotencyKey: string | undefined;
  /** Zuora's rate-limit headers. */
  rateLimit: RateLimitHeaders;
}

/**
 * The promise an operation helper returns: awaited, the data (as before); `.withResponse()` gives the same call's
 * data together with its response and metadata. One request either way; the metadata is read only when asked for.
 */
export interface ZuoraPromise<T> extends Promise<T> {
  /** The same call's data with its response, request id, echoed track id, attempts and rate-limit headers. */
  withResponse(): Promise<WithResponse<T>>;
}

/** A settled call: the data and the response it came from. */
export interface CallResult<T> {
  data: T;
  response: Response;
  info: CallInfo | undefined;
}

/** Wraps one call's result as a {@link ZuoraPromise}. */
export function zuoraPromise<T>(result: Promise<CallResult<T>>): ZuoraPromise<T> {
  const data = result.then((settled) => settled.data);
  return Object.assign(data, {
    withResponse(): Promise<WithResponse<T>> {
      // A caller who only uses withResponse() never awaits `data`: its rejection (the same error) is theirs to
      // handle here, so it must not also surface as an unhandled rejection.
      data.catch(() => undefined);
      return result.then(({ data: value, response, info }) => withResponse(value, response, info));
    },
  });
}

function withResponse<T>(data: T, response: Response, info: CallInfo | undefined): WithResponse<T> {
  const header = (name: string) => response.headers.get(name) ?? undefined;
  const number = (name: string) => {
    const value = header(name);
    return value === undefined || value.trim() === "" || Number.isNaN(Number(value)) ? undefined : Number(value);
  };
  return {
    data,
    response,
    requestId: header("zuora-request-id"),
    trackId: header("zuora-track-id"),
    attempts: info?.attempts ?? 1,
    queuedMs: info?.queuedMs ?? 0,
    idempotencyKey: info?.idempotencyKey,
    rateLimit: {
      limit: header("ratelimit-limit"),
      remaining: number("ratelimit-remaining"),
      reset: number("ratelimit-reset"),
    },
  };
}
