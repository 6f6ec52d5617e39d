import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import {
  createZuoraClient,
  type Sleep,
  ZuoraApiError,
  type ZuoraClientOptions,
  ZuoraConfigurationError,
  ZuoraRateLimitError,
} from "../../src/index.js";
import type { FetchLike } from "../../src/pipeline/types.js";
import { entityBody } from "../support/fixtures.js";
import { rejection } from "../support/settle.js";

const BASE = "https://rest.test.zuora.com";

/** One request the held tenant received; the test answers it when it likes. */
interface Held {
  n: number;
  url: string;
  signal: AbortSignal | null | undefined;
  answered: boolean;
  answer(status?: number, headers?: Record<string, string>): void;
}

/** A `fetch` whose requests wait until the test answers them: what is in flight is whatever is not answered. */
function heldTenant() {
  const received: Held[] = [];
  const fetch: FetchLike = (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const held: Held = {
        n: received.length + 1,
        url,
        signal: init.signal,
        answered: false,
        answer(status = 200, headers = {}) {
          held.answered = true;
          const body = url.endsWith("/oauth/token")
            ? { access_token: "t1", token_type: "bearer", expires_in: 3599, scope: "entity.x", jti: "j" }
            : status === 200
              ? { id: `e${held.n}`, success: true }
              : { message: "Too many requests" };
          resolve(
            new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } }),
          );
        },
      };
      init.signal?.addEventListener("abort", () => {
        held.answered = true;
        reject(init.signal?.reason);
      });
      received.push(held);
    });
  return {
    fetch,
    received,
    inFlight: () => received.filter((r) => !r.answered),
    /** Answers the oldest request still in flight. */
    answerNext(status?: number, headers?: Record<string, string>) {
      const next = received.find((r) => !r.answered);
      if (!next) throw new Error("nothing in flight");
      next.answer(status, headers);
    },
  };
}

/** Lets the client run until `done()` holds (its promises settle in microtasks; no timer is involved). */
async function until(done: () => boolean) {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

/** A clock the test moves, and a sleep that resolves only when the test says (recording what it was asked). */
function drivenTime() {
  let time = 1_000_000;
  const sleeps: { ms: number; signal: AbortSignal | undefined; wake: () => void }[] = [];
  const sleep: Sleep = (ms, signal) =>
    new Promise((resolve, reject) => {
      signal?.throwIfAborted();
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      sleeps.push({ ms, signal, wake: resolve });
    });
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    sleep,
    sleeps,
  };
}

/** A client of the held tenant on the driven clock, with `more` options; `random` draws its jitter when given. */
function limitedClient(
  tenant: ReturnType<typeof heldTenant>,
  time = drivenTime(),
  { random, ...more }: Partial<ZuoraClientOptions> & { random?: () => number } = {},
) {
  return createZuoraClient({
    baseUrl: BASE,
    auth: "static-token-abc",
    fetch: tenant.fetch,
    retry: { now: time.now, sleep: time.sleep, ...(random === undefined ? {} : { random }) },
    ...more,
  });
}

/** A logger that keeps each line as `level: line`. */
function recordedLog() {
  const lines: string[] = [];
  const at = (level: string) => (line: string) => lines.push(`${level}: ${line}`);
  return { lines, logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } };
}

/** A held tenant, a driven clock, and a client of the one on the other with `more` options. */
function limited(more: Parameters<typeof limitedClient>[2] = {}) {
  const tenant = heldTenant();
  const time = drivenTime();
  return { tenant, time, zuora: limitedClient(tenant, time, more) };
}

