import { parseRetryAfter } from "./retryAfter.js";

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
  /**
   * No call goes out before this time, in ms on the client's clock (0: none): the tenant refused every call of this
   * client for its concurrency limit, so other clients hold it, and only time can free it.
   */
  holdUntil: number;
  /**
   * When the tenant began refusing this client's calls for concurrency with none getting through since, in ms on the
   * client's clock; 0 while calls get through.
   */
  shutOutSince: number;
  /** Waits on time in a row (holds, and backoffs after a rate refusal that named no reset): each grows the next. */
  waits: number;
}

/** How much a decrease keeps of the limit (the multiplicative step of AIMD; 0.7, as AWS's adaptive retry mode). */
export const DECREASE_FACTOR = 0.7;

/**
 * The first wait after the tenant refused every call of the client for concurrency, in ms: its upper bound (the wait
 * is drawn at random below it, full jitter), doubling with each refusal in a row up to
 * {@link SHUT_OUT_MAX_WAIT_MS}. A concurrency slot frees when any request of the tenant ends, so waits stay short:
 * other clients' calls end within a request's time.
 */
export const SHUT_OUT_FIRST_WAIT_MS = 20;

/** The largest wait between two tries while the tenant refuses every call of the client for concurrency, in ms. */
export const SHUT_OUT_MAX_WAIT_MS = 320;

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
    holdUntil: 0,
    shutOutSince: 0,
    waits: 0,
  };
}

/**
 * Whether a call may be sent now: `send`; wait for a call in flight to end (`slot`); wait `ms` for the rate window's
 * reset (`reset`); or wait `ms` before trying the tenant again (`hold`).
 */
export type Admission =
  | { kind: "send" }
  | { kind: "slot" }
  | { kind: "reset"; ms: number }
  | { kind: "hold"; ms: number };

/**
 * Decides whether one more call may go out at `now`: not during a hold, not while `floor(limit)` are in flight, and
 * not while the rate window is used up (a call sent then would only meet a 429): until its reset, or, when the reset
 * is not known, until the answers in flight say more.
 */
