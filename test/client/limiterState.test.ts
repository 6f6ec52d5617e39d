import { describe, expect, it } from "vitest";
import {
  admission,
  answered,
  DECREASE_FACTOR,
  ended,
  initialLimiterState,
  type LimiterState,
  type LimitReading,
  readLimits,
  resetReached,
  sent,
} from "../../src/limits/limiterState.js";

const state = (over: Partial<LimiterState> = {}): LimiterState => ({ ...initialLimiterState(16), ...over });
const reading = (over: Partial<LimitReading> = {}): LimitReading => ({
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
    expect(admission(state({ inFlight: 15 }), 0)).toEqual({ kind: "send" });
    expect(admission(state({ inFlight: 16 }), 0)).toEqual({ kind: "slot" });
  });

  it("counts whole calls: a limit of 2.9 lets 2 out", () => {
    expect(admission(state({ limit: 2.9, inFlight: 2 }), 0)).toEqual({ kind: "slot" });
  });

  it("holds every call until the reset once the window is used up", () => {
    expect(admission(state({ allowance: 0, resetAt: 30_000 }), 10_000)).toEqual({ kind: "reset", ms: 20_000 });
  });

  it("holds a call once the quota after a reset is spent, until an answer in flight says more", () => {
    const spent = state({ allowance: 0, resetAt: 0, inFlight: 3 });
    expect(admission(spent, 0)).toEqual({ kind: "slot" });
    expect(admission({ ...spent, inFlight: 0 }, 0)).toEqual({ kind: "send" });
  });

  it("sends again once the reset is past, even before an answer says so", () => {
    expect(admission(state({ allowance: 0, resetAt: 30_000 }), 30_000)).toEqual({ kind: "send" });
  });

  it("takes a slot and a request of the window per call sent, and frees the slot of a call that ends unanswered", () => {
    const out = sent(state({ allowance: 5 }));
    expect(out).toMatchObject({ inFlight: 1, allowance: 4 });
    expect(ended(out).inFlight).toBe(0);
  });
});

