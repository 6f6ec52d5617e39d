import { describe, expect, it } from "vitest";
import { createZuoraClient, ZuoraAuthenticationError, type ZuoraClientOptions, ZuoraError } from "../../src/index.js";
import { entityBody, recordingSleep } from "../support/fixtures.js";
import { defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";
import { rejection } from "./support.js";

// Item 11: a client made with options that cannot work is refused when it is made, naming the option.

const server = useLoopbackServer();

const credentials = { clientId: "id", clientSecret: "secret-value" };

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

  it.each([
    ["undefined", undefined],
    ["an empty string", ""],
    ["a Bearer-prefixed token", "Bearer abc"],
    ["a number", 42],
  ])("refuses a token function returning %s before the call is sent", async (_, token) => {
    const zuora = createZuoraClient({ baseUrl: server.url, auth: () => token as string });
    const error = await rejection(zuora.createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.message).toContain("auth");
    expect(server.requests).toHaveLength(0);
  });

  it("names the call a failing token function left unsent, for each call that waited on it", async () => {
    const zuora = createZuoraClient({
      baseUrl: server.url,
      auth: async () => {
        throw new Error("vault unreachable");
      },
    });
    const errors = await Promise.all([rejection(zuora.createEntity(entityBody)), rejection(zuora.listEntities())]);
    expect(errors.map((e) => e.message)).toEqual([
      `POST ${server.url}/v1/entities was not sent: option auth: the token function failed: vault unreachable`,
      `GET ${server.url}/v1/entities was not sent: option auth: the token function failed: vault unreachable`,
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a token reply with an empty access_token, and sends nothing with it", async () => {
    server.handler = (request, n) =>
      request.path === "/oauth/token" ? { json: { access_token: "", expires_in: 3599 } } : defaultHandler(request, n);
    const zuora = createZuoraClient({ baseUrl: server.url, auth: credentials, retry: { sleep: recordingSleep() } });
    expect(await rejection(zuora.createEntity(entityBody))).toBeInstanceOf(ZuoraAuthenticationError);
    expect(server.to("/v1/entities")).toHaveLength(0);
  });

  it("keeps a token whose reply has no expires_in, rather than asking for one per call", async () => {
    server.handler = (request, n) =>
      request.path === "/oauth/token" ? { json: { access_token: "token-no-expiry" } } : defaultHandler(request, n);
    const zuora = createZuoraClient({ baseUrl: server.url, auth: credentials });
    for (let i = 0; i < 3; i++) await zuora.createEntity(entityBody);
    expect(server.to("/oauth/token")).toHaveLength(1);
    expect(server.to("/v1/entities")).toHaveLength(3);
  });
});
