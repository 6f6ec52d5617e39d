import { describe, expect, it } from "vitest";
import { SecretRedactor } from "../../src/errors/redact.js";
import { createZuoraClient, type ZuoraAuth, ZuoraAuthenticationError, ZuoraError } from "../../src/index.js";
import { entityBody, recordingSleep } from "../support/fixtures.js";
import { defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";
import { errorTexts, rejection } from "./support.js";

// Items 9 and 10: no secret in any shape reaches an error, and remembering secrets costs a bounded amount.

const server = useLoopbackServer();

const clientSecret = "s3cr3t/Key+With=Base64";

describe("item 9: a secret in another shape", () => {
  it("hides the client secret of a token endpoint that echoes the form body", async () => {
    server.handler = (request) => ({ status: 400, json: { error: "invalid_client", error_description: request.text } });
    const error = await rejection(
      createZuoraClient({ baseUrl: server.url, auth: { clientId: "id", clientSecret } }).createEntity(entityBody),
    );
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    const formEncoded = new URLSearchParams({ s: clientSecret }).toString().slice("s=".length);
    for (const text of errorTexts(error)) {
      for (const shape of [clientSecret, encodeURIComponent(clientSecret), formEncoded]) {
        expect(text).not.toContain(shape);
      }
    }
  });

  const token = "tok-with\r\nInjected: header";
  it.each<[string, () => ZuoraAuth]>([
    ["the token endpoint", () => ({ clientId: "id", clientSecret })],
    ["a token function", () => () => token],
  ])("refuses a token with CR/LF from %s without repeating it, and sends nothing with it", async (_, auth) => {
    server.handler = (request, n) =>
      request.path === "/oauth/token"
        ? { json: { access_token: token, token_type: "bearer", expires_in: 3599 } }
        : defaultHandler(request, n);
    const error = await rejection(
      createZuoraClient({ baseUrl: server.url, auth: auth(), retry: { sleep: recordingSleep() } }).createEntity(
        entityBody,
      ),
    );
    expect(error).toBeInstanceOf(ZuoraError);
    for (const text of errorTexts(error)) {
      expect(text).not.toContain("tok-with");
      expect(text).not.toContain(JSON.stringify(token).slice(1, -1));
    }
    expect(server.to("/v1/entities")).toHaveLength(0);
  });

  it("refuses a token option with a NUL when the client is made, without repeating it", () => {
    let thrown: unknown;
    try {
      createZuoraClient({ baseUrl: server.url, auth: "tok-with\0nul" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZuoraError);
    for (const text of errorTexts(thrown)) expect(text).not.toContain("tok-with");
  });
});

/** A client with a token of its own, and middleware that replaces the request with one carrying `authorization`. */
function clientWhoseMiddlewareSetsAuthorization(authorization: string) {
  const zuora = createZuoraClient({
    baseUrl: server.url,
    auth: "client-token-5678",
    retry: { sleep: recordingSleep() },
  });
  zuora.use({
    onRequest({ request }) {
      const replaced = new Request(request);
      replaced.headers.set("Authorization", authorization);
      return replaced;
    },
  });
  return zuora;
}

describe("an Authorization header the caller set", () => {
  // The server echoes the header back in its error, as a debugging proxy or a careless gateway would.
  const echo = (request: { headers: Record<string, unknown> }) => ({
    status: 400,
    json: { message: `bad request with ${String(request.headers.authorization)}` },
  });

  it.each([
    ["a bearer token", "Bearer caller-token-1234", "caller-token-1234"],
    ["basic credentials", "Basic dXNlcjpwYXNzd29yZDEy", "dXNlcjpwYXNzd29yZDEy"],
  ])("hides %s set in zuora.GET's headers like the client's own token", async (_, authorization, credential) => {
    // A fetch that fails naming what it was given, as some proxies' and agents' errors do.
    const fetch = async (_url: string, init: RequestInit) => {
      throw new Error(`refused request with authorization ${new Headers(init.headers).get("authorization")}`);
    };
    const zuora = createZuoraClient({ baseUrl: server.url, auth: "client-token-5678", fetch, maxRetries: 0 });
    const error = await rejection(zuora.GET("/v1/entities", { headers: { Authorization: authorization } }));
    expect(error).toBeInstanceOf(ZuoraError);
    expect(error.message).toContain("refused request with authorization");
    for (const text of errorTexts(error)) expect(text).not.toContain(credential);
  });

  it("hides a credential that middleware set, in the error of a helper", async () => {
    server.handler = echo;
    const zuora = clientWhoseMiddlewareSetsAuthorization("Bearer middleware-token-999");
    const error = await rejection(zuora.createEntity(entityBody));
    expect(server.requests[0]?.headers.authorization).toBe("Bearer middleware-token-999");
    for (const text of errorTexts(error)) expect(text).not.toContain("middleware-token-999");
  });

  it("hides a caller's Basic credential in a helper's error, where no Bearer rule applies", async () => {
    server.handler = (request) => ({ status: 400, json: { message: `got ${String(request.headers.authorization)}` } });
    const zuora = clientWhoseMiddlewareSetsAuthorization("Basic dXNlcjpwYXNzd29yZDEy");
    const error = await rejection(zuora.getEntity("8a80825556ff28a4015709096c5d6f5d"));
    expect(error.message).toContain("got ");
    for (const text of errorTexts(error)) expect(text).not.toContain("dXNlcjpwYXNzd29yZDEy");
  });
});

describe("item 10: the redactor's memory", () => {
  it("remembers a bounded number of issued tokens however many are issued, the configured secrets always", () => {
    const redactor = new SecretRedactor();
    redactor.addConfigured(clientSecret);
    for (let i = 0; i < 60_000; i++) redactor.add(`issued-token-${i}`);
    expect(redactor.size).toBeLessThanOrEqual(16);
    expect(redactor.redact(`${clientSecret} issued-token-59999`)).toBe("[REDACTED] [REDACTED]");
  });

  it("still hides a rotated-out token in the answer to the request that carried it", async () => {
    let issued = 0;
    let release: (() => void) | undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.handler = async (request) => {
      const sent = String(request.headers.authorization).slice("Bearer ".length);
      if (sent === "issued-token-1") {
        await held;
        return { status: 403, json: { message: `token ${sent} may not do this` } };
      }
      return defaultHandler(request, 1);
    };
    const zuora = createZuoraClient({
      baseUrl: server.url,
      auth: () => {
        issued++;
        return `issued-token-${issued}`;
      },
    });
    const first = rejection(zuora.createEntity(entityBody));
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    // Fifty newer tokens push the first one out of what the redactor remembers of issued tokens.
    for (let i = 0; i < 50; i++) await zuora.createEntity(entityBody);
    release?.();
    const error = await first;
    for (const text of errorTexts(error)) expect(text).not.toContain("issued-token-1 ");
    expect(error.message).toContain("[REDACTED]");
  });
});
