import { describe, expect, it } from "vitest";
import { createZuoraClient } from "../../src/index.js";
import { entityBody, recordingSleep } from "../support/fixtures.js";
import { defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";
import { pause, rejection } from "./support.js";

// Item 1: aborting a call stops it at once, the token phase included, and rejects with the caller's own reason.

const server = useLoopbackServer();

const credentials = { clientId: "client-id-1", clientSecret: "client-secret-xyz" };

// Each test also waits for late requests that must not come: the limit only catches a hang.
describe("aborting while a token is awaited", { timeout: 30_000 }, () => {
  it("stops a call whose token endpoint never answers, and sends no further token request", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    server.handler = (request) => {
      if (request.path !== "/oauth/token") return defaultHandler(request, 1);
      controller.abort(reason);
      return "hang";
    };
    const zuora = createZuoraClient({
      baseUrl: server.url,
      auth: credentials,
      timeoutMs: 200,
      maxRetries: 2,
      retry: { sleep: recordingSleep() },
    });
    const error = await rejection(zuora.createEntity(entityBody, { signal: controller.signal }));
    expect(error).toBe(reason);
    // Longer than every attempt the old code would have made: none may follow the abort.
    await pause(700);
    expect(server.to("/oauth/token")).toHaveLength(1);
    expect(server.to("/v1/entities")).toHaveLength(0);
  });

  it("stops a call waiting on a slow token function", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const zuora = createZuoraClient({
      baseUrl: server.url,
      auth: () => {
        controller.abort(reason);
        return new Promise<string>(() => {});
      },
    });
    expect(await rejection(zuora.createEntity(entityBody, { signal: controller.signal }))).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it("stops a call waiting on the refresh after a 401", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    let requestsAtAbort = -1;
    server.handler = (request) => {
      // Told apart by what came before, not by counting: on a loaded machine a slow first token request may time out
      // and be sent again, which is not the refresh.
      const refused = server.to("/v1/entities").length > 0;
      if (request.path === "/oauth/token" && !refused) {
        return { json: { access_token: "token-1", token_type: "bearer", expires_in: 3599 } };
      }
      if (request.path === "/oauth/token") {
        controller.abort(reason);
        requestsAtAbort = server.requests.length;
        return "hang";
      }
      return { status: 401, json: { message: "Authentication error" } };
    };
    const zuora = createZuoraClient({
      baseUrl: server.url,
      auth: credentials,
      timeoutMs: 200,
      retry: { sleep: recordingSleep() },
    });
    expect(await rejection(zuora.createEntity(entityBody, { signal: controller.signal }))).toBe(reason);
    // Longer than the attempts the old code would have gone on to make: none may follow the abort.
    await pause(700);
    expect(requestsAtAbort, "the refresh was asked for").toBeGreaterThan(0);
    expect(server.requests).toHaveLength(requestsAtAbort);
  });

  it("stops a caller queued behind another caller's token request, and leaves the other one alone", async () => {
    let answer: (() => void) | undefined;
    server.handler = (request) =>
      request.path === "/oauth/token"
        ? new Promise((resolve) => {
            answer = () => resolve(defaultHandler(request, 1));
          })
        : defaultHandler(request, 1);
    const zuora = createZuoraClient({ baseUrl: server.url, auth: credentials, retry: { sleep: recordingSleep() } });
    const first = zuora.createEntity(entityBody);
    const controller = new AbortController();
    const reason = new Error("second caller gave up");
    const second = zuora.createEntity(entityBody, { signal: controller.signal });
    while (!answer) await pause(5);
    controller.abort(reason);
    expect(await rejection(second)).toBe(reason);
    answer();
    expect((await first).success).toBe(true);
    expect(server.to("/oauth/token")).toHaveLength(1);
    expect(server.to("/v1/entities")).toHaveLength(1);
  });

  it("requests no token for a call whose signal is already aborted", async () => {
    const reason = new Error("aborted before the call");
    const zuora = createZuoraClient({ baseUrl: server.url, auth: credentials });
    expect(await rejection(zuora.createEntity(entityBody, { signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });
});
