import { describe, expect, it } from "vitest";
import {
  callInfo,
  ZuoraApiError,
  ZuoraConnectionError,
  ZuoraRateLimitError,
  ZuoraServerError,
  ZuoraTimeoutError,
} from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { type Answer, defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";

const server = useLoopbackServer();

/** The first `failures` requests get `answer`, then the default answer. */
function failFirst(failures: number, answer: Answer) {
  server.handler = (request, n) => (n <= failures ? answer : defaultHandler(request, n));
}

describe("retries", () => {
  it.each([429, 500, 502, 503, 504])("retries HTTP %i and then succeeds", async (status) => {
    failFirst(2, { status, json: { message: "try later" } });
    const zuora = testClient(server.url);
    const { data, response } = await zuora.POST("/v1/entities", { body: entityBody });
    expect(data?.success).toBe(true);
    expect(server.requests).toHaveLength(3);
    expect(callInfo(response)?.attempts).toBe(3);
  });

  it("retries a 409 of a keyed request still in progress", async () => {
    failFirst(1, { status: 409, json: { message: "in progress" } });
    await testClient(server.url).createEntity(entityBody);
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 403, 404, 422])("does not retry HTTP %i", async (status) => {
    failFirst(5, { status, json: { message: "no" } });
    const error = await testClient(server.url)
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(status);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a dropped connection", async () => {
    failFirst(1, "reset");
    await testClient(server.url).createEntity(entityBody);
    expect(server.requests).toHaveLength(2);
  });

  it("retries a response whose gzipped JSON body was cut off", async () => {
    failFirst(1, { json: { id: "e1", name: "N".repeat(500), status: "Provisioned", success: true }, truncated: true });
    const entity = await testClient(server.url).createEntity(entityBody);
    expect(entity.success).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it("ends repeatedly cut-off bodies in a connection error that says why", async () => {
    failFirst(10, { json: { message: "M".repeat(500) }, truncated: true });
    const error = await testClient(server.url, { maxRetries: 1 })
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraConnectionError);
    expect(error.message).toContain("not valid JSON (cut off or corrupted in transit)");
    expect(error.attempts).toBe(2);
  });

  it("waits Retry-After seconds when Zuora says so", async () => {
    failFirst(1, { status: 429, headers: { "retry-after": "2" }, json: { message: "Too many requests" } });
    const zuora = testClient(server.url);
    await zuora.createEntity(entityBody);
    expect(zuora.sleep.delays).toEqual([2000]);
  });

  it("waits until a Retry-After date", async () => {
    const now = Date.parse("2026-11-22T10:00:00Z");
    failFirst(1, { status: 503, headers: { "retry-after": "Sun, 22 Nov 2026 10:00:05 GMT" }, json: {} });
    const zuora = testClient(server.url, { retry: { sleep: recordingSleepFor(), now: () => now } });
    await zuora.createEntity(entityBody);
    expect(delays).toEqual([5000]);
  });

  it("caps a long Retry-After", async () => {
    failFirst(1, { status: 429, headers: { "retry-after": "86400" }, json: {} });
    const zuora = testClient(server.url, { retry: { sleep: recordingSleepFor(), maxRetryAfterMs: 10_000 } });
    await zuora.createEntity(entityBody);
    expect(delays).toEqual([10_000]);
  });

  it("backs off exponentially with full jitter", async () => {
    failFirst(3, { status: 500, json: {} });
    const zuora = testClient(server.url, {
      maxRetries: 3,
      retry: { sleep: recordingSleepFor(), random: () => 0.5, baseDelayMs: 100, maxDelayMs: 300 },
    });
    await zuora.createEntity(entityBody);
    // 0.5 × min(300, 100·2^(n-1)) for n = 1, 2, 3
    expect(delays).toEqual([50, 100, 150]);
  });

  it("ends exhausted retries in a typed error with the attempt count", async () => {
    failFirst(10, { status: 503, headers: { "zuora-request-id": "r".repeat(36) }, json: { message: "down" } });
    const error = await testClient(server.url, { maxRetries: 2 })
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraServerError);
    expect(error).toMatchObject({ status: 503, attempts: 3, requestId: "r".repeat(36), retryable: true });
    // A 503 settles nothing: the keyed POST may have been performed, and the message says how to learn it.
    expect(error).toMatchObject({ mayHaveActed: true, idempotencyKey: expect.any(String) });
    expect(error.message).toBe(
      `POST ${server.url}/v1/entities failed with HTTP 503 after 3 attempts: down [Zuora-Request-Id ${"r".repeat(36)}]` +
        `; an attempt got no answer that settles it and may have taken effect, so retry with the same ` +
        `Idempotency-Key (${error.idempotencyKey}), not a new one, to learn its outcome`,
    );
    expect(server.requests).toHaveLength(3);
  });

  it("ends exhausted rate-limit retries in a rate-limit error carrying Retry-After", async () => {
    failFirst(10, { status: 429, headers: { "retry-after": "7" }, json: { message: "Too many requests" } });
    const error = await testClient(server.url, { maxRetries: 1 })
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraRateLimitError);
    expect(error).toMatchObject({ attempts: 2, retryAfterMs: 7000 });
  });

  it("caps ZuoraRateLimitError.retryAfterMs like the wait, measured with retry.now", async () => {
    const now = Date.parse("2026-11-22T10:00:00Z");
    failFirst(10, { status: 429, headers: { "retry-after": "Sun, 22 Nov 2026 12:00:00 GMT" }, json: {} });
    const error = await testClient(server.url, {
      maxRetries: 0,
      retry: { sleep: recordingSleepFor(), now: () => now, maxRetryAfterMs: 10_000 },
    })
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraRateLimitError);
    expect(error.retryAfterMs).toBe(10_000);
  });

  it("reads 'Retry-After: May 5' as no delay given, not as a date", async () => {
    failFirst(10, { status: 429, headers: { "retry-after": "May 5" }, json: {} });
    const error = await testClient(server.url, { maxRetries: 0 })
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraRateLimitError);
    expect(error).toHaveProperty("retryAfterMs", undefined);
  });

  it("ends repeated dropped connections in a connection error with the attempt count", async () => {
    failFirst(10, "reset");
    const error = await testClient(server.url, { maxRetries: 2 })
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraConnectionError);
    expect(error.attempts).toBe(3);
    expect(error.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.requests).toHaveLength(3);
  });

  it("sends once when retries are off", async () => {
    failFirst(10, { status: 500, json: {} });
    await expect(testClient(server.url, { maxRetries: 0 }).createEntity(entityBody)).rejects.toThrow(ZuoraServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("ends an attempt that gets no answer in a timeout error, not a hang", async () => {
    server.handler = () => "hang";
    const error = await testClient(server.url, { timeoutMs: 50, maxRetries: 1 })
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraTimeoutError);
    expect(error.attempts).toBe(2);
    expect(error.message).toContain("timed out after 2 attempts");
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    const controller = new AbortController();
    server.handler = () => {
      controller.abort(new Error("caller gave up"));
      return { status: 503, json: {} };
    };
    const error = await testClient(server.url)
      .createEntity(entityBody, { signal: controller.signal })
      .catch((e) => e);
    expect(error).toEqual(new Error("caller gave up"));
    expect(server.requests).toHaveLength(1);
  });

  it("stops waiting between attempts when the caller aborts", async () => {
    const controller = new AbortController();
    failFirst(10, { status: 503, json: {} });
    const zuora = testClient(server.url, {
      retry: {
        sleep: async (_ms, signal) => {
          controller.abort(new Error("abort during backoff"));
          signal?.throwIfAborted();
        },
      },
    });
    const error = await zuora.createEntity(entityBody, { signal: controller.signal }).catch((e) => e);
    expect(error).toEqual(new Error("abort during backoff"));
    expect(server.requests).toHaveLength(1);
  });
});

let delays: number[] = [];
function recordingSleepFor() {
  delays = [];
  return async (ms: number) => {
    delays.push(ms);
  };
}
