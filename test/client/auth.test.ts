import { describe, expect, it } from "vitest";
import { createZuoraClient, ZuoraAuthenticationError } from "../../src/index.js";
import { entityBody, recordingSleep } from "../support/fixtures.js";
import { defaultHandler, useLoopbackServer } from "../support/loopbackServer.js";

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

  it("refreshes once and retries once after a 401", async () => {
    numberedTokens();
    const base = server.handler;
    server.handler = (request, n) =>
      request.path === "/v1/entities" && n === 1
        ? { status: 401, json: { message: "Authentication error" } }
        : base(request, n);
    await oauthClient().createEntity(entityBody);
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
