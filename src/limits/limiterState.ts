import { parseRetryAfter } from "../retry/retryAfter.js";

/**
 * What the limiter knows: how many calls it lets out at once, how many are out, and what the tenant's answers said
 * about its limits. Every rule of the limiter is a pure function from one state to the next, below; the policy
 * (src/policies/limiterPolicy.ts) only acts on them.
 */
export interface LimiterState {
  /** Calls allowed in flight (fractional: it grows by 1/limit per success); at least 1, at most {@link ceiling}. */
  limit: number;
  /** `maxConcurrency`, or less when the tenant announced a smaller `Concurrency-Limit-Limit`. */
  ceiling: number;
  /** The client's `maxConcurrency`. */
  max: number;
  /** Calls sent and not yet answered. */
  inFlight: number;
  /** Counts the decreases; a refusal of a call sent before the latest one does not decrease again. */
  epoch: number;
  /**
   * Requests the rate window still allows once every call in flight is counted, as far as the answers tell (a lower
   * bound); Infinity when unknown.
   */
  allowance: number;
  /** When the rate window resets, in ms on the client's clock; 0 when unknown. */
  resetAt: number;
  /** The window's quota (the first number of `RateLimit-Limit`), the allowance after a reset; Infinity when unknown. */
  quota: number;
}

/** How much a decrease keeps of the limit (the multiplicative step of AIMD; 0.7, as AWS's adaptive retry mode). */
export const DECREASE_FACTOR = 0.7;

/** A limiter that has heard nothing yet. */
export function initialLimiterState(maxConcurrency: number): LimiterState {
  return {
    limit: maxConcurrency,
    ceiling: maxConcurrency,
    max: maxConcurrency,
    inFlight: 0,
    epoch: 0,
    allowance: Number.POSITIVE_INFINITY,
    resetAt: 0,
    quota: Number.POSITIVE_INFINITY,
  };
}

/** Whether a call may be sent now: `send`, wait for a call in flight to end (`slot`), or wait `ms` for the reset. */
export type Admission = { kind: "send" } | { kind: "slot" } | { kind: "reset"; ms: number };

/**
 * Decides whether one more call may go out at `now`: not while `floor(limit)` are in flight, and not while the rate
 * window is used up (a call sent then would only meet a 429): until its reset, or, when the reset is not known, until
 * the answers in flight say more.
 */
export function admission(state: LimiterState, now: number): Admission {
  if (state.allowance <= 0) {
    if (state.resetAt > now) return { kind: "reset", ms: state.resetAt - now };
    if (state.resetAt === 0 && state.inFlight > 0) return { kind: "slot" };
  }
  if (state.inFlight >= Math.floor(state.limit)) return { kind: "slot" };
  return { kind: "send" };
}

/** A call went out: it takes a slot and one request of the window. */
export function sent(state: LimiterState): LimiterState {
  return changed(state, { inFlight: state.inFlight + 1, allowance: state.allowance - 1 });
}

/** A call ended without an answer (no response, a timeout, the caller's abort): its slot is free. */
export function ended(state: LimiterState): LimiterState {
  return changed(state, { inFlight: state.inFlight - 1 });
}

/**
 * The reset was waited out: the window starts over with its whole quota (or an unknown allowance), until answers
 * say more.
 */
export function resetReached(state: LimiterState): LimiterState {
  return changed(state, { allowance: state.quota, resetAt: 0 });
}

/** What one answer said about the tenant's limits. */
export interface LimitReading {
  /**
   * `concurrency`: a 429 for the tenant's concurrent request limit; `rate`: a 429 for its request quota (the window
   * is used up, or a `Retry-After` without `Concurrency-Limit-*`); `failed`: a 5xx, or a 429 that says neither;
   * `other`: any other answer.
   */
  kind: "concurrency" | "rate" | "failed" | "other";
  /** `Concurrency-Limit-Limit`: the tenant's concurrent requests. */
  concurrencyLimit: number | undefined;
  /** `Concurrency-Limit-Remaining`: how many more the tenant took when this request arrived. */
  concurrencyRemaining: number | undefined;
  /** `RateLimit-Remaining`: requests left in the window closest to exhaustion. */
  remaining: number | undefined;
  /** `RateLimit-Reset`, in ms from now. */
  resetMs: number | undefined;
  /** The first number of `RateLimit-Limit`: the quota of that window. */
  quota: number | undefined;
  /** `Retry-After`, in ms from now. */
  retryAfterMs: number | undefined;
}

/**
 * Reads Zuora's limit headers from an answer. `now` dates a `Retry-After` given as an HTTP date; waits longer than
 * `maxWaitMs` (the client's `retry.maxRetryAfterMs`) are cut to it, so a bad header cannot stall the client.
 */
