import { describe, expect, it } from "vitest";
import { ZuoraApiError, ZuoraBusinessError, ZuoraConnectionError, ZuoraTimeoutError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { type Answer, closedPort, defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";
import { pause, rejection } from "../support/settle.js";

// Whatever a server (or a custom fetch) answers, a helper resolves only to a JSON object with `success: true`, and
// otherwise the caller is told what happened, in a ZuoraError with the status on it.

const ID = "8a80825556ff28a4015709096c5d6f5d";
const server = useLoopbackServer();

/** Answers the operation paths with `answer`, and everything else (the token request) as usual. */
function operationsAnswer(answer: Answer): void {
  server.handler = (request, n) => (request.path.startsWith("/v1/") ? answer : defaultHandler(request, n));
}

describe("a 4xx whose body is text labelled application/json", () => {
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

  it("lets zuora.POST resolve to { error, response }", async () => {
    operationsAnswer(blocked);
    const { error, response } = await testClient(server.url).POST("/v1/entities", { body: entityBody });
    expect(response.status).toBe(403);
    expect(error).toBe("Request blocked by the firewall");
  });
});

describe("a 200 that is not JSON", () => {
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

describe("a helper resolves only on a JSON object with success: true", () => {
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

  it("says a success: false without reasons gave none, rather than quoting the status text 'OK'", async () => {
    operationsAnswer({ json: { success: false } });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraBusinessError);
    expect(error.message).not.toMatch(/: OK$/);
    expect(error.message).toContain("no reasons given");
  });

  it("reports a status outside 200-599 as that status, sent once, not as a connection error", async () => {
    operationsAnswer({ status: 999, json: {} });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error).not.toBeInstanceOf(ZuoraConnectionError);
    expect(error.status).toBe(999);
    expect(server.requests).toHaveLength(1);
  });
});

describe("a redirect", () => {
  it("is never followed when it answers a POST: the redirect is the answer", async () => {
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

  it("is quoted to at most a line of its Location in the error's message", async () => {
    operationsAnswer({ status: 301, headers: { location: `https://elsewhere.test/${"p".repeat(8_000)}` } });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error.status).toBe(301);
    expect(error.message).toContain("https://elsewhere.test/ppp");
    expect(error.message.length).toBeLessThan(1_000);
  });

  it("is not what a 304 answering a POST is called", async () => {
    operationsAnswer({ status: 304 });
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error.status).toBe(304);
    expect(error.message).not.toContain("redirected");
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

// DNS and TLS failures take the resolver's and the handshake's time: the limit only catches a hang.
describe("a connection error names the origin, the path and the root cause", { timeout: 60_000 }, () => {
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
});

// A custom fetch that resolves to something other than a Response has a bug: sending again meets the same bug, so
// the call fails at once, saying so, rather than as a connection error after every retry.
describe("a custom fetch that resolves to no Response", () => {
  it.each<[string, unknown, string]>([
    ["undefined", undefined, "undefined"],
    ["a look-alike object", { status: 200, ok: true, json: async () => ({}) }, "an object"],
    ["a string", "200 OK", "a string"],
  ])("(%s) fails the call at once with a ZuoraApiError naming fetch", async (_, result, named) => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return result as Response;
    };
    const zuora = testClient("https://rest.test.zuora.com", { fetch });
    const error = await rejection(zuora.getEntity(ID));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error).not.toBeInstanceOf(ZuoraConnectionError);
    expect(error.message).toContain(`fetch resolved to ${named}, not a Response`);
    expect(calls).toBe(1);
    expect(zuora.sleep.delays).toEqual([]);
  });

  it("says a PUT may have taken effect: the fetch may have sent it", async () => {
    const zuora = testClient("https://rest.test.zuora.com", { fetch: async () => undefined as unknown as Response });
    const error = await rejection(zuora.updateEntity(ID, { displayName: "Acme" }));
    expect(error.mayHaveActed).toBe(true);
    expect(error.message).toContain("may have taken effect");
    expect(error.attempts).toBe(1);
  });
});

// Whatever the server leaves unfinished, the client closes: a connection held open by an answer the client has
// already judged is a socket (and a server slot) leaked for as long as the server cares to stall.
describe("a 205, whose status allows no body, announcing one and stalling it", () => {
  // (Node's own server drops the body of a 204 or 304 itself, so only 205 can play this on loopback.)
  it("closes the connection once the call has settled", async () => {
    server.handler = () => ({ status: 205, text: '{"success":true,"padding":"xxxxxxxx"}', stalled: true });
    const error = await rejection(testClient(server.url, { maxRetries: 0 }).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.status).toBe(205);
    // A hang catcher, not a timer: the connection is closed within moments; the test asserts after.
    for (let waited = 0; waited < 30_000 && server.unfinished() > 0; waited += 10) await pause(10);
    expect(server.unfinished()).toBe(0);
  });
});