export function admission(state: LimiterState, now: number): Admission {
  if (state.holdUntil > now) return { kind: "hold", ms: state.holdUntil - now };
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

/** The hold was waited out: one call may try the tenant again. */
export function holdPassed(state: LimiterState): LimiterState {
  return changed(state, { holdUntil: 0 });
}

/**
 * Whether the tenant has refused this client's calls for concurrency, none getting through, for `maxWaitMs` or
 * longer at `now`: then a call it refuses fails instead of waiting again (and, since the limiter lets one call out
 * at a time by then, the calls queued behind it follow quickly, one request each, for as long as it lasts).
 */
export function shutOutTooLong(state: LimiterState, now: number, maxWaitMs: number): boolean {
  return state.shutOutSince > 0 && now - state.shutOutSince >= maxWaitMs;
}

/**
 * A wait drawn at random (full jitter) below `firstMs × 2^n`, capped at `maxMs`: the `n`th wait in a row, from 0.
 * `random` is a number in [0, 1).
 */
export function backoffMs(n: number, random: number, firstMs: number, maxMs: number): number {
  return Math.floor(random * Math.min(maxMs, firstMs * 2 ** Math.min(n, 30)));
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
 * Reads Zuora's limit headers from an answer, only those that can change a decision in `state` (each read costs):
 * `RateLimit-Remaining` always; `-Reset` and `-Limit` once the window could run out before the next answer; the
 * `Concurrency-Limit-*` headers on a 429, or while the limit is below its ceiling (they can stop it rising, or lower
 * the ceiling); `Retry-After` on a 429. `now` dates a `Retry-After` given as an HTTP date; waits longer than
 * `maxWaitMs` (the client's `retry.maxRetryAfterMs`) are cut to it, so a bad header cannot stall the client.
 */
export function readLimits(
  status: number,
  headers: Headers,
  now: number,
  maxWaitMs: number,
  state: LimiterState | undefined = undefined,
): LimitReading {
  const refused = status === 429;
  const remaining = count(headers.get("ratelimit-remaining"));
  const windowMatters =
    refused || state === undefined || (remaining !== undefined && remaining - state.inFlight <= state.ceiling);
  const concurrencyMatters = refused || state === undefined || state.limit < state.ceiling;
  const concurrencyLimit = concurrencyMatters ? count(headers.get("concurrency-limit-limit")) : undefined;
  const concurrencyRemaining = concurrencyMatters ? count(headers.get("concurrency-limit-remaining")) : undefined;
  const reset = windowMatters && remaining !== undefined ? count(headers.get("ratelimit-reset")) : undefined;
  const quota =
    windowMatters && remaining !== undefined
      ? count(/^\s*(\d+)/.exec(headers.get("ratelimit-limit") ?? "")?.[1] ?? null)
      : undefined;
  const retryAfter = refused ? parseRetryAfter(headers.get("retry-after"), now) : undefined;
  const retryAfterMs = retryAfter === undefined ? undefined : Math.min(retryAfter, maxWaitMs);
  const resetMs = reset === undefined ? undefined : Math.min(reset * 1000, maxWaitMs);
  let kind: LimitReading["kind"] = status >= 500 ? "failed" : "other";
  if (refused) {
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

/** The client's settings the waits follow, in ms. */
export interface WaitSettings {
  /** How long the client keeps trying while the tenant refuses every call of it for concurrency. */
  maxConcurrencyWaitMs: number;
  /** The first backoff's upper bound after a rate refusal that names no reset (`retry.baseDelayMs`). */
  baseDelayMs: number;
  /** The largest such backoff (`retry.maxDelayMs`). */
  maxDelayMs: number;
}

/**
 * How long calls wait after `reading` stopped them, when it is a refusal ({@link answered} uses it where the answer
 * calls for a wait on time); `random` is a number in [0, 1), for the jitter:
 * - a concurrency refusal: the answer's `Retry-After`, else (or when it says 0: "now", or a date our clock has
 *   passed, is no reason to resend at once, round after round) a backoff from {@link SHUT_OUT_FIRST_WAIT_MS} up to
 *   {@link SHUT_OUT_MAX_WAIT_MS}, growing with the waits in a row; never past the end of `maxConcurrencyWaitMs`
 *   from the first refusal, so that the last try comes at that end, not after it;
 * - a rate refusal that names no reset (or a reset of 0): a backoff from `baseDelayMs` up to `maxDelayMs`, growing
 *   the same way (a window that resets unseen is no reason to send again at once).
 */
export function waitAfter(
  state: LimiterState,
  reading: LimitReading,
  now: number,
  random: number,
  settings: WaitSettings,
): number {
  if (reading.kind === "concurrency") {
    const wait = reading.retryAfterMs || backoffMs(state.waits, random, SHUT_OUT_FIRST_WAIT_MS, SHUT_OUT_MAX_WAIT_MS);
    const since = state.shutOutSince === 0 ? now : state.shutOutSince;
    return Math.max(0, Math.min(wait, since + settings.maxConcurrencyWaitMs - now));
  }
  return backoffMs(state.waits, random, settings.baseDelayMs, settings.maxDelayMs);
}

/**
 * Learns from the answer to a call that was in flight (it no longer is) and was sent in epoch `sentEpoch`; `waitMs`
 * is the wait {@link waitAfter} chose, when the answer is a refusal:
 * - the tenant's `Concurrency-Limit-Limit` caps the limit: one client never needs more than the whole tenant;
 * - a concurrency refusal means the tenant is full now: the limit drops to what this client still has in flight
 *   (never below 1), and the first refusal since the last decrease also cuts it by {@link DECREASE_FACTOR}. Once
 *   nothing of this client's is still in flight, other clients hold the tenant and only time frees it: no call goes
 *   out for `waitMs`, then one tries again (and the next wait grows);
 * - any other answer but a failure (a 5xx) raises the limit, up to the ceiling: by 1 when its
 *   `Concurrency-Limit-Remaining` says the tenant had room for as many calls again as the limit (so the limit
 *   doubles in a round of answers while the tenant is mostly free, and climbs back quickly after a drop), by 1/limit
 *   otherwise (one more call per limit's worth of answers: additive, so that clients sharing a full tenant converge
 *   to fair shares), and not at all when it says the tenant was full: then one more call would only be refused
 *   (this is how clients sharing a tenant settle without refusing each other). Any answer but a concurrency refusal shows that calls get
 *   through: the hold and the run of refusals end;
 * - `RateLimit-Remaining` and `-Reset` set how many more requests the window allows (the calls still in flight may
 *   not have been counted yet, so they are taken off); a rate refusal uses the window up until its reset (or
 *   `Retry-After`, whichever is later), or for `waitMs` when it names neither; once answers stop carrying
 *   `RateLimit-Remaining` and the known reset is past, no window holds calls back.
 */
export function answered(
  state: LimiterState,
  reading: LimitReading,
  sentEpoch: number,
  now: number,
  waitMs = 0,
): LimiterState {
  const inFlight = state.inFlight - 1;
  const ceiling =
    reading.concurrencyLimit === undefined ? state.ceiling : Math.max(1, Math.min(state.max, reading.concurrencyLimit));
  let { limit, epoch, holdUntil, shutOutSince, waits } = state;
  if (reading.kind === "concurrency") {
    if (sentEpoch === epoch) {
      limit *= DECREASE_FACTOR;
      epoch += 1;
    }
    limit = Math.max(1, Math.min(limit, inFlight));
    if (shutOutSince === 0) shutOutSince = now;
    // The last of this client's calls out was refused too: a wait on time, once per round of refusals.
    if (inFlight === 0) {
      holdUntil = Math.max(holdUntil, now + waitMs);
      waits += 1;
    }
  } else {
    if (reading.kind === "other" && reading.concurrencyRemaining !== 0) {
      // The tenant had room for as many again as this client sends: a whole call more (the limit doubles in a
      // round, as it climbs back after a drop); else a call more per limit's worth of answers.
      const whole = Math.max(1, Math.floor(limit));
      limit += (reading.concurrencyRemaining ?? 0) >= whole ? 1 : 1 / whole;
    }
    holdUntil = 0;
    shutOutSince = 0;
    if (reading.kind !== "rate") waits = 0;
  }
  limit = Math.max(1, Math.min(limit, ceiling));
  const quota = reading.quota ?? state.quota;
  let allowance: number;
  let resetAt: number;
  if (reading.kind === "rate") {
    allowance = 0;
    const told = Math.max(reading.resetMs ?? 0, reading.retryAfterMs ?? 0);
    if (told > 0) resetAt = Math.max(now + told, state.resetAt);
    else if (state.resetAt > now) resetAt = state.resetAt;
    else {
      // A reset that is not said (or said to be now) is no reason to send again at once: back off, once per round.
      resetAt = now + waitMs;
      waits += 1;
    }
  } else {
    [allowance, resetAt] = rateWindow(state, inFlight, reading, now);
  }
  return changed(state, {
    inFlight,
    limit,
    ceiling,
    epoch,
    quota,
    allowance,
    resetAt,
    holdUntil,
    shutOutSince,
    waits,
  });
}

/** The window's `[allowance, resetAt]` after an answer that is not a rate refusal, `inFlight` calls still out. */
function rateWindow(state: LimiterState, inFlight: number, reading: LimitReading, now: number): [number, number] {
  if (reading.remaining === undefined) {
    // Answers that no longer say leave nothing to count down once the known reset is past: no call waits on a
    // window nobody reports.
    return state.resetAt > now ? [state.allowance, state.resetAt] : [Number.POSITIVE_INFINITY, 0];
  }
  // The calls still out may reach the window after this answer was counted: only what is left after them is sure.
  const sure = reading.remaining - inFlight;
  // Plenty left (the reset was not even read): this answer's count is the best there is.
  if (reading.resetMs === undefined) return [sure, state.resetAt];
  const resetAt = now + reading.resetMs;
  // Reset is in whole seconds: a reset more than a second later than the known one is a new window.
  if (state.resetAt === 0 || resetAt > state.resetAt + 1000) return [sure, resetAt];
  // An answer of an earlier window, arriving late, tells nothing about this one.
  if (resetAt < state.resetAt - 1000) return [state.allowance, state.resetAt];
  return [Math.max(state.allowance, sure), state.resetAt];
}

/** A copy of `state` with `changes`, listed rather than spread (see docs/performance.md, "Where a call's time goes"). */
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
    holdUntil: changes.holdUntil ?? state.holdUntil,
    shutOutSince: changes.shutOutSince ?? state.shutOutSince,
    waits: changes.waits ?? state.waits,
  };
}

/** A whole number ≥ 0 in a header, or undefined. */
function count(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
