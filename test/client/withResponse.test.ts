import { describe, expect, it } from "vitest";
import { ZuoraBusinessError, ZuoraValidationError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";

const server = useLoopbackServer();

/** Zuora's answer headers: its request id, the echoed track id and the rate-limit headers. */
const zuoraHeaders = (trackId: string | undefined) => ({
  "Zuora-Request-Id": "6f4b1c2e-8d3a-4e5f-9a7b-0c1d2e3f4a5b",
  ...(trackId ? { "Zuora-Track-Id": trackId } : {}),
  "RateLimit-Limit": "2250000, 50000;w=60",
  "RateLimit-Remaining": "399",
  "RateLimit-Reset": "40",
});

describe("an operation helper's .withResponse()", () => {
  it("gives the data with the request id, the echoed track id, the attempts and the rate-limit headers", async () => {
    server.handler = (request, n) => {
      const answer = defaultHandler(request, n);
      const trackId = request.headers["zuora-track-id"] as string | undefined;
      // The first attempt meets a 503, so the metadata must count the retry.
      if (n === 1) return { status: 503, headers: { "Retry-After": "0" }, json: { reasons: [] } };
      return typeof answer === "object" ? { ...answer, headers: zuoraHeaders(trackId) } : answer;
    };
    const zuora = testClient(server.url);
    const result = await zuora
      .createEntity(entityBody, { trackId: "order-sync-7", idempotencyKey: "key-7" })
      .withResponse();
    expect(result).toMatchObject({
      data: { id: "8a80825556ff28a4015709096c5d6f5d", success: true },
      requestId: "6f4b1c2e-8d3a-4e5f-9a7b-0c1d2e3f4a5b",
      trackId: "order-sync-7",
      attempts: 2,
      idempotencyKey: "key-7",
      rateLimit: { limit: "2250000, 50000;w=60", remaining: 399, reset: 40 },
    });
    expect(result.response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it("makes one request whether the caller awaits the data, the response, or both", async () => {
    const zuora = testClient(server.url);
    const call = zuora.initiateConnection({ targetEntityId: "t" });
    const [data, withResponse] = await Promise.all([call, call.withResponse()]);
    expect(withResponse.data).toBe(data);
    expect(server.requests).toHaveLength(1);
  });

  it("leaves the headers Zuora did not send undefined", async () => {
    const result = await testClient(server.url).initiateConnection({ targetEntityId: "t" }).withResponse();
    expect(result).toMatchObject({ requestId: undefined, trackId: undefined, attempts: 1 });
    expect(result.rateLimit).toEqual({ limit: undefined, remaining: undefined, reset: undefined });
  });

  it("rejects with the same typed errors as the data, and no unhandled rejection besides", async () => {
    server.handler = () => ({ json: { success: false, processId: "P", reasons: [{ code: 50000030, message: "x" }] } });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const zuora = testClient(server.url);
      await expect(zuora.createEntity(entityBody).withResponse()).rejects.toBeInstanceOf(ZuoraBusinessError);
      await expect(zuora.createEntity({ ...entityBody, name: "a_b" }).withResponse()).rejects.toBeInstanceOf(
        ZuoraValidationError,
      );
      // Give a stray rejection the turns it would need to be reported.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});