describe("readLimits", () => {
  it("names a 429 with Concurrency-Limit-* a concurrency refusal", () => {
    const r = readLimits(
      429,
      headers({ "concurrency-limit-limit": "10", "concurrency-limit-remaining": "0", "ratelimit-remaining": "399" }),
      0,
      60_000,
    );
    expect(r).toMatchObject({ kind: "concurrency", concurrencyLimit: 10, concurrencyRemaining: 0, remaining: 399 });
  });

  it("names a 429 with a used-up window a rate refusal, the concurrency headers notwithstanding", () => {
    const r = readLimits(
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
    expect(readLimits(429, headers({ "retry-after": "3" }), 0, 60_000).kind).toBe("rate");
    expect(readLimits(429, headers({}), 0, 60_000).kind).toBe("failed");
    expect(readLimits(503, headers({ "retry-after": "3" }), 0, 60_000)).toMatchObject({
      kind: "failed",
      retryAfterMs: undefined,
    });
  });

  it("reads the quota from RateLimit-Limit and cuts waits to maxWaitMs", () => {
    const r = readLimits(
      200,
      headers({ "ratelimit-limit": "100, 100;w=60", "ratelimit-remaining": "7", "ratelimit-reset": "86400" }),
      0,
      60_000,
    );
    expect(r).toMatchObject({ kind: "other", quota: 100, remaining: 7, resetMs: 60_000 });
  });

  it("ignores values that are not whole numbers", () => {
    const r = readLimits(200, headers({ "ratelimit-remaining": "-1", "concurrency-limit-limit": "lots" }), 0, 60_000);
    expect(r).toMatchObject({ remaining: undefined, concurrencyLimit: undefined });
  });
});

describe("answered: the concurrency limit (AIMD)", () => {
  it("cuts the limit by the decrease factor on a refusal, to no more than the calls still in flight", () => {
    const next = answered(state({ limit: 10, inFlight: 10 }), reading({ kind: "concurrency" }), 0, 0);
    expect(DECREASE_FACTOR).toBe(0.7);
    expect(next).toMatchObject({ limit: 7, inFlight: 9, epoch: 1 });
    const crowded = answered(state({ limit: 10, inFlight: 4 }), reading({ kind: "concurrency" }), 0, 0);
    expect(crowded.limit).toBe(3);
  });

  it("decreases once per epoch: a refusal of a call sent before the last decrease only caps at what is in flight", () => {
    const once = answered(state({ limit: 10, inFlight: 10 }), reading({ kind: "concurrency" }), 0, 0);
    const again = answered(once, reading({ kind: "concurrency" }), 0, 0);
    expect(again).toMatchObject({ limit: 7, inFlight: 8, epoch: 1 });
    const later = answered(again, reading({ kind: "concurrency" }), 1, 0);
    expect(later.epoch).toBe(2);
    expect(later.limit).toBeCloseTo(4.9);
  });

  it("never goes below 1", () => {
    const next = answered(state({ limit: 1, inFlight: 1 }), reading({ kind: "concurrency" }), 0, 0);
    expect(next.limit).toBe(1);
  });

  it("raises the limit by 1/limit per answer that went through, a whole call per limit's worth", () => {
    let s = state({ limit: 4, inFlight: 4 });
    for (let i = 0; i < 4; i++) s = sent(answered(s, reading(), s.epoch, 0));
    expect(s.limit).toBe(5);
  });

  it("does not raise it when the answer says the tenant was full (Concurrency-Limit-Remaining: 0)", () => {
    const full = answered(state({ limit: 4, inFlight: 4 }), reading({ concurrencyRemaining: 0 }), 0, 0);
    expect(full.limit).toBe(4);
    const room = answered(state({ limit: 4, inFlight: 4 }), reading({ concurrencyRemaining: 1 }), 0, 0);
    expect(room.limit).toBe(4.25);
  });

  it("does not raise it on a failure (5xx)", () => {
    expect(answered(state({ limit: 4, inFlight: 1 }), reading({ kind: "failed" }), 0, 0).limit).toBe(4);
  });

  it("caps the limit at the tenant's announced Concurrency-Limit-Limit, and at maxConcurrency", () => {
    const capped = answered(state({ limit: 16, inFlight: 1 }), reading({ concurrencyLimit: 10 }), 0, 0);
    expect(capped).toMatchObject({ limit: 10, ceiling: 10 });
    let s = capped;
    for (let i = 0; i < 50; i++) s = answered(sent(s), reading(), s.epoch, 0);
    expect(s.limit).toBe(10);
    const larger = answered(sent(s), reading({ concurrencyLimit: 40 }), s.epoch, 0);
    expect(larger.ceiling).toBe(16);
  });
});

describe("answered: the rate window", () => {
  it("learns how many more requests the window allows, less the calls still in flight", () => {
    const next = answered(state({ inFlight: 4 }), reading({ remaining: 10, resetMs: 30_000 }), 0, 1000);
    expect(next).toMatchObject({ allowance: 7, resetAt: 31_000 });
  });

  it("keeps the better of two readings of the same window (both are lower bounds)", () => {
    const s = state({ inFlight: 2, allowance: 9, resetAt: 31_000 });
    expect(answered(s, reading({ remaining: 5, resetMs: 30_000 }), 0, 1000).allowance).toBe(9);
    expect(answered(s, reading({ remaining: 20, resetMs: 30_000 }), 0, 1000).allowance).toBe(19);
  });

  it("starts over with a new window, and ignores a late answer from the one before", () => {
    const s = state({ inFlight: 1, allowance: 0, resetAt: 31_000 });
    expect(answered(s, reading({ remaining: 99, resetMs: 60_000 }), 0, 31_000)).toMatchObject({
      allowance: 99,
      resetAt: 91_000,
    });
    expect(answered(s, reading({ remaining: 50, resetMs: 1000 }), 0, 20_000).allowance).toBe(0);
  });

  it("uses the window up on a rate refusal, until its reset or Retry-After, whichever is later", () => {
    const next = answered(state({ inFlight: 1 }), reading({ kind: "rate", resetMs: 5000, retryAfterMs: 8000 }), 0, 0);
    expect(next).toMatchObject({ allowance: 0, resetAt: 8000 });
    expect(admission(next, 0)).toEqual({ kind: "reset", ms: 8000 });
  });

  it("refills the window with its quota once the reset was waited out", () => {
    const known = answered(state({ inFlight: 1 }), reading({ quota: 100, remaining: 0, resetMs: 5000 }), 0, 0);
    expect(admission(known, 0)).toEqual({ kind: "reset", ms: 5000 });
    expect(resetReached(known)).toMatchObject({ allowance: 100, resetAt: 0 });
  });
});
