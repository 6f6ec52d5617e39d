import { describe, expect, it } from "vitest";
import {
  createZuoraClient,
  ZuoraApiError,
  ZuoraAuthenticationError,
  ZuoraBusinessError,
  ZuoraConnectionError,
  ZuoraRateLimitError,
  ZuoraServerError,
  ZuoraTimeoutError,
} from "../../src/index.js";
import { entityBody, recordingSleep, testClient } from "../support/fixtures.js";
import { type Answer, defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";
import { closedPort, rejection } from "./support.js";

// Items 2 to 6: whatever a server answers, the caller is told the truth, in a ZuoraError with the status on it.

const server = useLoopbackServer();

const credentials = { clientId: "client-id-1", clientSecret: "client-secret-xyz" };
const oauthClient = () =>
  createZuoraClient({ baseUrl: server.url, auth: credentials, retry: { sleep: recordingSleep() } });

/** Answers the operation paths with `answer`, and everything else (the token request) as usual. */
function operationsAnswer(answer: Answer): void {
  server.handler = (request, n) => (request.path.startsWith("/v1/") ? answer : defaultHandler(request, n));
}

/** Answers the token request with `answer`, and everything else as usual. */
function tokenAnswers(answer: Answer): void {
  server.handler = (request, n) => (request.path === "/oauth/token" ? answer : defaultHandler(request, n));
}

describe("item 2: a 4xx whose body is text labelled application/json", () => {
  const blocked = {
    status: 403,
    text: "Request blocked by the firewall",
    headers: { "content-type": "application/json" },
  };

  it("is that 4xx, sent once, with the status and the text on the error", async () => {
    operationsAnswer(blocked);
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error).not.toBeInstanceOf(ZuoraConnectionError);
    expect(error.status).toBe(403);
    expect(error.message).toContain("Request blocked by the firewall");
    expect(server.to("/v1/entities")).toHaveLength(1);
  });

  it("refreshes the token when it is a 401", async () => {
    server.handler = (request, n) =>
      request.path === "/v1/entities" && n === 1
        ? { status: 401, text: "<html>Unauthorized</html>", headers: { "content-type": "application/json" } }
        : defaultHandler(request, n);
    expect((await oauthClient().createEntity(entityBody)).success).toBe(true);
    expect(server.to("/oauth/token")).toHaveLength(2);
    expect(server.to("/v1/entities")).toHaveLength(2);
  });

  it("lets zuora.POST resolve to { error, response }", async () => {
    operationsAnswer(blocked);
    const { error, response } = await testClient(server.url).POST("/v1/entities", { body: entityBody });
    expect(response.status).toBe(403);
    expect(error).toBe("Request blocked by the firewall");
  });
});

describe("item 3: a 200 that is not JSON", () => {
  const loginPage = { text: "<html><body>Sign in</body></html>", headers: { "content-type": "text/html" } };

  it("rejects a helper call with a ZuoraApiError carrying the status and the content type", async () => {
    operationsAnswer(loginPage);
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(200);
    expect(error.message).toContain("text/html");
    expect(server.to("/v1/entities")).toHaveLength(1);
  });

  it("rejects zuora.POST with a ZuoraApiError rather than a SyntaxError", async () => {
    operationsAnswer(loginPage);
    const error = await rejection(testClient(server.url).POST("/v1/entities", { body: entityBody }));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(200);
  });

  it("rejects a form-encoded token reply as an authentication failure, and sends nothing with it", async () => {
    tokenAnswers({
      text: "access_token=abcd1234&expires_in=3599",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const error = await rejection(oauthClient().createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.status).toBe(200);
    expect(server.to("/v1/entities")).toHaveLength(0);
  });

  it("takes a 205 that announces a body as the empty answer it is, never a raw SyntaxError", async () => {
    operationsAnswer({ status: 205, json: { success: true } });
    const { data, response } = await testClient(server.url).POST("/v1/entities", { body: entityBody });
    expect(response.status).toBe(205);
    expect(data).toBeUndefined();
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(205);
  });
});

// DNS and TLS failures take the resolver's and the handshake's time: the limit only catches a hang.
describe("item 4: a connection error names the origin, the path and the root cause", { timeout: 60_000 }, () => {
  it.each([
    ["a refused port", async () => `http://127.0.0.1:${await closedPort()}`, /ECONNREFUSED/],
    ["an unknown host", async () => "http://nohost.invalid", /ENOTFOUND|EAI_AGAIN/],
    ["TLS to a plain-HTTP port", async () => server.url.replace("http:", "https:"), /SSL|TLS/],
  ])("%s", async (_, baseUrlOf, cause) => {
    const baseUrl = await baseUrlOf();
    const error = await rejection(testClient(baseUrl, { maxRetries: 1 }).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraConnectionError);
    expect(error.message).toContain(`POST ${baseUrl}/v1/entities`);
    expect(error.message).toMatch(cause);
    expect(JSON.stringify(error)).toMatch(cause);
  });

  it("carries the status of an answer whose body stalled on every attempt", async () => {
    operationsAnswer({ status: 200, json: { id: "e1", success: true }, stalled: true });
    // The stall always outlasts the limit; the limit only has to be far above a loopback head's arrival, which a
    // loaded machine can delay by some hundred ms.
    const error = await rejection(testClient(server.url, { maxRetries: 1, timeoutMs: 1_500 }).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraTimeoutError);
    expect(error.status).toBe(200);
    expect(error.message).toContain("HTTP 200 head");
    expect(server.to("/v1/entities")).toHaveLength(2);
  });

  it("refuses a baseUrl ending in /v1, which would call /v1/v1/...", () => {
    expect(() => createZuoraClient({ baseUrl: `${server.url}/v1`, auth: "static-token-abc" })).toThrow(/baseUrl/);
  });
});

describe("item 5: the words of an error match what happened", () => {
  it.each([
    ["an empty 200", "", "empty"],
    ["a null 200", "null", "null"],
  ])("says %s is not a success, rather than 'refused (success: false)'", async (_, text, word) => {
    operationsAnswer({ text });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error).not.toBeInstanceOf(ZuoraBusinessError);
    expect(error.message).not.toContain("success: false");
    expect(error.message).toContain(word);
  });

  it("says a token reply without access_token lacks one", async () => {
    tokenAnswers({ json: { token_type: "bearer", expires_in: 3599 } });
    const error = await rejection(oauthClient().createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.message).toContain("access_token");
    expect(error.message).not.toContain("success: false");
  });

  it("calls a token endpoint answering 503 on every attempt a retryable server error", async () => {
    tokenAnswers({ status: 503, json: { message: "down for maintenance" } });
    const error = await rejection(oauthClient().createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraServerError);
    expect(error).toMatchObject({ status: 503, retryable: true, attempts: 3 });
  });

  it("reports a status outside 200-599 as that status, sent once, not as a connection error", async () => {
    operationsAnswer({ status: 999, json: {} });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error).not.toBeInstanceOf(ZuoraConnectionError);
    expect(error.status).toBe(999);
    expect(server.requests).toHaveLength(1);
  });

  it("caps ZuoraRateLimitError.retryAfterMs like the wait, measured with retry.now", async () => {
    const now = Date.parse("2026-11-22T10:00:00Z");
    operationsAnswer({ status: 429, headers: { "retry-after": "Sun, 22 Nov 2026 12:00:00 GMT" }, json: {} });
    const error = await rejection(
      testClient(server.url, {
        maxRetries: 0,
        retry: { sleep: recordingSleep(), now: () => now, maxRetryAfterMs: 10_000 },
      }).createEntity(entityBody),
    );
    expect(error).toBeInstanceOf(ZuoraRateLimitError);
    expect(error.retryAfterMs).toBe(10_000);
  });

  it("reads 'Retry-After: May 5' as no delay given, not as a date", async () => {
    operationsAnswer({ status: 429, headers: { "retry-after": "May 5" }, json: {} });
    const error = await rejection(testClient(server.url, { maxRetries: 0 }).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraRateLimitError);
    expect(error.retryAfterMs).toBeUndefined();
  });
});