describe("maxConcurrency: the queue", () => {
  it("keeps at most maxConcurrency calls in flight and sends the rest in call order as slots free", async () => {
    const { tenant, zuora } = limited({ maxConcurrency: 2 });
    const calls = ["a", "b", "c", "d", "e"].map((trackId) => zuora.createEntity(entityBody, { trackId }));
    await until(() => tenant.received.length === 2);
    let most = 0;
    while (tenant.inFlight().length > 0) {
      most = Math.max(most, tenant.inFlight().length);
      tenant.answerNext();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(calls);
    expect(most).toBe(2);
    expect(tenant.received.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
  });

  it("sends them in the order they were called", async () => {
    const tenant = heldTenant();
    const order: string[] = [];
    const zuora = createZuoraClient({
      baseUrl: BASE,
      auth: "static-token-abc",
      maxConcurrency: 1,
      fetch: (url, init) => {
        order.push(new Headers(init.headers).get("zuora-track-id") ?? "");
        return tenant.fetch(url, init);
      },
    });
    const calls = ["first", "second", "third"].map((trackId) => zuora.createEntity(entityBody, { trackId }));
    for (let i = 0; i < 3; i++) {
      await until(() => tenant.inFlight().length === 1);
      tenant.answerNext();
    }
    await Promise.all(calls);
    expect(order).toEqual(["first", "second", "third"]);
  });

  it("lets a queued call go the moment its signal aborts, with the caller's reason, and sends nothing for it", async () => {
    const { tenant, zuora } = limited({ maxConcurrency: 1 });
    const first = zuora.createEntity(entityBody);
    const controller = new AbortController();
    const queued = zuora.createEntity(entityBody, { signal: controller.signal });
    const third = zuora.createEntity(entityBody);
    await until(() => tenant.received.length === 1);
    const reason = new Error("caller gave up");
    controller.abort(reason);
    await expect(queued).rejects.toBe(reason);
    tenant.answerNext();
    await until(() => tenant.received.length === 2);
    tenant.answerNext();
    await Promise.all([first, third]);
    expect(tenant.received).toHaveLength(2);
  });

  it("listens to a signal once however many calls share it, and its abort still stops every one", async () => {
    const tenant = heldTenant();
    const zuora = limitedClient(tenant, drivenTime(), { maxConcurrency: 4 });
    // One signal for a whole batch (a job's AbortSignal.timeout): a listener per call would make Node warn of a leak
    // past ten, and make each removal scan thousands of them.
    const controller = new AbortController();
    const calls = Array.from({ length: 50 }, () =>
      rejection(zuora.createEntity(entityBody, { signal: controller.signal })),
    );
    await until(() => tenant.received.length === 4);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    const reason = new Error("the batch gave up");
    controller.abort(reason);
    for (const error of await Promise.all(calls)) expect(error).toBe(reason);
    expect(tenant.received).toHaveLength(4);
    // Calls sharing a signal one after another leave nothing on it.
    const later = new AbortController();
    const done = zuora.createEntity(entityBody, { signal: later.signal });
    await until(() => tenant.received.length === 5);
    tenant.answerNext();
    await done;
    expect(getEventListeners(later.signal, "abort")).toHaveLength(0);
  });

  it("starts a call's time limit when it is sent, not while it waits in the queue", async () => {
    const tenant = heldTenant();
    // Real timers here, as the time limit is a setTimeout: the queued call waits 600 ms, then takes 600 ms to be
    // answered. Counted from the call, its 1000 ms limit would end 200 ms before the answer; from the send, 400 after.
    const zuora = createZuoraClient({
      baseUrl: BASE,
      auth: "static-token-abc",
      maxConcurrency: 1,
      timeoutMs: 1000,
      maxRetries: 0,
      fetch: tenant.fetch,
    });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 600));
    const first = zuora.createEntity(entityBody);
    const queued = zuora.createEntity(entityBody).withResponse();
    await until(() => tenant.received.length === 1);
    await pause();
    tenant.answerNext();
    await first;
    await until(() => tenant.received.length === 2);
    await pause();
    tenant.answerNext();
    const { data, attempts, queuedMs } = await queued;
    expect(data.success).toBe(true);
    expect(attempts).toBe(1);
    expect(queuedMs).toBeGreaterThanOrEqual(500);
  });

  it("reports the time a call waited in the queue, on the answer and on an error", async () => {
    const { tenant, time, zuora } = limited({ maxConcurrency: 1, maxRetries: 0 });
    const first = zuora.createEntity(entityBody).withResponse();
    const second = zuora.createEntity(entityBody).catch((error: unknown) => error);
    await until(() => tenant.received.length === 1);
    time.advance(1500);
    tenant.answerNext();
    expect((await first).queuedMs).toBe(0);
    await until(() => tenant.received.length === 2);
    tenant.answerNext(500);
    const error = await second;
    expect(error).toMatchObject({ status: 500, queuedMs: 1500 });
    expect((error as { toJSON(): unknown }).toJSON()).toMatchObject({ queuedMs: 1500 });
  });

  it.each<[string, "no Response" | "token function throws" | "token refused"]>([
    ["a fetch that resolves to no Response", "no Response"],
    ["a token function that throws", "token function throws"],
    ["a refused token request", "token refused"],
  ])("reports the time a call waited in the queue on the error of %s", async (_, failure) => {
    const tenant = heldTenant();
    const time = drivenTime();
    let tokens = 0;
    const auth =
      failure === "token function throws"
        ? () => {
            if (++tokens > 1) throw new Error("vault unreachable");
            return "token-from-vault";
          }
        : failure === "token refused"
          ? { clientId: "id", clientSecret: "secret-1234" }
          : "static-token-abc";
    const zuora = createZuoraClient({
      baseUrl: BASE,
      auth,
      maxConcurrency: 1,
      maxRetries: 0,
      retry: { now: time.now, sleep: time.sleep },
      fetch: (url, init) => {
        if (url.endsWith("/oauth/token") && tokens++ > 0) {
          return Promise.resolve(new Response('{"error":"invalid_client"}', { status: 401 }));
        }
        if (failure === "no Response" && tenant.received.length === 1) return Promise.resolve(undefined as never);
        const answer = tenant.fetch(url, init);
        if (url.endsWith("/oauth/token")) tenant.answerNext(200);
        return answer;
      },
    });
    const first = zuora.getEntity("e1");
    const second = zuora.getEntity("e2").catch((error: unknown) => error);
    await until(() => tenant.inFlight().length === 1 && !tenant.inFlight()[0]?.url.endsWith("/oauth/token"));
    // The token lives an hour: past it, the queued call needs a new one.
    time.advance(failure === "token refused" ? 3_600_000 : 300);
    tenant.answerNext(200);
    await first;
    const error = await second;
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error).toMatchObject({ queuedMs: failure === "token refused" ? 3_600_000 : 300 });
    expect((error as ZuoraApiError).toJSON()).toMatchObject({
      queuedMs: failure === "token refused" ? 3_600_000 : 300,
    });
  });

  it("never queues the token request behind the calls waiting for it", async () => {
    const tenant = heldTenant();
    const zuora = createZuoraClient({
      baseUrl: BASE,
      auth: { clientId: "id", clientSecret: "secret" },
      maxConcurrency: 1,
      fetch: tenant.fetch,
    });
    const call = zuora.createEntity(entityBody);
    await until(() => tenant.received.length === 1);
    expect(tenant.received[0]?.url).toMatch(/\/oauth\/token$/);
    tenant.answerNext();
    await until(() => tenant.received.length === 2);
    tenant.answerNext();
    await expect(call).resolves.toMatchObject({ success: true });
  });

  it("sends everything at once with maxConcurrency: Infinity", async () => {
    const { tenant, zuora } = limited({ maxConcurrency: Number.POSITIVE_INFINITY });
    const calls = Array.from({ length: 40 }, () => zuora.createEntity(entityBody));
    await until(() => tenant.received.length === 40);
    for (const r of tenant.received) r.answer();
    await Promise.all(calls);
  });

  it("refuses a maxConcurrency that is not a whole number ≥ 1 or Infinity, naming the option", () => {
    for (const bad of [0, 1.5, -1, Number.NaN, "4"]) {
      const make = () => createZuoraClient({ baseUrl: BASE, auth: "static-token-abc", maxConcurrency: bad as number });
      expect(make).toThrow(ZuoraConfigurationError);
      expect(make).toThrow(/maxConcurrency/);
    }
  });
});

