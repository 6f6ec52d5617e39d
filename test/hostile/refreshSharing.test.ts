import { describe, expect, it } from "vitest";
import { createZuoraClient } from "../../src/index.js";
import { recordingSleep } from "../support/fixtures.js";
import { defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";
import { pause } from "./support.js";

// Item 12: one refresh per refused token, however the 401s for it are spread out in time.

const server = useLoopbackServer();

const connect = { targetEntityId: "t" };

// A hundred calls over a loopback server: the limit only catches a hang.
describe("item 12: refresh sharing", { timeout: 30_000 }, () => {
  it("asks a token function once for 100 concurrent 401s of one token spread over 300 ms", async () => {
    let refreshes = 0;
    server.handler = async (request, n) => {
      if (request.headers.authorization !== "Bearer stale-token") return defaultHandler(request, n);
      await pause(n * 3); // 100 refusals spread over 300 ms, so some arrive after the refresh has finished
      return { status: 401, json: { message: "Authentication error" } };
    };
    const withFunction = createZuoraClient({
      baseUrl: server.url,
      auth: ({ forceRefresh }) => {
        if (forceRefresh) refreshes++;
        return refreshes > 0 ? "fresh-token" : "stale-token";
      },
    });
    await Promise.all(Array.from({ length: 100 }, () => withFunction.initiateConnection(connect)));
    expect(refreshes).toBe(1);
  });

  it("asks the token endpoint once for the 401s of one token, when it issues the same token again", async () => {
    server.handler = async (request, n) => {
      if (request.path === "/oauth/token") return { json: { access_token: "same-token", expires_in: 3599 } };
      // Sent before any refresh: the first token refused, the refusals spread over time as above.
      if (server.to("/oauth/token").length >= 2) return defaultHandler(request, n);
      await pause(n * 3);
      return { status: 401, json: { message: "Authentication error" } };
    };
    const withOAuth = createZuoraClient({
      baseUrl: server.url,
      auth: { clientId: "id", clientSecret: "secret-value" },
      retry: { sleep: recordingSleep() },
    });
    await Promise.allSettled(Array.from({ length: 50 }, () => withOAuth.initiateConnection(connect)));
    expect(server.to("/oauth/token")).toHaveLength(2);
  });
});
