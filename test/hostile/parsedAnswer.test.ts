import type { Middleware } from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testClient } from "../support/fixtures.js";
import { type LoopbackServer, startLoopbackServer } from "../support/loopbackServer.js";

// A success body is parsed once, inside the attempt, and fetch's own response (its body read) is handed back. That
// is only sound when nothing stands between the pipeline and openapi-fetch's parse: openapi-fetch's middleware and a
// per-request fetch are the caller's, and must see (and may replace) a response whose body can still be read.

let server: LoopbackServer;
beforeEach(async () => {
  server = await startLoopbackServer();
  server.handler = () => ({ json: entity });
});
afterEach(() => server.close());

const entity = { id: "8a80", name: "child", displayName: "Child", status: "Unprovisioned", success: true };
const byId = { params: { path: { id: "8a80" } } };

describe("a success body, with the caller's middleware or fetch in the way", () => {
  it("lets a middleware read the answer through response.clone(), and data is still the body", async () => {
    const zuora = testClient(server.url);
    const logged: unknown[] = [];
    zuora.use({
      async onResponse({ response }) {
        logged.push(await response.clone().json());
      },
    });
    expect(await zuora.getEntity("8a80")).toEqual(entity);
    expect((await zuora.GET("/v1/entities/{id}", byId)).data).toEqual(entity);
    expect(logged).toEqual([entity, entity]);
  });

  it("reads data from the response a middleware put in place of the answer", async () => {
    const zuora = testClient(server.url);
    const stamp: Middleware = {
      onResponse({ response }) {
        const headers = new Headers(response.headers);
        headers.set("x-seen", "yes");
        return new Response(response.body, { status: response.status, headers });
      },
    };
    zuora.use(stamp);
    const { data, response } = await zuora.GET("/v1/entities/{id}", byId);
    expect(data).toEqual(entity);
    expect(response.headers.get("x-seen")).toBe("yes");
  });

  it("reads data from the answer an onRequest middleware gives instead of sending", async () => {
    const zuora = testClient(server.url);
    const canned = { ...entity, id: "canned" };
    zuora.use({ onRequest: () => Response.json(canned) });
    expect((await zuora.GET("/v1/entities/{id}", byId)).data).toEqual(canned);
    expect(server.requests).toHaveLength(0);
  });

  it("reads data from a per-call middleware's replacement too", async () => {
    const canned = { ...entity, id: "canned" };
    const { data } = await testClient(server.url).GET("/v1/entities/{id}", {
      ...byId,
      middleware: [{ onResponse: () => Response.json(canned) }],
    });
    expect(data).toEqual(canned);
  });

  it("parses the answer of a per-call fetch, which the pipeline never sees", async () => {
    const { data } = await testClient(server.url).GET("/v1/entities/{id}", {
      ...byId,
      fetch: (request: Request) => globalThis.fetch(request),
    });
    expect(data).toEqual(entity);
  });
});
