import { describe, expect, it } from "vitest";
import { ZuoraApiError, ZuoraConnectionError } from "../../src/index.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../src/options/defaults.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "../support/settle.js";

// A gzip bomb (a few KB on the wire, gigabytes decoded) or a runaway body must not take the caller's memory: the
// client reads an answer up to a fixed size and refuses the rest.

const server = useLoopbackServer();

/** A well-formed success padded to `bytes` bytes once decoded. */
const paddedSuccess = (bytes: number) => `{"success":true,"id":"e1","pad":"${"a".repeat(bytes)}"}`;

describe("an answer larger than the client reads", () => {
  it("refuses a gzip bomb decoding past the cap as that status, sent once, not a success", async () => {
    server.handler = () => ({ text: paddedSuccess(4 * DEFAULT_MAX_RESPONSE_BYTES), gzip: true });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error).not.toBeInstanceOf(ZuoraConnectionError);
    expect(error.status).toBe(200);
    expect(error.message).toContain(`over ${DEFAULT_MAX_RESPONSE_BYTES} bytes`);
    expect(server.to("/v1/entities")).toHaveLength(1);
  });

  it("refuses an oversized error body too, rather than quoting it", async () => {
    server.handler = () => ({ status: 400, text: "x".repeat(DEFAULT_MAX_RESPONSE_BYTES + 1) });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(400);
    expect(error.message).toContain(`over ${DEFAULT_MAX_RESPONSE_BYTES} bytes`);
    expect(server.to("/v1/entities")).toHaveLength(1);
  });

  it("still takes an answer of exactly the cap", async () => {
    const text = paddedSuccess(0);
    server.handler = () => ({
      text: text.replace('"pad":""', `"pad":"${"a".repeat(DEFAULT_MAX_RESPONSE_BYTES - text.length)}"`),
    });
    expect((await testClient(server.url).createEntity(entityBody)).success).toBe(true);
  });

  it("reads up to the client's maxResponseBytes, and its error names the option", async () => {
    server.handler = () => ({ text: paddedSuccess(2000) });
    const small = testClient(server.url, { maxResponseBytes: 1000 });
    const error = await rejection(small.createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.message).toContain("over 1000 bytes, more than the client reads (option maxResponseBytes)");
    expect(server.to("/v1/entities")).toHaveLength(1);
    const large = testClient(server.url, { maxResponseBytes: 3000 });
    expect((await large.createEntity(entityBody)).success).toBe(true);
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
