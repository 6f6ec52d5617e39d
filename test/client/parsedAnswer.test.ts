import type { Middleware } from "openapi-fetch";
import { beforeEach, describe, expect, it } from "vitest";
import { createZuoraClient } from "../../src/index.js";
import { testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

// The pipeline parses a success body once, inside the attempt; openapi-fetch's data is that value, and the response
// handed back is the one fetch resolved to, its body read, as openapi-fetch itself would leave it.

const server = useLoopbackServer();

const entity = { id: "8a80", name: "child", displayName: "Child", status: "Unprovisioned", success: true };

describe("a success body, parsed once by the pipeline", () => {
  it("is openapi-fetch's data, and the response's body is read as openapi-fetch leaves it", async () => {
    server.handler = () => ({ json: entity });
    const { data, response } = await testClient(server.url).GET("/v1/entities/{id}", {
      params: { path: { id: "8a80" } },
    });
    expect(data).toEqual(entity);
    expect(response.bodyUsed).toBe(true);
  });

  it("is handed back in the very response fetch resolved to, not a copy rebuilt around the bytes", async () => {
    let fetched: Response | undefined;
    const zuora = createZuoraClient({
      baseUrl: server.url,
      auth: "static-token-abc",
      fetch: async (input, init) => {
        fetched = await fetch(input, init);
        return fetched;
      },
    });
    server.handler = () => ({ json: entity });
    const { data, response } = await zuora.getEntity("8a80").withResponse();
    expect(data).toEqual(entity);
    expect(response).toBe(fetched);
  });

  it("is read as the caller's own parseAs says: text", async () => {
    server.handler = () => ({ json: entity });
    const { data } = await testClient(server.url).GET("/v1/entities/{id}", {
      params: { path: { id: "8a80" } },
      parseAs: "text",
    });
    expect(data).toBe(JSON.stringify(entity));
  });

  it("is read as the caller's own parseAs says: a stream of the same bytes", async () => {
    server.handler = () => ({ json: entity });
    const { data } = await testClient(server.url).GET("/v1/entities/{id}", {
      params: { path: { id: "8a80" } },
      parseAs: "stream",
    });
    expect(await new Response(data as ReadableStream).json()).toEqual(entity);
  });

  it("gives no data for an empty success, as openapi-fetch does", async () => {
    server.handler = () => ({ status: 200, text: "" });
    const { data, response } = await testClient(server.url).GET("/v1/entities/{id}", {
      params: { path: { id: "8a80" } },
    });
    expect(response.status).toBe(200);
    expect(data).toBeUndefined();
  });
});

// That is only sound when nothing stands between the pipeline and openapi-fetch's parse: openapi-fetch's middleware
// and a per-request fetch are the caller's, and must see (and may replace) a response whose body can still be read.
const byId = { params: { path: { id: "8a80" } } };

describe("a success body, with the caller's middleware or fetch in the way", () => {
  beforeEach(() => {
    server.handler = () => ({ json: entity });
  });

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
