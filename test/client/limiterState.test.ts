import { describe, expect, it } from "vitest";
import * as limiter from "../../src/policies/limiterState.js";

const state = (over: Partial<limiter.LimiterState> = {}): limiter.LimiterState => ({
  ...limiter.initialLimiterState(16),
  ...over,
});
const reading = (over: Partial<limiter.LimitReading> = {}): limiter.LimitReading => ({
  kind: "other",
  concurrencyLimit: undefined,
  concurrencyRemaining: undefined,
  remaining: undefined,
  resetMs: undefined,
  quota: undefined,
  retryAfterMs: undefined,
  ...over,
});
const headers = (h: Record<string, string>) => new Headers(h);

describe("admission", () => {
  it("sends while fewer than the limit are in flight, then waits for a slot", () => {
    expect(limiter.admission(state({ inFlight: 15 }), 0)).toEqual({ kind: "send" });
    expect(limiter.admission(state({ inFlight: 16 }), 0)).toEqual({ kind: "slot" });
  });

  it("counts whole calls: a limit of 2.9 lets 2 out", () => {
    expect(limiter.admission(state({ limit: 2.9, inFlight: 2 }), 0)).toEqual({ kind: "slot" });
  });

  it("holds every call until the reset once the window is used up", () => {
    expect(limiter.admission(state({ allowance: 0, resetAt: 30_000 }), 10_000)).toEqual({ kind: "reset", ms: 20_000 });
  });

  it("holds a call once the quota after a reset is spent, until an answer in flight says more", () => {
    const spent = state({ allowance: 0, resetAt: 0, inFlight: 3 });
    expect(limiter.admission(spent, 0)).toEqual({ kind: "slot" });
    expect(limiter.admission({ ...spent, inFlight: 0 }, 0)).toEqual({ kind: "send" });
  });

  it("sends again once the reset is past, even before an answer says so", () => {
    expect(limiter.admission(state({ allowance: 0, resetAt: 30_000 }), 30_000)).toEqual({ kind: "send" });
  });

  it("takes a slot and a request of the window per call sent, and frees the slot of a call that ends unanswered", () => {
    const out = limiter.sent(state({ allowance: 5 }));
    expect(out).toMatchObject({ inFlight: 1, allowance: 4 });
    expect(limiter.ended(out).inFlight).toBe(0);
  });
});

describe("readLimits", () => {
  it("names a 429 with Concurrency-Limit-* a concurrency refusal", () => {
    const r = limiter.readLimits(
      429,
      headers({ "concurrency-limit-limit": "10", "concurrency-limit-remaining": "0", "ratelimit-remaining": "399" }),
      0,
      60_000,
    );
    expect(r).toMatchObject({ kind: "concurrency", concurrencyLimit: 10, concurrencyRemaining: 0, remaining: 399 });
  });

  it("names a 429 with a used-up window a rate refusal, the concurrency headers notwithstanding", () => {
    const r = limiter.readLimits(
      429,
      headers({
        "ratelimit-remaining": "0",
        "ratelimit-reset": "12",
        "concurrency-limit-limit": "10",
        "retry-after": "12",
      }),
      0,
      60_000,
    );
    expect(r).toMatchObject({ kind: "rate", remaining: 0, resetMs: 12_000, retryAfterMs: 12_000 });
  });

  it("names a 429 with only Retry-After a rate refusal, and one that says nothing a failure", () => {
    expect(limiter.readLimits(429, headers({ "retry-after": "3" }), 0, 60_000).kind).toBe("rate");
    expect(limiter.readLimits(429, headers({}), 0, 60_000).kind).toBe("failed");
    expect(limiter.readLimits(503, headers({ "retry-after": "3" }), 0, 60_000)).toMatchObject({
      kind: "failed",
      retryAfterMs: undefined,
    });
  });

  it("reads the quota from RateLimit-Limit and cuts waits to maxWaitMs", () => {
    const r = limiter.readLimits(
      200,
      headers({ "ratelimit-limit": "100, 100;w=60", "ratelimit-remaining": "7", "ratelimit-reset": "86400" }),
      0,
      60_000,
    );
    expect(r).toMatchObject({ kind: "other", quota: 100, remaining: 7, resetMs: 60_000 });
  });

  it("reads from an answer only the headers that can change a decision", () => {
    const read: string[] = [];
    const all = {
      "ratelimit-limit": "400, 400;w=60",
      "ratelimit-remaining": "399",
      "ratelimit-reset": "30",
      "concurrency-limit-limit": "40",
      "concurrency-limit-remaining": "30",
      "retry-after": "3",
    };
    const counted = new Proxy(headers(all), {
      get(target, key) {
        if (key !== "get") return Reflect.get(target, key);
        return (name: string) => {
          read.push(name);
          return target.get(name);
        };
      },
    });
    // At its ceiling, far from the window's end: only RateLimit-Remaining can matter.
    const quiet = limiter.readLimits(200, counted, 0, 60_000, state({ inFlight: 3 }));
    expect(read).toEqual(["ratelimit-remaining"]);
    expect(quiet).toMatchObject({ remaining: 399, resetMs: undefined, concurrencyLimit: undefined });
    // Below its ceiling, near the window's end, or refused: the rest too.
    read.length = 0;
    limiter.readLimits(200, counted, 0, 60_000, state({ limit: 4, inFlight: 3 }));
    expect(read).toContain("concurrency-limit-remaining");
    read.length = 0;
    limiter.readLimits(200, counted, 0, 60_000, state({ ceiling: 400, max: 400, limit: 400, inFlight: 3 }));
    expect(read).toContain("ratelimit-reset");
    read.length = 0;
    limiter.readLimits(429, counted, 0, 60_000, state());
    expect(read).toEqual(expect.arrayContaining(["retry-after", "concurrency-limit-limit", "ratelimit-reset"]));
  });

  it("ignores values that are not whole numbers", () => {
    const r = limiter.readLimits(
      200,
      headers({ "ratelimit-remaining": "-1", "concurrency-limit-limit": "lots" }),
      0,
      60_000,
    );
    expect(r).toMatchObject({ remaining: undefined, concurrencyLimit: undefined });
  });
});

