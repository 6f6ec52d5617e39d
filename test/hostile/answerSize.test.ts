import { describe, expect, it } from "vitest";
import { ZuoraApiError, ZuoraConnectionError } from "../../src/index.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../src/pipeline/readResponse.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "./support.js";

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
