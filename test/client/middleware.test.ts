import type { Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { ZuoraApiError, ZuoraServerError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "../support/settle.js";

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

  it("sends what onRequest set or deleted on the request in place, without returning it, and nothing more", async () => {
    // openapi-fetch sends the Request its onRequest middleware was given; the client's middleware means the same.
    server.handler = () => ({ json: entity });
    const zuora = testClient(server.url);
    zuora.use({
      onRequest({ request }) {
        request.headers.set("X-Job", "nightly-sync");
        request.headers.delete("x-drop");
      },
    });
    await zuora.getEntity(ID);
    await zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } } });
    await zuora.createEntity(entityBody, { trackId: "t-1" });
    await zuora.POST("/v1/entities", { body: entityBody, headers: { "x-drop": "gone" } });
    expect(server.requests.map((r) => r.headers["x-job"])).toEqual(Array(4).fill("nightly-sync"));
    const [created, posted] = server.to("/v1/entities");
    expect(posted?.headers).not.toHaveProperty("x-drop");
    // The body and the client's own headers are untouched.
    expect([created?.text, posted?.text].map((text) => JSON.parse(text ?? "null"))).toEqual([entityBody, entityBody]);
    expect(created?.headers["zuora-track-id"]).toBe("t-1");
    expect(created?.headers.authorization).toBe("Bearer static-token-abc");
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

describe("a call's own middleware", () => {
  it.each([null, undefined])("skips an empty slot (%s) and runs the rest, with client middleware too", async (hole) => {
    // openapi-fetch skips an empty slot (`[debug ? logger : undefined]`), as zuora.use() does.
    server.handler = () => ({ json: entity });
    const zuora = testClient(server.url);
    const seen: string[] = [];
    zuora.use({ onRequest: () => void seen.push("client") });
    const own: Middleware = { onRequest: () => void seen.push("own") };
    const { data } = await zuora.GET("/v1/entities/{id}", {
      params: { path: { id: ID } },
      middleware: [hole as unknown as Middleware, own],
    });
    expect(data).toEqual(entity);
    expect(seen).toEqual(["client", "own"]);
    expect(server.requests).toHaveLength(1);
  });
});

/** Middleware that records its name at each request and response, running `onRequest` too. */
function recorder(name: string, seen: string[], onRequest?: () => void): Middleware {
  return {
    onRequest() {
      seen.push(`${name} request`);
      onRequest?.();
    },
    onResponse() {
      seen.push(`${name} response`);
    },
  };
}

// A call runs the middleware registered when it started: use() and eject() during it apply to the next call.
describe("middleware registered or ejected during a call", () => {
  it("a one-shot middleware that ejects itself does not make the call skip the next one", async () => {
    server.handler = () => ({ json: entity });
    const zuora = testClient(server.url);
    const seen: string[] = [];
    const once: Middleware = recorder("once", seen, () => zuora.eject(once));
    zuora.use(once, recorder("always", seen));
    await zuora.getEntity(ID);
    expect(seen).toEqual(["once request", "always request", "always response", "once response"]);
    seen.length = 0;
    await zuora.getEntity(ID);
    expect(seen).toEqual(["always request", "always response"]);
  });

  it("a middleware used during a call sees the next call whole, not half of this one", async () => {
    server.handler = () => ({ json: entity });
    const zuora = testClient(server.url);
    const seen: string[] = [];
    const late = recorder("late", seen);
    zuora.use(recorder("first", seen, () => zuora.use(late)));
    await zuora.getEntity(ID);
    expect(seen).toEqual(["first request", "first response"]);
    seen.length = 0;
    await zuora.getEntity(ID);
    expect(seen).toEqual(["first request", "late request", "late response", "first response"]);
  });
});

describe("an onResponse middleware that reads the body without clone()", () => {
  it("makes a helper reject saying the body was read before the client could, not that it was empty", async () => {
    server.handler = () => ({ json: entity });
    const zuora = testClient(server.url);
    zuora.use({
      async onResponse({ response }) {
        await response.json();
      },
    });
    const error = await rejection(zuora.getEntity(ID));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(200);
    expect(error.message).toContain("already read");
    expect(error.message).toContain("clone()");
    expect(error.message).not.toContain("empty body");
  });
});