describe("answered: the concurrency limit (AIMD)", () => {
  it("cuts the limit by the decrease factor on a refusal, to no more than the calls still in flight", () => {
    const next = limiter.answered(state({ limit: 10, inFlight: 10 }), reading({ kind: "concurrency" }), 0, 0);
    expect(limiter.DECREASE_FACTOR).toBe(0.7);
    expect(next).toMatchObject({ limit: 7, inFlight: 9, epoch: 1 });
    const crowded = limiter.answered(state({ limit: 10, inFlight: 4 }), reading({ kind: "concurrency" }), 0, 0);
    expect(crowded.limit).toBe(3);
  });

  it("decreases once per epoch: a refusal of a call sent before the last decrease only caps at what is in flight", () => {
    const once = limiter.answered(state({ limit: 10, inFlight: 10 }), reading({ kind: "concurrency" }), 0, 0);
    const again = limiter.answered(once, reading({ kind: "concurrency" }), 0, 0);
    expect(again).toMatchObject({ limit: 7, inFlight: 8, epoch: 1 });
    const later = limiter.answered(again, reading({ kind: "concurrency" }), 1, 0);
    expect(later.epoch).toBe(2);
    expect(later.limit).toBeCloseTo(4.9);
  });

  it("never goes below 1", () => {
    const next = limiter.answered(state({ limit: 1, inFlight: 1 }), reading({ kind: "concurrency" }), 0, 0);
    expect(next.limit).toBe(1);
  });

  it("raises the limit by 1/limit per answer that went through, a whole call per limit's worth", () => {
    let s = state({ limit: 4, inFlight: 4 });
    for (let i = 0; i < 4; i++) s = limiter.sent(limiter.answered(s, reading(), s.epoch, 0));
    expect(s.limit).toBe(5);
  });

  it("does not raise it when the answer says the tenant was full (Concurrency-Limit-Remaining: 0)", () => {
    const full = limiter.answered(state({ limit: 4, inFlight: 4 }), reading({ concurrencyRemaining: 0 }), 0, 0);
    expect(full.limit).toBe(4);
  });

  it("raises it by a whole call per answer that says the tenant had room for as many again, so it climbs back fast", () => {
    let s = state({ limit: 1, inFlight: 1 });
    for (let i = 0; i < 3; i++) s = limiter.sent(limiter.answered(s, reading({ concurrencyRemaining: 5 }), s.epoch, 0));
    expect(s.limit).toBe(4);
    // Less room than that: the tenant is nearly full, and clients sharing it grow by a call per round.
    expect(limiter.answered(state({ limit: 8, inFlight: 8 }), reading({ concurrencyRemaining: 3 }), 0, 0).limit).toBe(
      8.125,
    );
  });

  it("does not raise it on a failure (5xx)", () => {
    expect(limiter.answered(state({ limit: 4, inFlight: 1 }), reading({ kind: "failed" }), 0, 0).limit).toBe(4);
  });

  it("caps the limit at the tenant's announced Concurrency-Limit-Limit, and at maxConcurrency", () => {
    const capped = limiter.answered(state({ limit: 16, inFlight: 1 }), reading({ concurrencyLimit: 10 }), 0, 0);
    expect(capped).toMatchObject({ limit: 10, ceiling: 10 });
    let s = capped;
    for (let i = 0; i < 50; i++) s = limiter.answered(limiter.sent(s), reading(), s.epoch, 0);
    expect(s.limit).toBe(10);
    const larger = limiter.answered(limiter.sent(s), reading({ concurrencyLimit: 40 }), s.epoch, 0);
    expect(larger.ceiling).toBe(16);
  });
});

