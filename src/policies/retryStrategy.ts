import { parseRetryAfter } from "./retryAfter.js";

/** The delays a retry strategy works with: the client's `retry` options, their defaults filled in. */
export interface BackoffOptions {
  /** The first retry's upper bound, in ms; it doubles each retry. */
  baseDelayMs: number;
  /** The largest backoff, in ms. */
  maxDelayMs: number;
  /** The longest `Retry-After` honoured, in ms; a longer one is cut to this. */
  maxRetryAfterMs: number;
  /** A number in [0, 1), for jitter. */
  random: () => number;
  /** The current time in ms, for `Retry-After` dates. */
  now: () => number;
}

/** What one attempt ended with. */
export interface AttemptOutcome {
  /** 1 for the first attempt. */
  attempt: number;
  /** Retries allowed after the first attempt. */
  maxRetries: number;
  /** The request may be sent again: an idempotent method, an `Idempotency-Key`, or a request that changes nothing. */
  replayable: boolean;
  /** The request carried an `Idempotency-Key`. */
  keyed: boolean;
  response?: Response;
  /** A network failure or a per-attempt timeout (never the caller's abort: that stops at once). */
  error?: unknown;
}

/** Retry after `delayMs`, or stop. `reason` says why, for errors and debugging. */
export type RetryDecision = { retry: true; delayMs: number; reason: string } | { retry: false; reason: string };

/**
 * Decides whether to send a request again. Pure: the same outcome and options give the same decision, so every
 * rule below is testable without a network or a clock.
 */
export function decideRetry(outcome: AttemptOutcome, options: BackoffOptions): RetryDecision {
  const status = outcome.response?.status;
  // A response that is not one of the transient failures below is the answer, good or bad.
  const transient =
    outcome.error !== undefined ||
    // Rate or concurrency limit: Zuora asks to come back later.
    status === 429 ||
    // Zuora or a gateway failed; with a key, Zuora performs the operation at most once.
    status === 500 ||
    status === 502 ||
    status === 503 ||
    status === 504 ||
    // The same key is still in progress (Zuora's idempotency guide): ask again for its saved result.
    (status === 409 && outcome.keyed);
  if (!transient) return { retry: false, reason: status === undefined ? "no response" : `HTTP ${status} is final` };
  // A POST without a key could be performed twice: never resend it.
  if (!outcome.replayable) return { retry: false, reason: "the request is not safe to send again" };
  if (outcome.attempt > outcome.maxRetries)
    return { retry: false, reason: `retries exhausted (${outcome.maxRetries})` };

  const retryAfter = outcome.response
    ? parseRetryAfter(outcome.response.headers.get("retry-after"), options.now())
    : undefined;
  if (retryAfter !== undefined) {
    // Zuora said when: wait that long (capped, so a bad header cannot stall the caller for hours).
    return { retry: true, delayMs: Math.min(retryAfter, options.maxRetryAfterMs), reason: "Retry-After" };
  }
  // Exponential backoff with full jitter: spreads retries from many clients over the whole window.
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (outcome.attempt - 1));
  return { retry: true, delayMs: Math.floor(options.random() * ceiling), reason: "backoff" };
}
