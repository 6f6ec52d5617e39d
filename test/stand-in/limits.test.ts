import { describe, expect, it } from "vitest";
import { createZuoraClient } from "../../src/index.js";
import { createStandIn, listen, type StandInOptions } from "../../stand-in/node.js";
import { entityBody } from "../support/fixtures.js";

const BASE = "https://rest.test.zuora.com";
const list = (standIn: { fetch: typeof fetch }) =>
  standIn.fetch(`${BASE}/v1/entities`, { headers: { authorization: "Bearer any" } });

describe("stand-in limits", () => {
  it("serves every request by default, however many overlap", async () => {
    const standIn = createStandIn({ latencyMs: 20 });
    const answers = await Promise.all(Array.from({ length: 50 }, () => list(standIn)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect(answers[0]?.headers.has("concurrency-limit-limit")).toBe(false);
  });

  it("refuses a request over the concurrency limit at once, with Zuora's Concurrency-Limit-* headers", async () => {
    const standIn = createStandIn({ limits: { concurrency: 2 }, latencyMs: 20 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => list(standIn)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429, 429, 429]);
    const refusal = answers[2];
    expect(Object.fromEntries(refusal?.headers ?? [])).toMatchObject({
      "concurrency-limit-type": "Default",
      "concurrency-limit-limit": "2",
      "concurrency-limit-remaining": "0",
    });
    expect(await refusal?.json()).toEqual({ message: "Too many concurrent requests" });
    expect(answers[0]?.headers.get("concurrency-limit-remaining")).toBe("1");
    // The refused requests never reached the tenant: they used none of the window.
    expect(answers[1]?.headers.get("ratelimit-remaining")).toBe("49998");
    expect((await list(standIn)).status).toBe(200);
  });

  it("holds answers over listen() too, so requests overlap there as well", async () => {
    const standIn = createStandIn({ limits: { concurrency: 1 }, latencyMs: 1500 });
    const server = await listen(standIn);
    try {
      const get = () => fetch(`${server.url}/v1/entities`, { headers: { authorization: "Bearer any" } });
      const first = get();
      for (let i = 0; i < 200 && standIn.requests().length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      const second = await get();
      expect(second.status).toBe(429);
      expect(second.headers.get("concurrency-limit-limit")).toBe("1");
      expect((await first).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("refuses requests over perMinute with 429, Retry-After and RateLimit-* counting down, on a clock the test drives", async () => {
    let now = 120_000;
    const standIn = createStandIn({ limits: { perMinute: 3, now: () => now } });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) remaining.push((await list(standIn)).headers.get("ratelimit-remaining"));
    expect(remaining).toEqual(["2", "1", "0"]);
    now += 45_000;
    const refused = await list(standIn);
    expect(refused.status).toBe(429);
    expect(Object.fromEntries(refused.headers)).toMatchObject({
      "ratelimit-limit": "3, 3;w=60",
      "ratelimit-remaining": "0",
      "ratelimit-reset": "15",
      "retry-after": "15",
    });
    now += 15_000;
    const next = await list(standIn);
    expect(next.status).toBe(200);
    expect(next.headers.get("ratelimit-remaining")).toBe("2");
  });

  it("neither counts nor refuses the token request, which Zuora limits apart", async () => {
    const standIn = createStandIn({ limits: { perMinute: 1, concurrency: 1 } });
    const token = () =>
      standIn.fetch(`${BASE}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials&client_id=a&client_secret=b",
      });
    expect((await token()).status).toBe(200);
    expect((await token()).status).toBe(200);
    expect((await list(standIn)).status).toBe(200);
    expect((await list(standIn)).status).toBe(429);
  });

  it("starts a fresh window on reset()", async () => {
    const standIn = createStandIn({ limits: { perMinute: 1, now: () => 0 } });
    expect((await list(standIn)).status).toBe(200);
    expect((await list(standIn)).status).toBe(429);
    standIn.reset();
    expect((await list(standIn)).status).toBe(200);
  });

  it("refuses limits that cannot work, naming them", () => {
    expect(() => createStandIn({ limits: { concurrency: 0 } })).toThrow(/limits\.concurrency/);
    expect(() => createStandIn({ limits: { perMinute: 2.5 } })).toThrow(/limits\.perMinute/);
    expect(() => createStandIn({ latencyMs: -1 })).toThrow(/latencyMs/);
  });

  it.each<[string, unknown, typeof TypeError, RegExp]>([
    ["no options object", null, TypeError, /options must be an object \(or left out\), got null/],
    ["limits: null", { limits: null }, TypeError, /options\.limits must be an object \(or left out\), got null/],
    [
      "a clock that is no function",
      { limits: { now: 5 } },
      TypeError,
      /options\.limits\.now must be a function, got 5/,
    ],
    [
      "a latency past what a timer holds",
      { latencyMs: 2 ** 31 },
      RangeError,
      /options\.latencyMs must be .* to 2147483647, got 2147483648/,
    ],
    ["a latency that is no number", { latencyMs: "20" }, TypeError, /options\.latencyMs must be a number of ms/],
    ["a latency of NaN", { latencyMs: Number.NaN }, TypeError, /options\.latencyMs/],
    [
      "an endless concurrency",
      { limits: { concurrency: Number.POSITIVE_INFINITY } },
      RangeError,
      /options\.limits\.concurrency/,
    ],
    ["a quota beyond whole numbers", { limits: { perMinute: 2 ** 60 } }, RangeError, /options\.limits\.perMinute/],
    ["a body limit of 0", { maxBodyBytes: 0 }, RangeError, /options\.maxBodyBytes/],
    ["auth: null", { auth: null }, TypeError, /options\.auth must be an object/],
    [
      "an unknown token mode",
      { auth: { tokens: "some" } },
      TypeError,
      /options\.auth\.tokens must be "any" or "issued"/,
    ],
    ["a token clock that is no function", { auth: { now: "now" } }, TypeError, /options\.auth\.now must be a function/],
    [
      "a negative token lifetime",
      { auth: { tokenLifetimeSeconds: -1 } },
      RangeError,
      /options\.auth\.tokenLifetimeSeconds/,
    ],
  ])("refuses %s when it is made, naming the option", (_, options, kind, message) => {
    const make = () => createStandIn(options as StandInOptions);
    expect(make).toThrow(kind);
    expect(make).toThrow(message);
  });
});

describe("the client against a limited stand-in", () => {
  it("absorbs the concurrency refusals: every call succeeds at the tenant's limit and no 429 reaches the caller", async () => {
    const standIn = createStandIn({ limits: { concurrency: 3 }, latencyMs: 5 });
    const zuora = createZuoraClient({ baseUrl: BASE, auth: "any-token", fetch: standIn.fetch });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        zuora.createEntity({ ...entityBody, parentId: standIn.globalEntityId, name: `E-${i}` }).withResponse(),
      ),
    );
    expect(results.every((r) => r.data.success)).toBe(true);
    const refused = standIn.requests().filter((r) => r.status === 429).length;
    // Only the first burst (16 sent, 3 taken) meets the limit; from then on the client sends at most 3.
    expect(refused).toBeLessThanOrEqual(13);
    expect(standIn.requests().filter((r) => r.status === 200)).toHaveLength(40);
  });

  it("shares the tenant with a client that filled it first: every call of both succeeds, no 429 reaches either", async () => {
    const standIn = createStandIn({ limits: { concurrency: 10 }, latencyMs: 20 });
    const make = () => createZuoraClient({ baseUrl: BASE, auth: "any-token", fetch: standIn.fetch });
    const [first, late] = [make(), make()];
    const firstCalls = Array.from({ length: 100 }, () => first.listEntities());
    // The second client (default options, like the first) arrives once the first holds every slot.
    while (standIn.requests().filter((r) => r.status === 200 || r.status === undefined).length < 10) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    const lateCalls = Array.from({ length: 30 }, () => late.listEntities());
    const outcomes = await Promise.allSettled([...firstCalls, ...lateCalls]);
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    expect(standIn.requests().filter((r) => r.status === 200)).toHaveLength(130);
  });

  it("waits out a used-up window instead of sending into it", async () => {
    let now = 0;
    const standIn = createStandIn({ limits: { perMinute: 5, now: () => now } });
    const waits: number[] = [];
    const zuora = createZuoraClient({
      baseUrl: BASE,
      auth: "any-token",
      fetch: standIn.fetch,
      retry: {
        now: () => now,
        sleep: async (ms) => {
          waits.push(ms);
          now += ms;
        },
      },
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        zuora.createEntity({ ...entityBody, parentId: standIn.globalEntityId, name: `W-${i}` }).withResponse(),
      ),
    );
    expect(results.every((r) => r.data.success)).toBe(true);
    // 12 calls at 5 a minute take three windows. Only the first burst, sent before any answer told the client about
    // the window, met 429s; after them the client waited for each reset instead.
    expect(standIn.requests().filter((r) => r.status === 200)).toHaveLength(12);
    expect(standIn.requests().filter((r) => r.status === 429)).toHaveLength(7);
    expect(waits).toEqual([60_000, 60_000]);
    expect(now).toBe(120_000);
  });
});
