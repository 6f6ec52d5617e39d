import type { Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../src/pipeline/readResponse.js";
import { testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "./support.js";

// A success body is parsed once, inside the attempt, and fetch's own response (its body read) is handed back. That
// is only sound when nothing stands between the pipeline and openapi-fetch's parse: openapi-fetch's middleware and a
// per-request fetch are the caller's, and must see (and may replace) a response whose body can still be read.

const entity = { id: "8a80", name: "child", displayName: "Child", status: "Unprovisioned", success: true };
const server = useLoopbackServer(() => ({ json: entity }));
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

// A body announced within the cap is read whole at once, which is only safe when fetch holds the body to the length
// announced, after decoding. A browser hides a cross-origin answer's Content-Encoding (Content-Length, the encoded
// length, stays visible), and a fetch of the caller's own making may hand over any number of bytes.

const CHUNK = 64 * 1024;

/** A 16 MiB success body, announced as 90 bytes, that counts the bytes the client pulled from it. */
function understatedAnswer(type: ResponseType | undefined) {
  const pulled = { bytes: 0 };
  const chunk = new TextEncoder().encode("a".repeat(CHUNK));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes === 0) controller.enqueue(new TextEncoder().encode('{"success":true,"pad":"'));
      if (pulled.bytes >= 4 * DEFAULT_MAX_RESPONSE_BYTES) return controller.close();
      pulled.bytes += CHUNK;
      controller.enqueue(chunk);
    },
  });
  const response = new Response(body, { headers: { "content-type": "application/json", "content-length": "90" } });
  // A browser's cross-origin answer (type "cors") cannot be made in Node: this one says it is one.
  if (type) Object.defineProperty(response, "type", { value: type });
  return { pulled, fetch: async () => response };
}

describe("an answer longer than its Content-Length says", () => {
  it("is read no further than the cap when it is a browser's cross-origin answer", async () => {
    const answer = understatedAnswer("cors");
    const error = await rejection(testClient(server.url, { fetch: answer.fetch }).getEntity("8a80"));
    expect(error.status).toBe(200);
    expect(error.message).toContain(`over ${DEFAULT_MAX_RESPONSE_BYTES} bytes`);
    expect(answer.pulled.bytes).toBeLessThanOrEqual(DEFAULT_MAX_RESPONSE_BYTES + 2 * CHUNK);
  });

  it("is read no further than the cap when a custom fetch hands it over", async () => {
    const answer = understatedAnswer(undefined);
    const error = await rejection(testClient(server.url, { fetch: answer.fetch }).getEntity("8a80"));
    expect(error.status).toBe(200);
    expect(error.message).toContain(`over ${DEFAULT_MAX_RESPONSE_BYTES} bytes`);
    expect(answer.pulled.bytes).toBeLessThanOrEqual(DEFAULT_MAX_RESPONSE_BYTES + 2 * CHUNK);
  });
});
