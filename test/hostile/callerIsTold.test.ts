import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createZuoraClient,
  ZuoraApiError,
  ZuoraAuthenticationError,
  ZuoraConnectionError,
  ZuoraError,
  ZuoraRateLimitError,
  ZuoraServerError,
} from "../../src/index.js";
import { entityBody, recordingSleep, testClient } from "../support/fixtures.js";
import { defaultHandler, type LoopbackServer, startLoopbackServer } from "../support/loopbackServer.js";
import { closedPort, rejection } from "./support.js";

// Items 2 to 6: whatever a server answers, the caller is told the truth, in a ZuoraError with the status on it.

let server: LoopbackServer;
beforeEach(async () => {
  server = await startLoopbackServer();
});
afterEach(() => server.close());

const credentials = { clientId: "client-id-1", clientSecret: "client-secret-xyz" };
const oauthClient = () =>
  createZuoraClient({ baseUrl: server.url, auth: credentials, retry: { sleep: recordingSleep() } });

describe("item 2: a 4xx whose body is text labelled application/json", () => {
  it("is judged by its status: not resent, the status on the error, a 401 refreshes, zuora.POST resolves", async () => {
    const blocked = {
      status: 403,
      text: "Request blocked by the firewall",
      headers: { "content-type": "application/json" },
    };
    server.handler = (request, n) => (request.path === "/v1/entities" ? blocked : defaultHandler(request, n));
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(403);
    expect(error.message).toContain("Request blocked by the firewall");
    expect(server.to("/v1/entities")).toHaveLength(1);

    const { error: body, response } = await testClient(server.url).POST("/v1/entities", { body: entityBody });
    expect(response.status).toBe(403);
    expect(body).toBe("Request blocked by the firewall");

    server.requests.length = 0;
    server.handler = (request, n) =>
      request.path === "/v1/entities" && n === 1
        ? { status: 401, text: "<html>Unauthorized</html>", headers: { "content-type": "application/json" } }
        : defaultHandler(request, n);
    expect((await oauthClient().createEntity(entityBody)).success).toBe(true);
    expect(server.to("/oauth/token")).toHaveLength(2);
  });
});

describe("item 3: a 200 that is not JSON", () => {
  it("rejects with a ZuoraError carrying the status, for the helpers, zuora.POST and the token request", async () => {
    const loginPage = { text: "<html><body>Sign in</body></html>", headers: { "content-type": "text/html" } };
    server.handler = () => loginPage;
    for (const call of [
      () => testClient(server.url).createEntity(entityBody),
      () => testClient(server.url).POST("/v1/entities", { body: entityBody }),
    ]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(ZuoraApiError);
      expect(error.status).toBe(200);
      expect(error.message).toContain("text/html");
    }
    expect(server.to("/v1/entities")).toHaveLength(2);

    server.handler = () => ({
      text: "access_token=abcd1234&expires_in=3599",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const error = await rejection(oauthClient().createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.status).toBe(200);
    expect(server.to("/v1/entities")).toHaveLength(2);
  });
});

describe("item 4: a connection error", () => {
  it("names the origin, the path and the root cause, and carries the cause in its JSON", async () => {
    const port = await closedPort();
    const cases = [
      { baseUrl: `http://127.0.0.1:${port}`, cause: /ECONNREFUSED/ },
      { baseUrl: "http://nohost.invalid", cause: /ENOTFOUND|EAI_AGAIN/ },
      { baseUrl: server.url.replace("http:", "https:"), cause: /SSL|TLS/ },
    ];
    for (const { baseUrl, cause } of cases) {
      const error = await rejection(testClient(baseUrl, { maxRetries: 1 }).createEntity(entityBody));
      expect(error).toBeInstanceOf(ZuoraConnectionError);
      expect(error.message).toContain(`POST ${baseUrl}/v1/entities`);
      expect(error.message).toMatch(cause);
      expect(JSON.stringify(error)).toMatch(cause);
    }
    expect(() => createZuoraClient({ baseUrl: `${server.url}/v1`, auth: "static-token-abc" })).toThrow(/baseUrl/);
  });
});

describe("item 5: the words of an error match what happened", () => {
  it("tells an empty body, a missing token, an unavailable token endpoint, a bogus status and Retry-After apart", async () => {
    for (const text of ["", "null"]) {
      server.handler = () => ({ text });
      const error = await rejection(testClient(server.url).createEntity(entityBody));
      expect(error).toBeInstanceOf(ZuoraApiError);
      expect(error.message).not.toContain("success: false");
      expect(error.message).toContain(text === "" ? "empty" : "null");
    }

    server.handler = () => ({ json: { token_type: "bearer", expires_in: 3599 } });
    const noToken = await rejection(oauthClient().createEntity(entityBody));
    expect(noToken).toBeInstanceOf(ZuoraAuthenticationError);
    expect(noToken.message).toContain("access_token");
    expect(noToken.message).not.toContain("success: false");

    server.handler = () => ({ status: 503, json: { message: "down for maintenance" } });
    const down = await rejection(oauthClient().createEntity(entityBody));
    expect(down).toBeInstanceOf(ZuoraServerError);
    expect(down).toMatchObject({ status: 503, retryable: true, attempts: 3 });

    server.requests.length = 0;
    server.handler = () => ({ status: 999, json: {} });
    const bogus = await rejection(testClient(server.url).createEntity(entityBody));
    expect(bogus).toBeInstanceOf(ZuoraApiError);
    expect(bogus).not.toBeInstanceOf(ZuoraConnectionError);
    expect(bogus.status).toBe(999);
    expect(server.requests).toHaveLength(1);

    const now = Date.parse("2026-11-22T10:00:00Z");
    server.handler = () => ({ status: 429, headers: { "retry-after": "Sun, 22 Nov 2026 12:00:00 GMT" }, json: {} });
    const limited = await rejection(
      testClient(server.url, {
        maxRetries: 0,
        retry: { sleep: recordingSleep(), now: () => now, maxRetryAfterMs: 10_000 },
      }).createEntity(entityBody),
    );
    expect(limited).toBeInstanceOf(ZuoraRateLimitError);
    expect(limited.retryAfterMs).toBe(10_000);

    server.handler = () => ({ status: 429, headers: { "retry-after": "May 5" }, json: {} });
    const vague = await rejection(testClient(server.url, { maxRetries: 0 }).createEntity(entityBody));
    expect(vague.retryAfterMs).toBeUndefined();
  });
});

describe("item 6: the helpers resolve only on a well-formed success body", () => {
  it("rejects {}, [], a string and a string success, and never follows a redirect of a POST", async () => {
    for (const json of [{}, [], "ok", { success: "false" }, { id: "e1", success: "true" }]) {
      server.handler = () => ({ json });
      const error = await rejection(testClient(server.url).createEntity(entityBody));
      expect(error).toBeInstanceOf(ZuoraApiError);
      expect(error.status).toBe(200);
    }

    server.requests.length = 0;
    server.handler = (request, n) =>
      request.method === "POST"
        ? { status: 302, headers: { location: "/v1/entities/some-entity" }, text: "" }
        : defaultHandler(request, n);
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraError);
    expect(error.status).toBe(302);
    expect(error.message).toContain("/v1/entities/some-entity");
    const { response } = await testClient(server.url).POST("/v1/entities", { body: entityBody });
    expect(response.status).toBe(302);
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
  });
});
