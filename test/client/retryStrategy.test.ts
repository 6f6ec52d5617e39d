import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/policies/retryAfter.js";
import { type AttemptOutcome, type BackoffOptions, decideRetry } from "../../src/policies/retryStrategy.js";

const options: BackoffOptions = {
  baseDelayMs: 100,
  maxDelayMs: 1000,
  maxRetryAfterMs: 5000,
  random: () => 0.999,
  now: () => 0,
};
const outcome = (over: Partial<AttemptOutcome>): AttemptOutcome => ({
  attempt: 1,
  maxRetries: 2,
  replayable: true,
  keyed: true,
  ...over,
});
const status = (code: number, headers: Record<string, string> = {}) => new Response(null, { status: code, headers });

describe("decideRetry", () => {
  it("never resends a request that is not safe to send twice (a POST without a key)", () => {
    expect(decideRetry(outcome({ replayable: false, keyed: false, response: status(503) }), options)).toMatchObject({
      retry: false,
    });
  });

  it("treats a 409 as final for a request without a key", () => {
    expect(decideRetry(outcome({ keyed: false, response: status(409) }), options).retry).toBe(false);
    expect(decideRetry(outcome({ keyed: true, response: status(409) }), options).retry).toBe(true);
  });

  it("stops when the retries are used up", () => {
    expect(decideRetry(outcome({ attempt: 3, response: status(500) }), options)).toEqual({
      retry: false,
      reason: "retries exhausted (2)",
    });
  });

  it("keeps the jittered delay under a doubling ceiling capped at maxDelayMs", () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) => {
      const d = decideRetry(outcome({ attempt, maxRetries: 9, error: new Error("x") }), options);
      return d.retry ? d.delayMs : -1;
    });
    expect(delays).toEqual([99, 199, 399, 799, 999]);
  });

  it("draws the whole window, from zero, for full jitter", () => {
    const d = decideRetry(outcome({ error: new Error("x") }), { ...options, random: () => 0 });
    expect(d).toMatchObject({ retry: true, delayMs: 0 });
  });

  it("prefers Retry-After to backoff", () => {
    expect(decideRetry(outcome({ response: status(429, { "retry-after": "3" }) }), options)).toMatchObject({
      retry: true,
      delayMs: 3000,
      reason: "Retry-After",
    });
  });

  it("treats a success as the answer", () => {
    expect(decideRetry(outcome({ response: status(200) }), options).retry).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds", () => expect(parseRetryAfter("120", 0)).toBe(120_000));
  it("reads an HTTP date from now", () => {
    const now = Date.parse("Sun, 22 Nov 2026 10:00:00 GMT");
    expect(parseRetryAfter("Sun, 22 Nov 2026 10:01:00 GMT", now)).toBe(60_000);
  });
  it("reads a past date as no wait", () =>
    expect(parseRetryAfter("Sun, 22 Nov 2020 10:00:00 GMT", Date.now())).toBe(0));
  it("ignores an absent or unreadable value", () => {
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
    expect(parseRetryAfter("-5", 0)).toBeUndefined();
  });
});
