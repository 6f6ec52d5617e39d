import { describe, expect, it } from "vitest";
import { createZuoraClient, ZuoraAuthenticationError, ZuoraServerError } from "../../src/index.js";
import { entityBody, recordingSleep } from "../support/fixtures.js";
import { type Answer, defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";
import { pause, rejection } from "../support/settle.js";

const server = useLoopbackServer();

const credentials = { clientId: "client-id-1", clientSecret: "client-secret-xyz" };
const oauthClient = (now?: () => number) =>
  createZuoraClient({
    baseUrl: server.url,
    auth: credentials,
    retry: { sleep: recordingSleep(), ...(now ? { now } : {}) },
  });
const bearer = (path: string) => server.to(path).map((r) => r.headers.authorization);

/** Answers the token endpoint with numbered tokens: token-1, token-2, ... */
function numberedTokens(expiresIn = 3599) {
  const base = server.handler;
  server.handler = (request, n) =>
    request.path === "/oauth/token"
      ? { json: { access_token: `token-${n}`, token_type: "bearer", expires_in: expiresIn, jti: `j${n}` } }
      : base(request, n);
}

describe("Authorization with a static token or a token function", () => {
  it("sends a static token as a bearer token", async () => {
    await createZuoraClient({ baseUrl: server.url, auth: "static-token-abc" }).createEntity(entityBody);
    expect(bearer("/v1/entities")).toEqual(["Bearer static-token-abc"]);
  });

  it("never replaces an Authorization header the caller set", async () => {
    const zuora = createZuoraClient({ baseUrl: server.url, auth: credentials });
    await zuora.POST("/v1/entities", { body: entityBody, headers: { Authorization: "Bearer callers-own" } });
    expect(bearer("/v1/entities")).toEqual(["Bearer callers-own"]);
    expect(server.to("/oauth/token")).toHaveLength(0);
  });

  it("does not retry a 401 with a static token, which cannot be refreshed", async () => {
    server.handler = () => ({ status: 401, json: { message: "Authentication error" } });
    const zuora = createZuoraClient({ baseUrl: server.url, auth: "static-token-abc" });
    await expect(zuora.createEntity(entityBody)).rejects.toBeInstanceOf(ZuoraAuthenticationError);
    expect(server.requests).toHaveLength(1);
  });

  it("asks a token function again with forceRefresh after a 401", async () => {
    server.handler = (request, n) =>
      n === 1 ? { status: 401, json: { message: "Authentication error" } } : defaultHandler(request, n);
    const asked: boolean[] = [];
    const zuora = createZuoraClient({
      baseUrl: server.url,
      auth: ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return forceRefresh ? "fresh-token" : "stale-token";
      },
    });
    await zuora.createEntity(entityBody);
    expect(asked).toEqual([false, true]);
    expect(bearer("/v1/entities")).toEqual(["Bearer stale-token", "Bearer fresh-token"]);
  });
});

describe("Authorization with OAuth client credentials", () => {
  it("exchanges the credentials at POST /oauth/token as a form", async () => {
    await oauthClient().createEntity(entityBody);
    const [tokenRequest] = server.to("/oauth/token");
    expect(tokenRequest?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(tokenRequest?.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(tokenRequest?.text))).toEqual({
      client_id: "client-id-1",
      client_secret: "client-secret-xyz",
      grant_type: "client_credentials",
    });
    expect(bearer("/v1/entities")).toEqual(["Bearer token-1"]);
  });

  it("makes exactly one token request for 50 concurrent calls with no cached token", async () => {
    const zuora = oauthClient();
    await Promise.all(Array.from({ length: 50 }, () => zuora.initiateConnection({ targetEntityId: "t" })));
    expect(server.to("/oauth/token")).toHaveLength(1);
    expect(server.to("/v1/entity-connections")).toHaveLength(50);
  });

  it("reuses the cached token until shortly before it expires", async () => {
    numberedTokens(3600);
    let clock = 1_000_000;
    const zuora = oauthClient(() => clock);
    await zuora.createEntity(entityBody);
    clock += 3_000_000; // 50 minutes: 10 left, more than the 5-minute margin
    await zuora.createEntity(entityBody);
    clock += 400_000; // 56 minutes 40 s: inside the margin
    await zuora.createEntity(entityBody);
    expect(server.to("/oauth/token")).toHaveLength(2);
    expect(bearer("/v1/entities")).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-2"]);
  });

  it.each([
    ["JSON", { json: { message: "Authentication error" } }],
    ["text labelled application/json", { text: "<html>Unauthorized</html>" }],
  ])("refreshes once and retries once after a 401 whose body is %s", async (_, body) => {
    numberedTokens();
    const base = server.handler;
    server.handler = (request, n) =>
      request.path === "/v1/entities" && n === 1
        ? { status: 401, headers: { "content-type": "application/json" }, ...body }
        : base(request, n);
    expect((await oauthClient().createEntity(entityBody)).success).toBe(true);
    expect(server.to("/oauth/token")).toHaveLength(2);
    expect(bearer("/v1/entities")).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("stops after one refresh when the new token is refused too, instead of looping", async () => {
    numberedTokens();
    const base = server.handler;
    server.handler = (request, n) =>
      request.path === "/v1/entities" ? { status: 401, json: { message: "Authentication error" } } : base(request, n);
    const error = await oauthClient()
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.status).toBe(401);
    expect(server.to("/v1/entities")).toHaveLength(2);
    expect(server.to("/oauth/token")).toHaveLength(2);
  });

  it("refreshes once for many calls refused with the same token", async () => {
    numberedTokens();
    const base = server.handler;
    server.handler = (request, n) =>
      request.path === "/v1/entity-connections" && request.headers.authorization === "Bearer token-1"
        ? { status: 401, json: { message: "Authentication error" } }
        : base(request, n);
    const zuora = oauthClient();
    await Promise.all(Array.from({ length: 20 }, () => zuora.initiateConnection({ targetEntityId: "t" })));
    expect(server.to("/oauth/token")).toHaveLength(2);
  });

  it("surfaces a refused token request as an authentication error", async () => {
    server.handler = () => ({ status: 401, json: { error: "invalid_client" } });
    const error = await oauthClient()
      .createEntity(entityBody)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.message).toContain(`POST ${server.url}/oauth/token failed with HTTP 401`);
    expect(server.to("/v1/entities")).toHaveLength(0);
  });
});