describe("item 6: the helpers resolve only on a JSON object with success: true", () => {
  it.each([
    ["{}", {}],
    ["[]", []],
    ['"ok"', "ok"],
    ['{"success":"false"}', { success: "false" }],
    ['{"success":"true"}', { id: "e1", success: "true" }],
  ])("rejects a 200 of %s with a ZuoraApiError carrying the status", async (_, json) => {
    operationsAnswer({ json });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(200);
  });

  it("never follows a 302 answering a POST: the redirect is the answer", async () => {
    server.handler = (request, n) =>
      request.method === "POST"
        ? { status: 302, headers: { location: "/v1/entities/some-entity" }, text: "" }
        : defaultHandler(request, n);
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(302);
    expect(error.message).toContain("/v1/entities/some-entity");
    const { response } = await testClient(server.url).POST("/v1/entities", { body: entityBody });
    expect(response.status).toBe(302);
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
  });
});

describe("an error body whose JSON message is huge", () => {
  it("quotes at most a line of it in the error's message, as it quotes a text body", async () => {
    operationsAnswer({ status: 400, json: { message: `${"x".repeat(100_000)} end` } });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error.status).toBe(400);
    expect(error.message).toContain("xxxx…");
    expect(error.message.length).toBeLessThan(1_000);
  });
});

describe("an error body echoing the token where the quote is cut", () => {
  it("hides the token before cutting, so no piece of it shows", async () => {
    server.handler = (request) => ({
      status: 403,
      text: `${"y".repeat(190)}${String(request.headers.authorization).replace("Bearer ", "")} rest`,
    });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error.status).toBe(403);
    expect(error.message).toContain("yyyy");
    expect(error.message).not.toContain("static-tok");
  });
});

describe("a 200 whose JSON is in UTF-16, labelled so", () => {
  it("is that answer, sent once, not a body cut off in transit", async () => {
    let sent = 0;
    const fetch = async (): Promise<Response> => {
      sent++;
      const utf16 = Buffer.from(`\ufeff${JSON.stringify({ id: "e1", success: true })}`, "utf16le");
      return new Response(utf16, { status: 200, headers: { "content-type": "application/json; charset=utf-16" } });
    };
    const error = await rejection(testClient(server.url, { fetch }).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error).not.toBeInstanceOf(ZuoraConnectionError);
    expect(error.status).toBe(200);
    expect(error.message).toContain("charset=utf-16");
    expect(sent).toBe(1);
  });
});

describe("answers that are neither a redirect nor a reason", () => {
  it("calls a 304 answering a POST what it is, not a redirect", async () => {
    operationsAnswer({ status: 304 });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error.status).toBe(304);
    expect(error.message).not.toContain("redirected");
  });

  it("says a success: false without reasons gave none, rather than quoting the status text 'OK'", async () => {
    operationsAnswer({ json: { success: false } });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraBusinessError);
    expect(error.message).not.toMatch(/: OK$/);
    expect(error.message).toContain("no reasons given");
  });
});

describe("a redirect whose Location is huge", () => {
  it("quotes at most a line of the Location in the error's message", async () => {
    operationsAnswer({ status: 301, headers: { location: `https://elsewhere.test/${"p".repeat(8_000)}` } });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error.status).toBe(301);
    expect(error.message).toContain("https://elsewhere.test/ppp");
    expect(error.message.length).toBeLessThan(1_000);
  });
});
