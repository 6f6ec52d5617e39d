import { describe, expect, it } from "vitest";
import { createLog } from "../../src/options/log.js";
import type { PipelineRequest } from "../../src/pipeline/types.js";
import {
  compressionPolicy,
  runtimeAllowsAcceptEncoding,
  runtimeHasCompressionStream,
} from "../../src/policies/compressionPolicy.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

const server = useLoopbackServer();

// A body well over the default 1024-byte threshold: a long display name is still a valid entity.
const bigBody = { ...entityBody, displayName: "D".repeat(255), locale: "x".repeat(2000) };

/** A POST as the compression policy receives it, with this body. */
function postRequest(body: PipelineRequest["body"]): PipelineRequest {
  return {
    operationId: "createEntity",
    url: "http://localhost/v1/entities",
    method: "POST",
    headers: new Headers(),
    body,
    signal: undefined,
    timeoutMs: 1000,
    maxRetries: 0,
    authenticated: true,
    transport: undefined,
    replayable: false,
    changesState: true,
    takesParsed: false,
    info: { attempts: 0, idempotencyKey: undefined, trackId: undefined, uncertainAttempts: 0, queuedMs: 0 },
    secrets: new Set(),
  };
}

describe("compression", () => {
  it("gzips a body at or above the threshold, and the server decodes the original JSON", async () => {
    await testClient(server.url).createEntity(bigBody);
    const [request] = server.to("/v1/entities");
    expect(request?.headers["content-encoding"]).toBe("gzip");
    expect(request?.raw[0]).toBe(0x1f); // gzip magic bytes on the wire
    expect(request?.raw[1]).toBe(0x8b);
    expect(request?.raw.length).toBeLessThan(JSON.stringify(bigBody).length / 5);
    expect(JSON.parse(request?.text ?? "")).toEqual(bigBody);
  });

  it("sends a body under the threshold plain", async () => {
    await testClient(server.url).createEntity(entityBody);
    const [request] = server.to("/v1/entities");
    expect(request?.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(request?.raw.toString("utf8") ?? "")).toEqual(entityBody);
  });

  it("uses the configured threshold", async () => {
    const size = JSON.stringify(entityBody).length;
    const zuora = testClient(server.url, { compression: { minBytes: size } });
    await zuora.createEntity(entityBody);
    expect(server.to("/v1/entities")[0]?.headers["content-encoding"]).toBe("gzip");
  });

  it("sends everything plain when compression is off", async () => {
    await testClient(server.url, { compression: false }).createEntity(bigBody);
    const [request] = server.to("/v1/entities");
    expect(request?.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(request?.raw.toString("utf8") ?? "")).toEqual(bigBody);
  });

  it("asks for gzipped responses and decodes them", async () => {
    server.handler = () => ({
      json: { id: "e1", name: "N".repeat(2000), status: "Provisioned", success: true },
      gzip: true,
    });
    const entity = await testClient(server.url).createEntity(entityBody);
    expect(server.requests[0]?.headers["accept-encoding"]).toBe("gzip");
    expect(entity.name).toHaveLength(2000);
  });

  it("leaves a body the caller encoded alone", async () => {
    const zuora = testClient(server.url);
    await zuora.POST("/v1/entities", { body: bigBody, params: { header: { "Content-Encoding": "identity" } } });
    const [request] = server.to("/v1/entities");
    expect(request?.headers["content-encoding"]).toBe("identity");
    expect(JSON.parse(request?.raw.toString("utf8") ?? "")).toEqual(bigBody);
  });

  it("finds that Node lets a script set Accept-Encoding (browsers do not: see package-tests/browser.test.ts)", () => {
    expect(runtimeAllowsAcceptEncoding()).toBe(true);
  });

  it("does not try to set Accept-Encoding where the runtime forbids it", async () => {
    const request = postRequest(null);
    const seen: string[] = [];
    const policy = compressionPolicy({ minBytes: 1024, acceptGzip: true, canSetAcceptEncoding: false });
    await policy.send(request, async (sent) => {
      seen.push(...sent.headers.keys());
      return new Response(null, { status: 204 });
    });
    expect(seen).not.toContain("accept-encoding");
  });

  it("finds that Node has CompressionStream", () => {
    expect(runtimeHasCompressionStream).toBe(true);
  });

  it("sends a large body as it is where the runtime has no CompressionStream, and says so at debug", async () => {
    const body = new TextEncoder().encode(JSON.stringify({ name: "x".repeat(4096) }));
    const request = postRequest(body);
    const sent: { encoding: string | null; bytes: number }[] = [];
    const lines: string[] = [];
    const log = createLog({
      logger: { debug: (line) => lines.push(line), info() {}, warn() {}, error() {} },
      level: "debug",
      redact: (text) => text,
    });
    const policy = compressionPolicy({ minBytes: 1024, acceptGzip: true, canGzip: false, log });
    await policy.send(request, async (out) => {
      sent.push({ encoding: out.headers.get("content-encoding"), bytes: out.body?.byteLength ?? 0 });
      return new Response(null, { status: 204 });
    });
    expect(sent).toEqual([{ encoding: null, bytes: body.byteLength }]);
    expect(lines).toEqual([
      `zuora-multi-entity: POST http://localhost/v1/entities: no CompressionStream here, so its ${body.byteLength}-byte body goes uncompressed`,
    ]);
  });
});
