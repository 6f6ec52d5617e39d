import { describe, expect, it } from "vitest";
import { createZuoraClient, ZuoraConnectionError, ZuoraValidationError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "../support/settle.js";

const server = useLoopbackServer();

const keys = () => server.to("/v1/entities").map((r) => r.headers["idempotency-key"]);

describe("Idempotency-Key", () => {
  it("reuses the idempotency key on every retry", async () => {
    const base = server.handler;
    server.handler = (request, n) => (n <= 2 ? { status: 503, json: { message: "busy" } } : base(request, n));
    const zuora = testClient(server.url);
    await zuora.createEntity(entityBody);
    const sent = keys();
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]).toBe(sent[0]);
    expect(sent[2]).toBe(sent[0]);
  });

  it("says a keyed POST may have acted when its first attempt went unanswered and resends meet 409 in progress", async () => {
    server.handler = (_, n) => (n === 1 ? "reset" : { status: 409, json: { message: "in progress" } });
    const error = await testClient(server.url)
      .createEntity(entityBody)
      .catch((e) => e);
    const [key] = keys();
    expect(error).toMatchObject({ status: 409, attempts: 3, mayHaveActed: true, idempotencyKey: key });
    expect(error.message).toContain(`retry with the same Idempotency-Key (${key}), not a new one`);
  });

  it.each<[string, "reset" | "hang", number[]]>([
    ["a reset, then 503s", "reset", [503, 503]],
    ["a timeout, then 502s", "hang", [502, 502]],
    ["a reset, then 500s", "reset", [500, 500]],
    ["a timeout, then 429s", "hang", [429, 429]],
    ["a reset, then 409 in progress and a 503", "reset", [409, 503]],
  ])("says a keyed POST may have acted after %s, and to retry with the same key", async (_, lost, resends) => {
    server.handler = (_request, n) =>
      n === 1 ? lost : { status: resends[n - 2] ?? 200, json: { message: "not now" } };
    const error = await testClient(server.url, { timeoutMs: 200, maxRetries: resends.length })
      .createEntity(entityBody)
      .catch((e) => e);
    const [key] = keys();
    expect(keys()).toHaveLength(1 + resends.length);
    expect(error).toMatchObject({ status: resends.at(-1), mayHaveActed: true, idempotencyKey: key });
    expect(error.message).toContain(
      `retry with the same Idempotency-Key (${key}), not a new one, to learn its outcome`,
    );
    expect(error.toJSON()).toMatchObject({ mayHaveActed: true });
  });

  it("takes a keyed resend's answer as the lost attempt's outcome: Zuora answers a key it has seen with its result", async () => {
    const refusal = { success: false, reasons: [{ code: 53100020, message: "The entity name is taken." }] };
    server.handler = (_, n) => (n === 1 ? "reset" : { status: 200, json: refusal });
    const error = await testClient(server.url)
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toMatchObject({ attempts: 2, mayHaveActed: false });
    expect(error.message).not.toContain("may have taken effect");
  });

  it("keeps a keyed POST's 409 plain when every attempt was answered", async () => {
    server.handler = () => ({ status: 409, json: { message: "in progress" } });
    const error = await testClient(server.url)
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toMatchObject({ status: 409, attempts: 3, mayHaveActed: false });
    expect(error.message).not.toContain("may have taken effect");
  });

  it("gives each logical call its own key", async () => {
    const zuora = testClient(server.url);
    await zuora.createEntity(entityBody);
    await zuora.createEntity(entityBody);
    const sent = keys();
    expect(sent).toHaveLength(2);
    for (const key of sent) expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(sent).size).toBe(2);
  });

  it("sends no key on a GET", async () => {
    const zuora = testClient(server.url);
    await zuora.GET("/v1/entities");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.method).toBe("GET");
    expect(server.requests[0]?.headers["idempotency-key"]).toBeUndefined();
  });

  it("sends the caller's key instead of making one", async () => {
    const zuora = testClient(server.url);
    await zuora.createEntity(entityBody, { idempotencyKey: "order-42" });
    await zuora.POST("/v1/entities", { body: entityBody, params: { header: { "Idempotency-Key": "order-43" } } });
    expect(keys()).toEqual(["order-42", "order-43"]);
  });

  it("rejects a caller's key over 255 characters before sending", async () => {
    const zuora = testClient(server.url);
    const error = await zuora.createEntity(entityBody, { idempotencyKey: "k".repeat(256) }).catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(error).toMatchObject({ field: "header Idempotency-Key", rule: "maxLength" });
    expect(error.message).toContain("at most 255 characters, got 256");
    expect(server.requests).toHaveLength(0);
  });

  it("accepts a caller's key of exactly 255 characters", async () => {
    const zuora = testClient(server.url);
    await zuora.createEntity(entityBody, { idempotencyKey: "k".repeat(255) });
    expect(keys()).toEqual(["k".repeat(255)]);
  });

  it.each([
    ["a line break", "key\r\nX-Injected: 1"],
    ["a NUL", "key\u0000"],
    ["a character beyond Latin-1", "kéy-日本"],
  ])("rejects a caller's key containing %s before sending", async (_, key) => {
    const zuora = testClient(server.url);
    const error = await zuora.createEntity(entityBody, { idempotencyKey: key }).catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(error).toMatchObject({ field: "header Idempotency-Key", rule: "headerValue" });
    expect(server.requests).toHaveLength(0);
  });

  it("refuses an Idempotency-Key on a GET, which Zuora asks never to carry one", async () => {
    const zuora = testClient(server.url);
    const error = await zuora.GET("/v1/entities", { headers: { "Idempotency-Key": "k" } }).catch((e) => e);
    expect(error).toMatchObject({ name: "ZuoraValidationError", rule: "method" });
    expect(server.requests).toHaveLength(0);
  });
});

// A key does not make an unanswered attempt harmless: Zuora may have created the entity. The error says so, and that
// the way to learn the outcome is the same key; `retryable` alone ("a new call, with a new key") would create it twice.
describe("a keyed POST whose every attempt went unanswered", () => {
  it("says it may have acted, and to retry with the same Idempotency-Key", async () => {
    // Every attempt reaches the server, which drops the connection before answering.
    server.handler = () => "reset";
    const zuora = testClient(server.url, { maxRetries: 1 });
    const error = await rejection(zuora.createEntity(entityBody, { idempotencyKey: "key-entity-1" }));
    expect(keys()).toEqual(["key-entity-1", "key-entity-1"]);
    expect(error).toBeInstanceOf(ZuoraConnectionError);
    expect(error).toMatchObject({ attempts: 2, mayHaveActed: true, idempotencyKey: "key-entity-1" });
    expect(error.message).toContain("retry with the same Idempotency-Key (key-entity-1), not a new one");
  });
});

describe("Idempotency-Key values that are blank", () => {
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
    const zuora = createZuoraClient({
      baseUrl: server.url,
      auth: { clientId: "client-id-1", clientSecret: "client-secret-xyz" },
      idempotencyKey: () => generated,
    });
    const error = await rejection(zuora.createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(error.field).toBe("header Idempotency-Key");
    expect(server.requests).toHaveLength(0);
  });
});
