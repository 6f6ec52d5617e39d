import { describe, expect, it } from "vitest";
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
