import { type AddressInfo, createServer } from "node:net";
import { describe, expect, it } from "vitest";
import {
  createZuoraClient,
  ZuoraApiError,
  type ZuoraAuth,
  ZuoraAuthenticationError,
  ZuoraConnectionError,
} from "../../src/index.js";
import { entityBody, recordingSleep, testClient } from "../support/fixtures.js";
import { defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";
import { errorTexts, rejection } from "./support.js";

// A hostile server (or a debugging proxy) that echoes what it received into the response headers the client copies
// onto its errors: the fields must be as free of secrets as the message.

const server = useLoopbackServer();

const clientSecret = "client-secret-echoed-42";

describe("a server echoing credentials into Zuora-Request-Id and Zuora-Track-Id", () => {
  it("keeps the bearer token out of the error's requestId and trackId", async () => {
    server.handler = (request) => {
      const echoed = String(request.headers.authorization);
      return { status: 400, json: {}, headers: { "zuora-request-id": echoed, "zuora-track-id": echoed } };
    };
    const error = await rejection(testClient(server.url).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error.requestId).toContain("[REDACTED]");
    for (const text of errorTexts(error)) expect(text).not.toContain("static-token-abc");
  });

  it("keeps the client secret out of a refused token request's requestId", async () => {
    server.handler = (request, n) =>
      request.path === "/oauth/token"
        ? { json: { token_type: "bearer" }, headers: { "zuora-request-id": request.text } }
        : defaultHandler(request, n);
    const client = createZuoraClient({
      baseUrl: server.url,
      auth: { clientId: "id", clientSecret },
      retry: { sleep: recordingSleep() },
    });
    const error = await rejection(client.createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.requestId).toContain("[REDACTED]");
    for (const text of errorTexts(error)) expect(text).not.toContain(clientSecret);
  });
});

describe("a server echoing the bearer token into an answer the HTTP parser rejects", () => {
  it("keeps the token out of util.inspect of the error's cause chain", async () => {
    // Raw TCP: a well-formed HTTP server could not send this status line.
    const raw = createServer((socket) => {
      let received = "";
      socket.on("error", () => {});
      socket.on("data", (chunk) => {
        received += chunk;
        const echoed = /authorization: (.*)\r\n/i.exec(received)?.[1];
        if (received.includes("\r\n\r\n") && echoed) socket.end(`HTTP/1.1 2x0 ${echoed}\r\n\r\n`);
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = raw.address() as AddressInfo;
      const error = await rejection(testClient(`http://127.0.0.1:${port}`, { maxRetries: 0 }).createEntity(entityBody));
      expect(error).toBeInstanceOf(ZuoraConnectionError);
      for (const text of errorTexts(error)) expect(text).not.toContain("static-token-abc");
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });
});

describe("a custom fetch whose error quotes the Authorization header", () => {
  it("keeps the token out of util.inspect of the error's cause", async () => {
    const fetch = async (_url: string, init?: RequestInit): Promise<Response> => {
      throw new Error(`proxy refused ${new Headers(init?.headers).get("authorization")}`);
    };
    const error = await rejection(testClient(server.url, { fetch, maxRetries: 0 }).createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraApiError);
    for (const text of errorTexts(error)) expect(text).not.toContain("static-token-abc");
  });
});

describe("a token issued with blanks around it, echoed as it arrived", () => {
  // fetch trims a header value, so the server sees (and echoes) the token without the blanks it was issued with.
  it.each<[string, () => ZuoraAuth]>([
    ["the token endpoint", () => ({ clientId: "id", clientSecret })],
    ["a token function", () => () => " token-with-blanks-7 "],
  ])("hides a token from %s in the error's message", async (_, auth) => {
    server.handler = (request) =>
      request.path === "/oauth/token"
        ? { json: { access_token: " token-with-blanks-7 ", token_type: "bearer", expires_in: 3599 } }
        : { status: 403, text: `denied for ${String(request.headers.authorization).replace(/^Bearer\s+/, "")}` };
    const client = createZuoraClient({ baseUrl: server.url, auth: auth(), retry: { sleep: recordingSleep() } });
    const error = await rejection(client.createEntity(entityBody));
    expect(error.status).toBe(403);
    expect(error.message).toContain("denied for [REDACTED]");
    for (const text of errorTexts(error)) expect(text).not.toContain("token-with-blanks-7");
  });
});