describe("answered: a tenant that other clients fill", () => {
  const refusal = reading({ kind: "concurrency", concurrencyLimit: 10, concurrencyRemaining: 0 });

  it("holds every call for the wait once the last call it had out is refused, and counts the wait", () => {
    const one = limiter.answered(state({ limit: 2, inFlight: 2 }), refusal, 0, 1000, 15);
    expect(one).toMatchObject({ inFlight: 1, holdUntil: 0, shutOutSince: 1000, waits: 0 });
    expect(limiter.admission(one, 1000)).toEqual({ kind: "slot" });
    const none = limiter.answered(one, refusal, 0, 1005, 15);
    expect(none).toMatchObject({ inFlight: 0, limit: 1, holdUntil: 1020, shutOutSince: 1000, waits: 1 });
    expect(limiter.admission(none, 1005)).toEqual({ kind: "hold", ms: 15 });
    expect(limiter.admission(limiter.holdPassed(none), 1005)).toEqual({ kind: "send" });
  });

  it("ends the hold and the run of refusals when any answer gets through", () => {
    const held = state({ inFlight: 1, limit: 1, holdUntil: 5000, shutOutSince: 1000, waits: 3 });
    expect(limiter.answered(held, reading(), 0, 2000)).toMatchObject({ holdUntil: 0, shutOutSince: 0, waits: 0 });
  });

  it("draws each wait at random below a bound that doubles from the first wait up to the largest", () => {
    expect(limiter.SHUT_OUT_FIRST_WAIT_MS).toBe(20);
    expect(limiter.SHUT_OUT_MAX_WAIT_MS).toBe(320);
    const settings = { maxConcurrencyWaitMs: 60_000, baseDelayMs: 500, maxDelayMs: 8000 };
    const waits = [0, 1, 2, 3, 4, 5, 9].map((n) => limiter.waitAfter(state({ waits: n }), refusal, 0, 0.999, settings));
    expect(waits).toEqual([19, 39, 79, 159, 319, 319, 319]);
    expect(limiter.waitAfter(state({ waits: 2 }), refusal, 0, 0, settings)).toBe(0);
    expect(limiter.backoffMs(3, 0.5, 500, 8000)).toBe(2000);
  });

  it("waits a concurrency refusal's Retry-After instead, never past maxConcurrencyWaitMs from the first refusal", () => {
    const settings = { maxConcurrencyWaitMs: 10_000, baseDelayMs: 500, maxDelayMs: 8000 };
    const told = reading({ kind: "concurrency", retryAfterMs: 7000 });
    expect(limiter.waitAfter(state(), told, 0, 0.5, settings)).toBe(7000);
    expect(limiter.waitAfter(state({ shutOutSince: 1000 }), told, 6000, 0.5, settings)).toBe(5000);
    expect(limiter.waitAfter(state({ shutOutSince: 1000 }), told, 12_000, 0.5, settings)).toBe(0);
  });

  it("has been refused too long once maxConcurrencyWaitMs has passed since the first refusal of the run", () => {
    expect(limiter.shutOutTooLong(state({ shutOutSince: 1000 }), 60_999, 60_000)).toBe(false);
    expect(limiter.shutOutTooLong(state({ shutOutSince: 1000 }), 61_000, 60_000)).toBe(true);
    expect(limiter.shutOutTooLong(state({ shutOutSince: 0 }), 1e9, 60_000)).toBe(false);
  });
});

