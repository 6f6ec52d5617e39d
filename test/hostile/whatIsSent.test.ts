import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZuoraClient, ZuoraValidationError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { type LoopbackServer, startLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "./support.js";

// Items 7 and 8: what the client checks is exactly what it sends, and a bad value sends nothing at all.

let server: LoopbackServer;
beforeEach(async () => {
  server = await startLoopbackServer();
});
afterEach(() => server.close());

const credentials = { clientId: "client-id-1", clientSecret: "client-secret-xyz" };

describe("item 7: Idempotency-Key values", () => {
  it("refuses a blank key and a bad generated key before any request, token request included", async () => {
    for (const idempotencyKey of ["", "   "]) {
      const error = await rejection(testClient(server.url).createEntity(entityBody, { idempotencyKey }));
      expect(error).toBeInstanceOf(ZuoraValidationError);
      expect(error.field).toBe("header Idempotency-Key");
    }
    for (const generated of ["k".repeat(300), "clé-ключ", "  "]) {
      const zuora = createZuoraClient({ baseUrl: server.url, auth: credentials, idempotencyKey: () => generated });
      const error = await rejection(zuora.createEntity(entityBody));
      expect(error).toBeInstanceOf(ZuoraValidationError);
      expect(error.field).toBe("header Idempotency-Key");
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("item 8: validated is what is sent", () => {
  it("checks the JSON that travels, rejects an unserializable body, and trims client defaults like per-call values", async () => {
    const inherited = Object.create(entityBody);
    const lying = { ...entityBody, toJSON: () => ({ name: "bad_name!" }) };
    const big = { ...entityBody, extra: 10n };
    const circular: Record<string, unknown> = { ...entityBody };
    circular.self = circular;
    for (const body of [inherited, lying]) {
      expect(await rejection(testClient(server.url).createEntity(body as typeof entityBody))).toBeInstanceOf(
        ZuoraValidationError,
      );
    }
    for (const body of [big, circular]) {
      const zuora = testClient(server.url);
      let outcome: Promise<unknown> | undefined;
      expect(() => {
        outcome = zuora.POST("/v1/entities", { body: body as typeof entityBody });
      }).not.toThrow();
      const error = await rejection(outcome as Promise<unknown>);
      expect(error).toBeInstanceOf(ZuoraValidationError);
      expect(error.field).toBe("body");
    }
    expect(server.requests).toHaveLength(0);

    // 64 characters and a trailing space: fetch trims it, so it is a valid track id as a default as per call.
    const trackId = `${"t".repeat(64)} `;
    await testClient(server.url).createEntity(entityBody, { trackId });
    await testClient(server.url, { trackId }).createEntity(entityBody);
    expect(server.requests.map((r) => r.headers["zuora-track-id"])).toEqual(["t".repeat(64), "t".repeat(64)]);
  });
});
