import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZuoraClient, ZuoraApiError, ZuoraAuthenticationError } from "../../src/index.js";
import { entityBody, recordingSleep, testClient } from "../support/fixtures.js";
import { defaultHandler, type LoopbackServer, startLoopbackServer } from "../support/loopbackServer.js";
import { errorTexts, rejection } from "./support.js";

// A hostile server (or a debugging proxy) that echoes what it received into the response headers the client copies
// onto its errors: the fields must be as free of secrets as the message.

let server: LoopbackServer;
beforeEach(async () => {
  server = await startLoopbackServer();
});
afterEach(() => server.close());

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