const CONCURRENCY_REFUSAL = {
  "concurrency-limit-type": "Default",
  "concurrency-limit-limit": "2",
  "concurrency-limit-remaining": "0",
  "ratelimit-remaining": "399",
  "retry-after": "60",
};

/** A concurrency refusal that says nothing of when to come back. */
const SHUT_OUT = {
  "concurrency-limit-type": "Default",
  "concurrency-limit-limit": "10",
  "concurrency-limit-remaining": "0",
  "ratelimit-remaining": "399",
};

describe("a concurrency refusal (429 with Concurrency-Limit-*)", () => {
  it("lowers the limit to the tenant's, resends the refused call when a slot frees, and no 429 reaches the caller", async () => {
    const { tenant, time, zuora } = limited({ maxConcurrency: 4 });
    const calls = Array.from({ length: 6 }, () => zuora.createEntity(entityBody).withResponse());
    await until(() => tenant.received.length === 4);
    // The tenant takes two; the third and fourth are refused at once.
    tenant.received[2]?.answer(429, CONCURRENCY_REFUSAL);
    tenant.received[3]?.answer(429, CONCURRENCY_REFUSAL);
    await new Promise((resolve) => setImmediate(resolve));
    // Two still in flight at a limit of 2: nothing more goes out, and nobody sleeps the 60 s Retry-After.
    expect(tenant.inFlight()).toHaveLength(2);
    expect(time.sleeps).toEqual([]);
    let most = 0;
    while (tenant.inFlight().length > 0) {
      most = Math.max(most, tenant.inFlight().length);
      tenant.answerNext();
      await until(() => tenant.inFlight().length > 0 || tenant.received.length === 8);
    }
    const results = await Promise.all(calls);
    expect(most).toBe(2);
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // The refused calls went again first (ahead of the fifth and sixth), one retry each.
    expect(results.map((r) => r.attempts)).toEqual([1, 1, 2, 2, 1, 1]);
    expect(tenant.received).toHaveLength(8);
  });

  it("waits the refusal's Retry-After before trying again when no call of its own is in flight", async () => {
    const { tenant, time, zuora } = limited({ maxConcurrency: 4 });
    const call = zuora.createEntity(entityBody);
    await until(() => tenant.received.length === 1);
    tenant.answerNext(429, CONCURRENCY_REFUSAL);
    await until(() => time.sleeps.length === 1);
    expect(time.sleeps[0]?.ms).toBe(60_000);
    time.sleeps[0]?.wake();
    await until(() => tenant.received.length === 2);
    tenant.answerNext();
    await expect(call).resolves.toMatchObject({ success: true });
  });

  it("waits behind its own calls without spending a retry, even with maxRetries: 0", async () => {
    const { tenant, time, zuora } = limited({ maxConcurrency: 4, maxRetries: 0 });
    const holder = zuora.createEntity(entityBody);
    const refused = zuora.createEntity(entityBody).withResponse();
    await until(() => tenant.received.length === 2);
    tenant.received[1]?.answer(429, SHUT_OUT);
    // The holder is still out: the refused call waits for its slot, not on time.
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(tenant.received).toHaveLength(2);
    tenant.received[0]?.answer();
    await holder;
    await until(() => tenant.received.length === 3);
    tenant.received[2]?.answer();
    const { data, attempts } = await refused;
    expect(data.success).toBe(true);
    expect(attempts).toBe(2);
    expect(time.sleeps).toEqual([]);
  });

  it("holds every call when all it had out were refused, and lets one try again after waits that grow, jittered", async () => {
    const { tenant, time, zuora } = limited({ maxConcurrency: 4, maxRetries: 0, random: () => 0.5 });
    const calls = [1, 2, 3].map(() => zuora.createEntity(entityBody).withResponse());
    await until(() => tenant.received.length === 3);
    // Other clients hold the tenant: every call this client has out is refused.
    for (const held of tenant.inFlight()) held.answer(429, SHUT_OUT);
    for (let round = 1; round <= 3; round++) {
      await until(() => time.sleeps.length === round);
      // Nothing goes out during the wait; after it, one call alone tries again.
      expect(tenant.inFlight()).toHaveLength(0);
      time.advance(time.sleeps[round - 1]?.ms ?? 0);
      time.sleeps[round - 1]?.wake();
      await until(() => tenant.inFlight().length === 1);
      if (round < 3) tenant.answerNext(429, SHUT_OUT);
    }
    // Half of each wait's upper bound: 20 ms, doubling.
    expect(time.sleeps.map((s) => s.ms)).toEqual([10, 20, 40]);
    tenant.answerNext();
    await until(() => tenant.inFlight().length === 2);
    tenant.answerNext();
    tenant.answerNext();
    const results = await Promise.all(calls);
    expect(results.map((r) => r.data.success)).toEqual([true, true, true]);
    // Three at first, three tries one at a time, then the two calls left.
    expect(tenant.received).toHaveLength(8);
  });

  it("backs off, growing, when a shut-out's Retry-After is 0 or a date already past, rather than resending at once", async () => {
    const tenant = heldTenant();
    const time = drivenTime();
    const zuora = createZuoraClient({
      baseUrl: BASE,
      auth: "static-token-abc",
      fetch: tenant.fetch,
      maxConcurrency: 4,
      retry: { now: time.now, sleep: time.sleep, random: () => 0.5 },
    });
    const call = zuora.createEntity(entityBody).withResponse();
    // A server that says "now", or whose clock runs behind (its date is already past on ours).
    const past = new Date(time.now() - 5000).toUTCString();
    const saidNow = [{ "retry-after": "0" }, { "retry-after": past }, { "retry-after": "0" }];
    for (const [round, retryAfter] of saidNow.entries()) {
      await until(() => tenant.inFlight().length === 1);
      tenant.answerNext(429, { ...SHUT_OUT, ...retryAfter });
      await until(() => time.sleeps.length === round + 1);
      // Nothing goes out before the wait is over.
      expect(tenant.inFlight()).toHaveLength(0);
      time.advance(time.sleeps[round]?.ms ?? 0);
      time.sleeps[round]?.wake();
    }
    await until(() => tenant.inFlight().length === 1);
    tenant.answerNext();
    expect((await call).data.success).toBe(true);
    // The shut-out's own backoff (half of 20 ms, doubling), as without a Retry-After.
    expect(time.sleeps.map((s) => s.ms)).toEqual([10, 20, 40]);
    expect(tenant.received).toHaveLength(4);
  });

  it("gives up after maxConcurrencyWaitMs of refusals in a row: each call waiting fails with its own 429", async () => {
    const { tenant, time, zuora } = limited({ maxConcurrency: 2, maxConcurrencyWaitMs: 100, random: () => 0.99 });
    const settled: unknown[] = [];
    const calls = [1, 2, 3].map((i) =>
      zuora.createEntity(entityBody, { trackId: `call-${i}` }).catch((error: unknown) => settled.push(error)),
    );
    await until(() => tenant.received.length === 2);
    const start = time.now();
    let woken = 0;
    while (settled.length < 3) {
      const out = tenant.inFlight();
      expect(out.length).toBeLessThanOrEqual(2);
      if (out.length > 0) {
        for (const held of out) held.answer(429, SHUT_OUT);
      } else if (time.sleeps.length > woken) {
        const wait = time.sleeps[woken++];
        time.advance(wait?.ms ?? 0);
        wait?.wake();
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(calls);
    for (const error of settled) {
      expect(error).toBeInstanceOf(ZuoraRateLimitError);
      expect(error).toMatchObject({ status: 429, mayHaveActed: false });
    }
    // Waits of 19, 39, 79 ms would pass the limit: the last is cut, so the last try comes at its end.
    expect(time.sleeps.map((s) => s.ms)).toEqual([19, 39, 42]);
    expect(time.now() - start).toBe(100);
    // Two sent at first, one try after each wait, then the two calls left fail after one request each.
    expect(tenant.received).toHaveLength(7);
  });
});

describe("the rate window (RateLimit-*)", () => {
  it("holds new calls once RateLimit-Remaining reaches 0 and sends them after waiting out RateLimit-Reset", async () => {
    const { tenant, time, zuora } = limited({ maxConcurrency: 4 });
    const first = zuora.createEntity(entityBody);
    await until(() => tenant.received.length === 1);
    tenant.answerNext(200, { "ratelimit-limit": "3, 3;w=60", "ratelimit-remaining": "0", "ratelimit-reset": "42" });
    await first;
    const later = [zuora.createEntity(entityBody), zuora.createEntity(entityBody).withResponse()];
    await until(() => time.sleeps.length === 1);
    expect(time.sleeps[0]?.ms).toBe(42_000);
    expect(tenant.received).toHaveLength(1);
    time.advance(42_000);
    time.sleeps[0]?.wake();
    await until(() => tenant.received.length === 3);
    tenant.answerNext();
    tenant.answerNext();
    const [, withResponse] = await Promise.all(later);
    expect((withResponse as { queuedMs: number }).queuedMs).toBe(42_000);
  });

  it("backs off, jittered and growing, after a 429 that says the window is used up but not when it resets", async () => {
    const { tenant, time, zuora } = limited({ maxRetries: 2, random: () => 0.5 });
    const call = zuora.createEntity(entityBody).withResponse();
    await until(() => tenant.received.length === 1);
    tenant.answerNext(429, { "ratelimit-remaining": "0" });
    await until(() => time.sleeps.length === 1);
    // Held, and every call with it: a call made now waits too.
    const later = zuora.createEntity(entityBody);
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(tenant.received).toHaveLength(1);
    time.advance(time.sleeps[0]?.ms ?? 0);
    time.sleeps[0]?.wake();
    await until(() => tenant.received.length === 3);
    // A reset of 0 says no more.
    tenant.received[1]?.answer(429, { "ratelimit-remaining": "0", "ratelimit-reset": "0" });
    tenant.received[2]?.answer();
    await later;
    await until(() => time.sleeps.length === 2);
    expect(tenant.received).toHaveLength(3);
    time.advance(time.sleeps[1]?.ms ?? 0);
    time.sleeps[1]?.wake();
    await until(() => tenant.received.length === 4);
    tenant.answerNext();
    const { attempts } = await call;
    expect(attempts).toBe(3);
    // Half of 500 ms, then of 1000 ms (retry.baseDelayMs, doubling).
    expect(time.sleeps.map((s) => s.ms)).toEqual([250, 500]);
  });

  it("goes back to its whole concurrency when answers stop carrying RateLimit-* headers, and logs it", async () => {
    const tenant = heldTenant();
    const time = drivenTime();
    const { lines, logger } = recordedLog();
    const zuora = limitedClient(tenant, time, { logLevel: "debug", logger });
    const first = zuora.createEntity(entityBody);
    await until(() => tenant.received.length === 1);
    tenant.answerNext(200, { "ratelimit-limit": "3, 3;w=60", "ratelimit-remaining": "0", "ratelimit-reset": "1" });
    await first;
    const calls = Array.from({ length: 64 }, () => zuora.createEntity(entityBody));
    await until(() => time.sleeps.length === 1);
    time.advance(1000);
    time.sleeps[0]?.wake();
    // The window's quota of 3 goes out; the answers no longer say anything of a window.
    await until(() => tenant.inFlight().length === 3);
    tenant.answerNext();
    await until(() => tenant.inFlight().length === 16);
    while (tenant.inFlight().length > 0) {
      tenant.answerNext();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(calls);
    expect(lines).toContain("debug: zuora-multi-entity: limiter: answers no longer report RateLimit-Remaining");
  });

  it("says so at info level, once per wait", async () => {
    const tenant = heldTenant();
    const time = drivenTime();
    const { lines, logger } = recordedLog();
    const zuora = limitedClient(tenant, time, { maxConcurrency: 4, logLevel: "info", logger });
    const send = () => zuora.GET("/v1/entities");
    const first = send();
    await until(() => tenant.received.length === 1);
    tenant.answerNext(200, { "ratelimit-remaining": "0", "ratelimit-reset": "5" });
    await first;
    const waiting = [send(), send()];
    await until(() => time.sleeps.length === 1);
    expect(lines).toEqual([
      "info: zuora-multi-entity: Zuora's rate limit is used up: calls wait 5000 ms for its reset",
    ]);
    time.sleeps[0]?.wake();
    await until(() => tenant.received.length === 3);
    tenant.answerNext();
    tenant.answerNext();
    await Promise.all(waiting);
    expect(lines).toHaveLength(1);
  });

  it("lets a call waiting for the reset go when its signal aborts, and stops the wait when nobody waits", async () => {
    const { tenant, time, zuora } = limited();
    const first = zuora.createEntity(entityBody);
    await until(() => tenant.received.length === 1);
    tenant.answerNext(200, { "ratelimit-remaining": "0", "ratelimit-reset": "30" });
    await first;
    const controller = new AbortController();
    const waiting = zuora.createEntity(entityBody, { signal: controller.signal });
    await until(() => time.sleeps.length === 1);
    controller.abort(new Error("enough"));
    await expect(waiting).rejects.toThrow("enough");
    expect(time.sleeps[0]?.signal?.aborted).toBe(true);
    expect(tenant.received).toHaveLength(1);
  });

  it("ends a wait for the reset early when a later answer shows the window has room after all", async () => {
    const { tenant, time, zuora } = limited({ maxConcurrency: 2 });
    const calls = [1, 2, 3].map(() => zuora.createEntity(entityBody));
    await until(() => tenant.received.length === 2);
    // One request left, and another call still out that may take it: no more may go until the reset.
    tenant.answerNext(200, { "ratelimit-remaining": "1", "ratelimit-reset": "30" });
    await until(() => time.sleeps.length === 1);
    expect(time.sleeps[0]?.ms).toBe(30_000);
    // The call that was out had been counted already: one request is left indeed, and the third call takes it.
    tenant.answerNext(200, { "ratelimit-remaining": "1", "ratelimit-reset": "30" });
    await until(() => tenant.received.length === 3);
    expect(time.sleeps[0]?.signal?.aborted).toBe(true);
    tenant.answerNext();
    await Promise.all(calls);
  });

  it("waits out a rate refusal (429, Retry-After) once for every call, and resends the refused one first", async () => {
    const { tenant, time, zuora } = limited({ maxConcurrency: 1 });
    const refused = zuora.createEntity(entityBody, { trackId: "refused" }).withResponse();
    const queued = zuora.createEntity(entityBody, { trackId: "queued" });
    await until(() => tenant.received.length === 1);
    tenant.answerNext(429, { "retry-after": "7", "ratelimit-remaining": "0", "ratelimit-reset": "7" });
    await until(() => time.sleeps.length === 1);
    expect(time.sleeps.map((s) => s.ms)).toEqual([7000]);
    time.advance(7000);
    time.sleeps[0]?.wake();
    await until(() => tenant.received.length === 2);
    tenant.answerNext();
    await until(() => tenant.received.length === 3);
    tenant.answerNext();
    await queued;
    const { attempts, queuedMs } = await refused;
    expect(attempts).toBe(2);
    expect(queuedMs).toBe(7000);
    expect(time.sleeps).toHaveLength(1);
  });
});