describe("answered: the rate window", () => {
  it("learns how many more requests the window allows, less the calls still in flight", () => {
    const next = limiter.answered(state({ inFlight: 4 }), reading({ remaining: 10, resetMs: 30_000 }), 0, 1000);
    expect(next).toMatchObject({ allowance: 7, resetAt: 31_000 });
  });

  it("keeps the better of two readings of the same window (both are lower bounds)", () => {
    const s = state({ inFlight: 2, allowance: 9, resetAt: 31_000 });
    expect(limiter.answered(s, reading({ remaining: 5, resetMs: 30_000 }), 0, 1000).allowance).toBe(9);
    expect(limiter.answered(s, reading({ remaining: 20, resetMs: 30_000 }), 0, 1000).allowance).toBe(19);
  });

  it("starts over with a new window, and ignores a late answer from the one before", () => {
    const s = state({ inFlight: 1, allowance: 0, resetAt: 31_000 });
    expect(limiter.answered(s, reading({ remaining: 99, resetMs: 60_000 }), 0, 31_000)).toMatchObject({
      allowance: 99,
      resetAt: 91_000,
    });
    expect(limiter.answered(s, reading({ remaining: 50, resetMs: 1000 }), 0, 20_000).allowance).toBe(0);
  });

  it("uses the window up on a rate refusal, until its reset or Retry-After, whichever is later", () => {
    const next = limiter.answered(
      state({ inFlight: 1 }),
      reading({ kind: "rate", resetMs: 5000, retryAfterMs: 8000 }),
      0,
      0,
    );
    expect(next).toMatchObject({ allowance: 0, resetAt: 8000 });
    expect(limiter.admission(next, 0)).toEqual({ kind: "reset", ms: 8000 });
  });

  it("backs off for the wait after a rate refusal that names no reset (or a reset of 0), growing once per round", () => {
    const unsaid = limiter.answered(state({ inFlight: 2 }), reading({ kind: "rate", remaining: 0 }), 0, 1000, 250);
    expect(unsaid).toMatchObject({ allowance: 0, resetAt: 1250, waits: 1 });
    expect(limiter.admission(unsaid, 1000)).toEqual({ kind: "reset", ms: 250 });
    // The other call of the same round, refused too, finds the backoff running: it neither grows nor moves it.
    const same = limiter.answered(unsaid, reading({ kind: "rate", remaining: 0, resetMs: 0 }), 0, 1100, 400);
    expect(same).toMatchObject({ resetAt: 1250, waits: 1 });
    const settings = { maxConcurrencyWaitMs: 60_000, baseDelayMs: 500, maxDelayMs: 8000 };
    expect(limiter.waitAfter(same, reading({ kind: "rate" }), 1300, 0.5, settings)).toBe(500);
  });

  it("lets nothing hold calls back once answers stop reporting the window and its known reset is past", () => {
    const spent = state({ inFlight: 2, allowance: -1, resetAt: 0, quota: 3 });
    expect(limiter.admission(spent, 5000)).toEqual({ kind: "slot" });
    const silent = limiter.answered(spent, reading(), 0, 5000);
    expect(silent).toMatchObject({ allowance: Number.POSITIVE_INFINITY, resetAt: 0 });
    expect(limiter.admission(silent, 5000)).toEqual({ kind: "send" });
    // Before the known reset, a silent answer changes nothing.
    const waiting = state({ inFlight: 2, allowance: 0, resetAt: 9000 });
    expect(limiter.answered(waiting, reading(), 0, 5000)).toMatchObject({ allowance: 0, resetAt: 9000 });
  });

  it("refills the window with its quota once the reset was waited out", () => {
    const known = limiter.answered(state({ inFlight: 1 }), reading({ quota: 100, remaining: 0, resetMs: 5000 }), 0, 0);
    expect(limiter.admission(known, 0)).toEqual({ kind: "reset", ms: 5000 });
    expect(limiter.resetReached(known)).toMatchObject({ allowance: 100, resetAt: 0 });
  });
});
