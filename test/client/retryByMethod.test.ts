import { describe, expect, it } from "vitest";
import { ZuoraApiError, ZuoraBusinessError, ZuoraConnectionError } from "../../src/index.js";
import { testClient } from "../support/fixtures.js";
import { type Answer, useLoopbackServer } from "../support/loopbackServer.js";

const ID = "8a80825556ff28a4015709096c5d6f5d";
const alreadyProvisioned: Answer = {
  json: { success: false, reasons: [{ code: 53000040, message: "The entity has already been provisioned." }] },
};

const server = useLoopbackServer(() => ({ json: { id: ID, success: true } }));

describe("retries by method", () => {
  it.each([
    ["GET", (z: ReturnType<typeof testClient>) => z.getEntity(ID)],
    ["PUT", (z: ReturnType<typeof testClient>) => z.acceptConnection("c-1")],
    ["DELETE", (z: ReturnType<typeof testClient>) => z.deleteEntity(ID)],
  ])(
    "retries a %s after a dropped connection and a 503, with no Idempotency-Key on any attempt",
    async (method, call) => {
      server.handler = (_, n) =>
        n === 1 ? "reset" : n === 2 ? { status: 503, json: {} } : { json: { success: true } };
      await expect(call(testClient(server.url))).resolves.toEqual({ success: true });
      expect(server.requests.map((r) => r.method)).toEqual([method, method, method]);
      expect(server.requests.map((r) => r.headers["idempotency-key"])).toEqual([undefined, undefined, undefined]);
    },
  );
});

describe("a state change whose answer was lost", () => {
  /** Provisions on the first request, then drops the connection before answering: the answer is lost. */
  function provisionThenReset() {
    let provisioned = false;
    server.handler = () => {
      if (!provisioned) {
        provisioned = true;
        return "reset";
      }
      return alreadyProvisioned;
    };
  }

  it("says the call may have taken effect when the retry meets 'already provisioned'", async () => {
    provisionThenReset();
    const error = await testClient(server.url)
      .provisionEntity(ID)
      .catch((e) => e);
    expect(server.requests).toHaveLength(2);
    expect(error).toBeInstanceOf(ZuoraBusinessError);
    expect(error).toMatchObject({ attempts: 2, mayHaveActed: true });
    expect(error.message).toContain("an attempt got no answer that settles it and may have taken effect");
    expect(error.toJSON()).toMatchObject({ mayHaveActed: true });
  });

  it("says so for a delete whose retry meets a 404", async () => {
    server.handler = (_, n) => (n === 1 ? "reset" : { status: 404, json: { success: false, reasons: [] } });
    const error = await testClient(server.url)
      .deleteEntity(ID)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error).toMatchObject({ status: 404, attempts: 2, mayHaveActed: true });
  });

  it("says so after a 5xx too, which Zuora may have answered after acting", async () => {
    server.handler = (_, n) => (n === 1 ? { status: 504, json: {} } : alreadyProvisioned);
    const error = await testClient(server.url)
      .provisionEntity(ID)
      .catch((e) => e);
    expect(error).toMatchObject({ name: "ZuoraBusinessError", mayHaveActed: true });
  });

  it("says so when no attempt was answered at all", async () => {
    server.handler = () => "reset";
    const error = await testClient(server.url, { maxRetries: 1 })
      .disconnectConnection("c-1")
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraConnectionError);
    expect(error).toMatchObject({ attempts: 2, mayHaveActed: true });
  });

  it("keeps a failure plain when every attempt was answered", async () => {
    server.handler = () => alreadyProvisioned;
    const error = await testClient(server.url)
      .provisionEntity(ID)
      .catch((e) => e);
    expect(error).toMatchObject({ name: "ZuoraBusinessError", attempts: 1, mayHaveActed: false });
    expect(error.message).not.toContain("may have taken effect");
  });

  it("keeps a failure plain after a 429, which Zuora answers without acting", async () => {
    server.handler = (_, n) => (n === 1 ? { status: 429, json: {} } : alreadyProvisioned);
    const error = await testClient(server.url)
      .provisionEntity(ID)
      .catch((e) => e);
    expect(error).toMatchObject({ attempts: 2, mayHaveActed: false });
  });

  it("never says so for a GET, which changes nothing", async () => {
    server.handler = (_, n) => (n === 1 ? "reset" : { status: 404, json: { success: false, reasons: [] } });
    const error = await testClient(server.url)
      .getEntity(ID)
      .catch((e) => e);
    expect(error).toMatchObject({ status: 404, attempts: 2, mayHaveActed: false });
  });
});
