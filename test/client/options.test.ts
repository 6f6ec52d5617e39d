import { describe, expect, it } from "vitest";
import { createZuoraClient, type ZuoraClientOptions, ZuoraError } from "../../src/index.js";
import { errorTexts } from "../support/errorTexts.js";
import { recordingLogger, testClient, validationRejection } from "../support/fixtures.js";
import { startLoopbackServer, useLoopbackServer } from "../support/loopbackServer.js";

const ID = "8a80825556ff28a4015709096c5d6f5d";
const server = useLoopbackServer(() => ({ json: { id: ID, success: true } }));

/** The error createZuoraClient throws for `options`, or undefined when it makes a client. */
function refusal(options: Partial<ZuoraClientOptions>): unknown {
  try {
    createZuoraClient({ baseUrl: server.url, auth: "static-token-abc", ...options } as ZuoraClientOptions);
    return undefined;
  } catch (error) {
    return error;
  }
}

// A client made with options that cannot work is refused when it is made, naming the option.
describe("options that cannot work", () => {
  it.each<[string, string, Partial<ZuoraClientOptions>]>([
    ["an empty token", "auth", { auth: "" }],
    ["a token of spaces", "auth", { auth: "  " }],
    ["a token with its Bearer prefix", "auth", { auth: "Bearer abc-def-ghi" }],
    ["an empty clientId", "auth.clientId", { auth: { clientId: "", clientSecret: "x" } }],
    ["maxRetries NaN", "maxRetries", { maxRetries: Number.NaN }],
    ["maxRetries -1", "maxRetries", { maxRetries: -1 }],
    ["maxRetries 1.5", "maxRetries", { maxRetries: 1.5 }],
    ["timeoutMs 0", "timeoutMs", { timeoutMs: 0 }],
    ["timeoutMs -1", "timeoutMs", { timeoutMs: -1 }],
    ["timeoutMs NaN", "timeoutMs", { timeoutMs: Number.NaN }],
    ["timeoutMs beyond setTimeout's range", "timeoutMs", { timeoutMs: 2 ** 31 }],
    ["a baseUrl without a scheme", "baseUrl", { baseUrl: "rest.test.zuora.com" }],
    ["an ftp baseUrl", "baseUrl", { baseUrl: "ftp://rest.test.zuora.com" }],
    ["a baseUrl ending in /v1, which would call /v1/v1/...", "baseUrl", { baseUrl: "https://rest.test.zuora.com/v1" }],
    ["retry.baseDelayMs NaN", "retry.baseDelayMs", { retry: { baseDelayMs: Number.NaN } }],
    ["a negative compression.minBytes", "compression.minBytes", { compression: { minBytes: -5 } }],
  ])("refuses %s when the client is made, naming %s and no credential", (_, option, options) => {
    const error = refusal(options);
    expect(error).toBeInstanceOf(ZuoraError);
    expect((error as Error).message).toContain(`option ${option}`);
    expect((error as Error).message).not.toContain("abc-def-ghi");
  });

  it("accepts the smallest usable values and options given as undefined", () => {
    expect(refusal({ maxRetries: 0, timeoutMs: 1, trackId: undefined, retry: undefined })).toBeUndefined();
  });
});

// zuora.GET's per-call baseUrl follows the client's baseUrl rules: refused before sending, naming init.baseUrl.
describe("a per-call baseUrl", () => {
  it.each<[string, unknown, string]>([
    ["empty", "", "absolute URL"],
    ["not a URL", "rest.test.zuora.com", "absolute URL"],
    ["not http(s)", "ftp://rest.test.zuora.com", "http(s)"],
    ["with a query", "https://rest.test.zuora.com/?tenant=1", "query"],
    ["ending in /v1", "https://rest.test.zuora.com/v1", "/v1"],
    ["not a string", new URL("https://rest.test.zuora.com"), "string"],
  ])("%s is refused with a ZuoraValidationError and nothing is sent", async (_, baseUrl, says) => {
    const zuora = testClient(server.url);
    const error = await validationRejection(
      server,
      zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } }, baseUrl: baseUrl as string }),
    );
    expect(error.field).toBe("init.baseUrl");
    expect(error.message).toContain(says);
  });

  it("with credentials is refused without repeating them, in the error or the log", async () => {
    const logger = recordingLogger();
    const zuora = testClient(server.url, { logger, logLevel: "debug" });
    const baseUrl = server.url.replace("//", "//api-user:url-password-1@");
    const error = await validationRejection(
      server,
      zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } }, baseUrl }),
    );
    expect(error.message).toContain("credentials");
    for (const text of errorTexts(error)) expect(text).not.toContain("url-password-1");
    // Nothing was sent, so nothing was logged: no line could repeat them.
    expect(logger.lines).toEqual([]);
  });

  it("that is valid is where the call goes", async () => {
    const other = await startLoopbackServer(() => ({ json: { id: ID, success: true } }));
    try {
      const zuora = testClient(server.url);
      const { data } = await zuora.GET("/v1/entities/{id}", { params: { path: { id: ID } }, baseUrl: `${other.url}/` });
      expect(data).toEqual({ id: ID, success: true });
      expect([server.requests.length, other.requests.length]).toEqual([0, 1]);
    } finally {
      await other.close();
    }
  });
});