/** Answers the token request with `answer`, and everything else as usual. */
function tokenAnswers(answer: Answer): void {
  server.handler = (request, n) => (request.path === "/oauth/token" ? answer : defaultHandler(request, n));
}

describe("a token reply the client cannot use", () => {
  it("rejects a form-encoded reply as an authentication failure, and sends nothing with it", async () => {
    tokenAnswers({
      text: "access_token=abcd1234&expires_in=3599",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const error = await rejection(oauthClient().createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.status).toBe(200);
    expect(server.to("/v1/entities")).toHaveLength(0);
  });

  it("says a reply without access_token lacks one", async () => {
    tokenAnswers({ json: { token_type: "bearer", expires_in: 3599 } });
    const error = await rejection(oauthClient().createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.message).toContain("access_token");
    expect(error.message).not.toContain("success: false");
    expect(server.to("/v1/entities")).toHaveLength(0);
  });

  it("refuses a reply with an empty access_token, and sends nothing with it", async () => {
    tokenAnswers({ json: { access_token: "", expires_in: 3599 } });
    expect(await rejection(oauthClient().createEntity(entityBody))).toBeInstanceOf(ZuoraAuthenticationError);
    expect(server.to("/oauth/token")).not.toHaveLength(0);
    expect(server.to("/v1/entities")).toHaveLength(0);
  });

  it("calls a token endpoint answering 503 on every attempt a retryable server error", async () => {
    tokenAnswers({ status: 503, json: { message: "down for maintenance" } });
    const error = await rejection(oauthClient().createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraServerError);
    expect(error).toMatchObject({ status: 503, retryable: true, attempts: 3 });
    expect(server.to("/oauth/token")).toHaveLength(3);
  });

  it("keeps a token whose reply has no expires_in, rather than asking for one per call", async () => {
    tokenAnswers({ json: { access_token: "token-no-expiry" } });
    const zuora = oauthClient();
    for (let i = 0; i < 3; i++) await zuora.createEntity(entityBody);
    expect(server.to("/oauth/token")).toHaveLength(1);
    expect(bearer("/v1/entities")).toEqual(Array(3).fill("Bearer token-no-expiry"));
  });
});

describe("a token function that fails", () => {
  it.each([
    ["undefined", undefined],
    ["an empty string", ""],
    ["a Bearer-prefixed token", "Bearer abc"],
    ["a number", 42],
  ])("returning %s rejects the call naming auth before it is sent", async (_, token) => {
    const zuora = createZuoraClient({ baseUrl: server.url, auth: () => token as string });
    const error = await rejection(zuora.createEntity(entityBody));
    expect(error).toBeInstanceOf(ZuoraAuthenticationError);
    expect(error.message).toContain("auth");
    expect(server.requests).toHaveLength(0);
  });

  it("that throws names the call it left unsent, for each call that waited on it", async () => {
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
});

// One refresh per refused token, however the 401s for it are spread out in time. A hundred calls over a loopback
// server: the limit only catches a hang.
describe("refreshes shared by the 401s of one token", { timeout: 30_000 }, () => {
  const connect = { targetEntityId: "t" };

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
    expect(bearer("/v1/entity-connections").filter((b) => b === "Bearer fresh-token")).toHaveLength(100);
  });

  it("asks the token endpoint once for the 401s of one token, when it issues the same token again", async () => {
    server.handler = async (request, n) => {
      if (request.path === "/oauth/token") return { json: { access_token: "same-token", expires_in: 3599 } };
      // Sent before any refresh: the first token refused, the refusals spread over time as above.
      if (server.to("/oauth/token").length >= 2) return defaultHandler(request, n);
      await pause(n * 3);
      return { status: 401, json: { message: "Authentication error" } };
    };
    const withOAuth = oauthClient();
    await Promise.allSettled(Array.from({ length: 50 }, () => withOAuth.initiateConnection(connect)));
    expect(server.to("/oauth/token")).toHaveLength(2);
  });
});

// Aborting a call stops it at once, the token phase included, and rejects with the caller's own reason. Each test
// also waits for late requests that must not come: the limit only catches a hang.
describe("a call aborted while its token is awaited", { timeout: 30_000 }, () => {
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
    // Longer than every attempt a client that ignored the abort would make: none may follow it.
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
    // Longer than the attempts a client that ignored the abort would go on to make: none may follow it.
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
    const zuora = oauthClient();
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
