import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZuoraClient, ZuoraAuthenticationError, type ZuoraClientOptions, ZuoraError } from "../../src/index.js";
import { entityBody, recordingSleep } from "../support/fixtures.js";
import { defaultHandler, type LoopbackServer, startLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "./support.js";

// Item 11: a client made with options that cannot work is refused when it is made, naming the option.

let server: LoopbackServer;
beforeEach(async () => {
  server = await startLoopbackServer();
});
afterEach(() => server.close());

/** The error createZuoraClient throws for `options`, or undefined when it makes a client. */
function refusal(options: Partial<ZuoraClientOptions>): unknown {
  try {
    createZuoraClient({ baseUrl: server.url, auth: "static-token-abc", ...options } as ZuoraClientOptions);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("item 11: configuration", () => {
  it("refuses unusable options when the client is made, and unusable tokens before the call is sent", async () => {
    const bad: [string, Partial<ZuoraClientOptions>][] = [
      ["auth", { auth: "" }],
      ["auth", { auth: "  " }],
      ["auth", { auth: "Bearer abc-def-ghi" }],
      ["auth", { auth: { clientId: "", clientSecret: "x" } }],
      ["maxRetries", { maxRetries: Number.NaN }],
      ["maxRetries", { maxRetries: -1 }],
      ["maxRetries", { maxRetries: 1.5 }],
      ["timeoutMs", { timeoutMs: 0 }],
      ["timeoutMs", { timeoutMs: -1 }],
      ["timeoutMs", { timeoutMs: Number.NaN }],
      ["timeoutMs", { timeoutMs: 2 ** 31 }],
      ["baseUrl", { baseUrl: "rest.test.zuora.com" }],
      ["baseUrl", { baseUrl: "ftp://rest.test.zuora.com" }],
      ["retry.baseDelayMs", { retry: { baseDelayMs: Number.NaN } }],
      ["compression.minBytes", { compression: { minBytes: -5 } }],
    ];
    for (const [option, options] of bad) {
      const error = refusal(options);
      expect(error, option).toBeInstanceOf(ZuoraError);
      expect((error as Error).message, option).toContain(option);
      expect((error as Error).message).not.toContain("abc-def-ghi");
    }
    expect(refusal({ maxRetries: 0, timeoutMs: 1, trackId: undefined })).toBeUndefined();

    // A token function's result and a token reply are only known at call time: refused before the call is sent.
    for (const token of [undefined, "", "Bearer abc", 42]) {
      const zuora = createZuoraClient({ baseUrl: server.url, auth: () => token as string });
      const error = await rejection(zuora.createEntity(entityBody));
      expect(error).toBeInstanceOf(ZuoraAuthenticationError);
      expect(error.message).toContain("auth");
    }
    server.handler = (request, n) =>
      request.path === "/oauth/token" ? { json: { access_token: "", expires_in: 3599 } } : defaultHandler(request, n);
    const credentials = { clientId: "id", clientSecret: "secret-value" };
    const empty = await rejection(
      createZuoraClient({ baseUrl: server.url, auth: credentials, retry: { sleep: recordingSleep() } }).createEntity(
        entityBody,
      ),
    );
    expect(empty).toBeInstanceOf(ZuoraAuthenticationError);
    expect(server.to("/v1/entities")).toHaveLength(0);

    // A reply without expires_in is still cached: not one token request per call.
    server.handler = (request, n) =>
      request.path === "/oauth/token" ? { json: { access_token: "token-no-expiry" } } : defaultHandler(request, n);
    const zuora = createZuoraClient({ baseUrl: server.url, auth: credentials });
    for (let i = 0; i < 3; i++) await zuora.createEntity(entityBody);
    expect(server.to("/oauth/token")).toHaveLength(2);
  });
});