export function readLimits(status: number, headers: Headers, now: number, maxWaitMs: number): LimitReading {
  const concurrencyLimit = count(headers.get("concurrency-limit-limit"));
  const concurrencyRemaining = count(headers.get("concurrency-limit-remaining"));
  const remaining = count(headers.get("ratelimit-remaining"));
  const reset = count(headers.get("ratelimit-reset"));
  const quota = count(/^\s*(\d+)/.exec(headers.get("ratelimit-limit") ?? "")?.[1] ?? null);
  const retryAfter = status === 429 ? parseRetryAfter(headers.get("retry-after"), now) : undefined;
  const retryAfterMs = retryAfter === undefined ? undefined : Math.min(retryAfter, maxWaitMs);
  const resetMs = reset === undefined ? undefined : Math.min(reset * 1000, maxWaitMs);
  let kind: LimitReading["kind"] = status >= 500 ? "failed" : "other";
  if (status === 429) {
    kind = "failed";
    // Zuora sends the rate headers on every answer, the concurrency headers with a concurrency refusal: a used-up
    // window names the rate, then the concurrency headers name theirs.
    if (remaining === 0) kind = "rate";
    else if (concurrencyLimit !== undefined || concurrencyRemaining !== undefined) kind = "concurrency";
    else if (retryAfterMs !== undefined) kind = "rate";
  }
  return {
    kind,
    concurrencyLimit,
    concurrencyRemaining,
    remaining,
    resetMs,
    quota,
    retryAfterMs,
  };
}

/**
 * Learns from the answer to a call that was in flight (it no longer is) and was sent in epoch `sentEpoch`:
 * - the tenant's `Concurrency-Limit-Limit` caps the limit: one client never needs more than the whole tenant;
 * - a concurrency refusal means the tenant is full now: the limit drops to what this client still has in flight
 *   (never below 1), and the first refusal since the last decrease also cuts it by {@link DECREASE_FACTOR};
 * - any other answer but a failure (a 5xx) raises the limit by 1/limit (one more call per limit's worth of answers),
 *   up to the ceiling, unless its `Concurrency-Limit-Remaining` says the tenant was full: then one more call would
 *   only be refused (this is how clients sharing a tenant settle without refusing each other);
 * - `RateLimit-Remaining` and `-Reset` set how many more requests the window allows (the calls still in flight may
 *   not have been counted yet, so they are taken off); a rate refusal uses the window up until its reset (or
 *   `Retry-After`, whichever is later).
 */
export function answered(state: LimiterState, reading: LimitReading, sentEpoch: number, now: number): LimiterState {
  const inFlight = state.inFlight - 1;
  const ceiling =
    reading.concurrencyLimit === undefined ? state.ceiling : Math.max(1, Math.min(state.max, reading.concurrencyLimit));
  let { limit, epoch } = state;
  if (reading.kind === "concurrency") {
    if (sentEpoch === epoch) {
      limit *= DECREASE_FACTOR;
      epoch += 1;
    }
    limit = Math.max(1, Math.min(limit, inFlight));
  } else if (reading.kind === "other" && reading.concurrencyRemaining !== 0) {
    limit += 1 / Math.max(1, Math.floor(limit));
  }
  limit = Math.max(1, Math.min(limit, ceiling));
  const quota = reading.quota ?? state.quota;
  const window = rateWindow(state, inFlight, reading, now);
  return changed(state, { inFlight, limit, ceiling, epoch, quota, allowance: window[0], resetAt: window[1] });
}

/** The window's `[allowance, resetAt]` after an answer, `inFlight` calls still out. */
function rateWindow(state: LimiterState, inFlight: number, reading: LimitReading, now: number): [number, number] {
  if (reading.kind === "rate") {
    return [0, Math.max(now + (reading.resetMs ?? 0), now + (reading.retryAfterMs ?? 0), state.resetAt)];
  }
  if (reading.remaining === undefined || reading.resetMs === undefined) return [state.allowance, state.resetAt];
  const resetAt = now + reading.resetMs;
  // The calls still out may reach the window after this answer was counted: only what is left after them is sure.
  const sure = reading.remaining - inFlight;
  // Reset is in whole seconds: a reset more than a second later than the known one is a new window.
  if (state.resetAt === 0 || resetAt > state.resetAt + 1000) return [sure, resetAt];
  // An answer of an earlier window, arriving late, tells nothing about this one.
  if (resetAt < state.resetAt - 1000) return [state.allowance, state.resetAt];
  return [Math.max(state.allowance, sure), state.resetAt];
}

/**
 * A copy of `state` with `changes` (spelled out: V8 builds a literal of known shape in one step, a spread key by key,
 * which cost more than the rest of a call's limiting).
 */
function changed(state: LimiterState, changes: Partial<LimiterState>): LimiterState {
  return {
    limit: changes.limit ?? state.limit,
    ceiling: changes.ceiling ?? state.ceiling,
    max: state.max,
    inFlight: changes.inFlight ?? state.inFlight,
    epoch: changes.epoch ?? state.epoch,
    allowance: changes.allowance ?? state.allowance,
    resetAt: changes.resetAt ?? state.resetAt,
    quota: changes.quota ?? state.quota,
  };
}

/** A whole number ≥ 0 in a header, or undefined. */
function count(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
