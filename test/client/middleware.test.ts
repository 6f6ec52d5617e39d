import type { Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { ZuoraServerError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

const ID = "8a80825556ff28a4015709096c5d6f5d";
const entity = { id: ID, name: "Acme", status: "Provisioned", success: true };

const server = useLoopbackServer((_, n) => (n === 1 ? { status: 503, json: {} } : { json: entity }));

/** Middleware that records what it saw, in order. */
function recording() {
  const seen: string[] = [];
  const middleware: Middleware = {
    onRequest({ request }) {
      const auth = request.headers.get("authorization") ?? "none";
      const key = request.headers.get("idempotency-key") ?? "none";
      seen.push(`request ${request.method} ${new URL(request.url).pathname} auth=${auth} key=${key}`);
    },
    onResponse({ response }) {
      seen.push(`response ${response.status}`);
    },
  };
  return { seen, middleware };
}

describe("middleware registered with zuora.use()", () => {
  it("runs once per call, around the retries, for a helper and zuora.GET alike", async () => {
    const zuora = testClient(server.url);
    const { seen, middleware } = recording();
    zuora.use(middleware);
    await zuora.getEntity(ID);
    const { data } = await zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } } });
    expect(data).toEqual(entity);
    expect(seen).toEqual([
      `request GET /v1/entities/${ID} auth=none key=none`,
      "response 200",
      `request GET /v1/entities/${ID} auth=none key=none`,
      "response 200",
    ]);
    // The first call met a 503 and was retried below the middleware.
    expect(server.requests).toHaveLength(3);
  });

  it("sees a POST before the policies: no bearer token, no Idempotency-Key yet", async () => {
    server.handler = () => ({ json: entity });
    const zuora = testClient(server.url);
    const { seen, middleware } = recording();
    zuora.use(middleware);
    await zuora.createEntity(entityBody);
    expect(seen[0]).toBe("request POST /v1/entities auth=none key=none");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer static-token-abc");
    expect(server.requests[0]?.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends what onRequest set on the request in place, without returning it", async () => {
    server.handler = () => ({ json: entity });
    const zuora = testClient(server.url);
    zuora.use({
      onRequest({ request }) {
        request.headers.set("X-Job", "nightly-sync");
      },
    });
    await zuora.getEntity(ID);
    await zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } } });
    expect(server.requests.map((r) => r.headers["x-job"])).toEqual(["nightly-sync", "nightly-sync"]);
  });

  it("stops seeing calls once eject() undoes use()", async () => {
    server.handler = () => ({ json: entity });
    const zuora = testClient(server.url);
    const { seen, middleware } = recording();
    zuora.use(middleware);
    await zuora.getEntity(ID);
    zuora.eject(middleware);
    await zuora.getEntity(ID);
    await zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } } });
    expect(seen).toHaveLength(2);
    expect(server.requests).toHaveLength(3);
  });

  it("lets onError answer in place of a failure", async () => {
    server.handler = () => ({ status: 503, json: {} });
    const connectionFailure = testClient("http://127.0.0.1:9", { maxRetries: 0 });
    connectionFailure.use({ onError: () => Response.json(entity) });
    await expect(connectionFailure.getEntity(ID)).resolves.toEqual(entity);
    const plain = testClient(server.url, { maxRetries: 0 });
    await expect(plain.getEntity(ID)).rejects.toBeInstanceOf(ZuoraServerError);
  });

  it("runs a call's own middleware after the client's, for that call only", async () => {
    server.handler = () => ({ json: entity });
    const zuora = testClient(server.url);
    const order: string[] = [];
    zuora.use({ onRequest: () => void order.push("client") });
    await zuora.GET("/v1/entities/{id}", {
      params: { path: { id: ID } },
      middleware: [{ onRequest: () => void order.push("call") }],
    });
    await zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } } });
    expect(order).toEqual(["client", "call", "client"]);
  });
});
