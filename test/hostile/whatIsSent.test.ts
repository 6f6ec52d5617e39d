import { describe, expect, it } from "vitest";
import { createZuoraClient, ZuoraValidationError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";
import { rejection, settle } from "./support.js";

// Items 7 and 8: what the client checks is exactly what it sends, and a bad value sends nothing at all.

const server = useLoopbackServer();

const credentials = { clientId: "client-id-1", clientSecret: "client-secret-xyz" };

describe("item 7: Idempotency-Key values", () => {
  it.each([
    ["an empty key", ""],
    ["a key of spaces", "   "],
  ])("refuses %s given per call, sending nothing", async (_, idempotencyKey) => {
    const error = await rejection(testClient(server.url).createEntity(entityBody, { idempotencyKey }));
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(error.field).toBe("header Idempotency-Key");
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ["300 characters long", "k".repeat(300)],
    ["not Latin-1", "clé-ключ"],
    ["blank", "  "],
  ])("refuses a generated key %s before any request, token request included", async (_, generated) => {
    const zuora = createZuoraClient({ baseUrl: server.url, auth: credentials, idempotencyKey: () => generated });
    const error = await rejection(zuora.createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(error.field).toBe("header Idempotency-Key");
    expect(server.requests).toHaveLength(0);
  });
});

describe("item 8: validated is what is sent", () => {
  it("judges a body by the JSON that would travel: inherited fields are not sent, so they do not count", async () => {
    const error = await rejection(testClient(server.url).createEntity(Object.create(entityBody)));
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it("judges a body with a toJSON() by what toJSON() returns", async () => {
    const lying = { ...entityBody, toJSON: () => ({ name: "bad_name!" }) };
    const error = await rejection(testClient(server.url).createEntity(lying));
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ["a BigInt field", () => ({ ...entityBody, extra: 10n })],
    [
      "a circular field",
      () => {
        const circular: Record<string, unknown> = { ...entityBody };
        circular.self = circular;
        return circular;
      },
    ],
  ])("makes zuora.POST reject, not throw, for %s", async (_, makeBody) => {
    const zuora = testClient(server.url);
    let outcome: Promise<unknown> | undefined;
    expect(() => {
      outcome = zuora.POST("/v1/entities", { body: makeBody() as typeof entityBody });
    }).not.toThrow();
    const settled = await settle(outcome as Promise<unknown>);
    expect(settled.ok).toBe(false);
    if (!settled.ok) {
      expect(settled.error).toBeInstanceOf(ZuoraValidationError);
      expect(settled.error.field).toBe("body");
    }
    expect(server.requests).toHaveLength(0);
  });

  it("trims a client default as it trims a per-call value, so both are judged as they travel", async () => {
    // 64 characters and a trailing space: fetch trims it, so it is a valid track id as a default as per call.
    const trackId = `${"t".repeat(64)} `;
    await testClient(server.url).createEntity(entityBody, { trackId });
    await testClient(server.url, { trackId }).createEntity(entityBody);
    expect(server.requests.map((r) => r.headers["zuora-track-id"])).toEqual(["t".repeat(64), "t".repeat(64)]);
  });
});
