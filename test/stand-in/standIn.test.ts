import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createZuoraClient, reasonCategory, ZuoraBusinessError, ZuoraConnectionError } from "../../src/index.js";
import { createStandIn } from "../../stand-in/index.js";
import { listen } from "../../stand-in/node.js";

const BASE = "https://rest.test.zuora.com";
const place = { locale: "en_US", timezone: "America/Los_Angeles" };
const noWait = { sleep: async () => {} };

function setUp() {
  const standIn = createStandIn();
  const zuora = createZuoraClient({ baseUrl: BASE, auth: "any-token", fetch: standIn.fetch, retry: noWait });
  return { standIn, zuora };
}

/** A raw request to the stand-in, without the client (and its checks) in the way; a body is labelled JSON. */
function raw(standIn: ReturnType<typeof createStandIn>, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization")) headers.set("authorization", "Bearer t");
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  return standIn.fetch(`${BASE}${path}`, { ...init, headers });
}

describe("the stand-in answering over fetch", () => {
  it("creates an entity that can then be fetched, and answers with Zuora's headers", async () => {
    const { standIn, zuora } = setUp();
    const created = await zuora.createEntity({ name: "Acme", parentId: standIn.globalEntityId, ...place });
    expect(created).toMatchObject({ success: true, status: "Unprovisioned", parentId: standIn.globalEntityId });
    const { data, response } = await zuora.GET("/v1/entities/{id}", {
      params: { path: { id: created.id }, header: { "Zuora-Track-Id": "t-1" } },
    });
    expect(data).toMatchObject({ id: created.id, name: "Acme", success: true });
    expect(response.headers.get("zuora-track-id")).toBe("t-1");
    expect(response.headers.get("zuora-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends Zuora's rate-limit headers, counting down within the window, and starts over on reset", async () => {
    const { standIn, zuora } = setUp();
    const first = await zuora.listEntities().withResponse();
    const second = await zuora.listEntities().withResponse();
    expect(first.rateLimit).toMatchObject({ limit: "50000, 50000;w=60", remaining: 49_999 });
    expect(second.rateLimit.remaining).toBe(49_998);
    expect(second.rateLimit.reset).toBeGreaterThanOrEqual(0);
    expect(second.rateLimit.reset).toBeLessThanOrEqual(60);
    standIn.reset();
    expect((await zuora.listEntities().withResponse()).rateLimit.remaining).toBe(49_999);
  });

  it("refuses a broken rule with HTTP 200, success false and a reason code of the rule's category", async () => {
    const { standIn, zuora } = setUp();
    const error = await zuora
      .createEntity({ name: "Orphan", parentId: "8a8e00000000000000000000000000ff", ...place })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZuoraBusinessError);
    const code = (error as ZuoraBusinessError).reasons[0]?.code ?? 0;
    expect(String(code)).toMatch(/^\d{8}$/);
    expect(reasonCategory(code)).toBe(40);
    expect(standIn.requests().map((r) => [r.status, r.reasonCode])).toEqual([[200, code]]);
  });

  it("answers a request without a bearer token with the spec's 401, and changes nothing", async () => {
    const standIn = createStandIn();
    const response = await standIn.fetch(`${BASE}/v1/entities`, {
      method: "POST",
      body: JSON.stringify({ name: "X", parentId: standIn.globalEntityId, ...place }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(await response.json()).toEqual({ message: "Authentication error" });
    expect(standIn.state().entities).toHaveLength(1);
  });

  it("answers unknown ids as not found and unknown paths with 404, never a crash", async () => {
    const standIn = createStandIn();
    for (const path of ["/v1/entities/nope", "/v1/entities/nope/provision", "/v1/entity-connections/nope/accept"]) {
      const method = path.endsWith("nope") ? "GET" : "PUT";
      const body = await (await raw(standIn, path, { method })).json();
      expect(body).toMatchObject({ success: false, reasons: [{ code: expect.any(Number) }] });
      expect(reasonCategory(body.reasons[0].code)).toBe(40);
    }
    expect((await raw(standIn, "/v1/nowhere")).status).toBe(404);
  });

  it("checks what the client checks, for callers without it: a pageSize of 301 is an invalid value", async () => {
    const standIn = createStandIn();
    const body = await (await raw(standIn, "/v1/entity-connections?pageSize=301")).json();
    expect(body).toMatchObject({ success: false, reasons: [{ message: expect.stringContaining("pageSize") }] });
    expect(reasonCategory(body.reasons[0].code)).toBe(20);
    const missing = await (await raw(standIn, "/v1/entities", { method: "POST", body: "{}" })).json();
    expect(reasonCategory(missing.reasons[0].code)).toBe(22);
  });

  it("replays the first answer to a POST repeated with its Idempotency-Key, and refuses the key elsewhere", async () => {
    const standIn = createStandIn();
    const post = (path: string, body: unknown) =>
      raw(standIn, path, { method: "POST", headers: { "idempotency-key": "k-1" }, body: JSON.stringify(body) });
    const entity = { name: "Once", parentId: standIn.globalEntityId, ...place };
    const first = await (await post("/v1/entities", entity)).json();
    const again = await (await post("/v1/entities", entity)).json();
    expect(again).toEqual(first);
    expect(standIn.state().entities.filter((e) => e.name === "Once")).toHaveLength(1);
    const elsewhere = await post("/v1/entity-connections", { targetEntityId: first.id });
    expect(elsewhere.status).toBe(422);
  });

  it("reads a gzipped request body", async () => {
    const standIn = createStandIn();
    const body = gzipSync(JSON.stringify({ name: "Zipped", parentId: standIn.globalEntityId, ...place }));
    const response = await raw(standIn, "/v1/entities", {
      method: "POST",
      headers: { "content-encoding": "gzip" },
      body,
    });
    expect(await response.json()).toMatchObject({ success: true, name: "Zipped" });
  });

  it("pages connections with page, pageSize and nextPage, in order", async () => {
    const standIn = createStandIn();
    standIn.seed({ entities: [{ id: "source", name: "Source", status: "Provisioned" }] });
    const seeded = standIn.seed({
      connections: Array.from({ length: 65 }, () => ({
        sourceEntityId: "source",
        targetEntityId: standIn.globalEntityId,
        status: "Disconnected" as const,
      })),
    }).connections;
    const ids: string[] = [];
    const nextPages: (string | undefined)[] = [];
    for (let page = 1; page <= 3; page++) {
      const body = await (await raw(standIn, `/v1/entity-connections?type=inbound&page=${page}&pageSize=30`)).json();
      ids.push(...body.entityConnections.map((c: { id: string }) => c.id));
      nextPages.push(body.nextPage);
    }
    expect(ids).toEqual(seeded.map((c) => c.id));
    expect(new URL(nextPages[0] ?? "").searchParams.get("page")).toBe("2");
    expect(nextPages[2]).toBeUndefined();
    const outbound = await (await raw(standIn, "/v1/entity-connections?type=outbound")).json();
    expect(outbound.entityConnections).toEqual([]);
  });

  it("acts as the entity in Zuora-Entity-Ids, or as the global entity without it", async () => {
    const { standIn, zuora } = setUp();
    standIn.seed({ entities: [{ id: "child", name: "Child", status: "Provisioned" }] });
    const { id } = await zuora.initiateConnection({ targetEntityId: "child" });
    const accept = (entityIds?: string) =>
      zuora.PUT("/v1/entity-connections/{connection-id}/accept", {
        params: { path: { "connection-id": id }, header: entityIds ? { "Zuora-Entity-Ids": entityIds } : {} },
      });
    expect((await accept()).data).toMatchObject({ success: false }); // the global entity sent it
    expect((await accept("child")).data).toEqual({ success: true });
    expect(standIn.state().connections).toEqual([
      { id, sourceEntityId: standIn.globalEntityId, targetEntityId: "child", status: "Connected" },
    ]);
  });

  it("injects a reset after the operation ran: the caller's retry meets a business failure, the state is one change", async () => {
    const { standIn, zuora } = setUp();
    standIn.seed({ entities: [{ id: "child", name: "Child" }] });
    standIn.failNext({ operationId: "provisionEntity", fault: "reset-after" });
    const { data } = await zuora.PUT("/v1/entities/{id}/provision", { params: { path: { id: "child" } } });
    // The first attempt provisioned; its answer was lost; the retry is refused as already provisioned.
    expect(data).toMatchObject({ success: false });
    expect(standIn.state().entities.find((e) => e.id === "child")?.status).toBe("Provisioned");
    expect(standIn.requests().map((r) => r.status)).toEqual([undefined, 200]);
  });

  it("fails the call with a connection error when every attempt is reset before it arrives, changing nothing", async () => {
    const standIn = createStandIn();
    const zuora = createZuoraClient({
      baseUrl: BASE,
      auth: "any-token",
      fetch: standIn.fetch,
      maxRetries: 1,
      retry: noWait,
    });
    standIn.failNext({ fault: "reset-before" });
    standIn.failNext({ fault: "reset-before" });
    const error = await zuora
      .createEntity({ name: "Never", parentId: standIn.globalEntityId, ...place })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraConnectionError);
    expect(standIn.state().entities).toHaveLength(1);
  });

  it("meets a fault armed for a track id only with a request carrying that track id", async () => {
    const standIn = createStandIn();
    standIn.failNext({ fault: { status: 503 }, trackId: "mine" });
    expect((await raw(standIn, "/v1/entities", { headers: { "zuora-track-id": "theirs" } })).status).toBe(200);
    expect((await raw(standIn, "/v1/entities")).status).toBe(200);
    expect((await raw(standIn, "/v1/entities", { headers: { "zuora-track-id": "mine" } })).status).toBe(503);
  });

  it("starts over on reset", async () => {
    const { standIn, zuora } = setUp();
    await zuora.createEntity({ name: "Gone", parentId: standIn.globalEntityId, ...place });
    standIn.reset();
    expect(standIn.state()).toEqual({
      entities: [expect.objectContaining({ name: "Global" })],
      connections: [],
      users: [
        { username: "admin", homeEntityId: standIn.globalEntityId, access: "all", administers: "all", pending: [] },
      ],
      products: [],
    });
    expect(standIn.requests()).toEqual([]);
  });
});

describe("the stand-in's strict OAuth mode", () => {
  it("accepts only tokens it issued, refuses expired ones, and the client refreshes end to end", async () => {
    const standIn = createStandIn({ auth: { tokens: "issued", clients: { "my-client": "my-secret" } } });
    expect((await raw(standIn, "/v1/entities")).status).toBe(401);
    const zuora = createZuoraClient({
      baseUrl: BASE,
      auth: { clientId: "my-client", clientSecret: "my-secret" },
      fetch: standIn.fetch,
      retry: noWait,
    });
    await expect(zuora.GET("/v1/entities")).resolves.toMatchObject({ data: { success: true } });
    standIn.expireTokens();
    await expect(zuora.GET("/v1/entities")).resolves.toMatchObject({ data: { success: true } });
    expect(standIn.requests().map((r) => `${r.operationId} ${r.status}`)).toEqual([
      "listEntities 401",
      "createToken 200",
      "listEntities 200",
      "listEntities 401",
      "createToken 200",
      "listEntities 200",
    ]);
  });

  it("refuses wrong client credentials with an OAuth error", async () => {
    const standIn = createStandIn({ auth: { tokens: "issued", clients: { "my-client": "my-secret" } } });
    const response = await standIn.fetch(`${BASE}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "client_id=my-client&client_secret=wrong&grant_type=client_credentials",
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "invalid_client" });
  });
});

describe("the stand-in over HTTP", () => {
  it("serves the same tenant on a free loopback port, with the control endpoints", async () => {
    const standIn = createStandIn();
    const server = await listen(standIn);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const seeded = await fetch(`${server.url}/__stand-in/seed`, {
        method: "POST",
        body: JSON.stringify({ entities: [{ id: "over-http", name: "Over HTTP" }] }),
      });
      expect(seeded.status).toBe(200);
      const zuora = createZuoraClient({ baseUrl: server.url, auth: "any-token" });
      const { data } = await zuora.GET("/v1/entities", { params: { query: { provisioned: false } } });
      expect(data).toMatchObject({ entities: [{ id: "over-http" }], success: true });
      const refused = await fetch(`${server.url}/__stand-in/seed`, {
        method: "POST",
        body: JSON.stringify({ entities: [{ name: "Over HTTP" }] }),
      });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ message: "seed: an entity named Over HTTP already exists" });
    } finally {
      await server.close();
    }
  });
});

// The stand-in answers bad input with an HTTP answer, never a crash: a body labelled gzip that does not decode is
// bad input like a body that is not JSON.
describe("the stand-in, given a body labelled gzip that is not gzip", () => {
  const notGzip = new TextEncoder().encode('{"name":"Acme"}');

  it("answers an operation with 400, as a transport failure before any rule, and the tenant is unchanged", async () => {
    const standIn = createStandIn();
    const before = JSON.stringify(standIn.state());
    const answer = await raw(standIn, "/v1/entities", {
      method: "POST",
      headers: { "content-encoding": "gzip", "idempotency-key": "k-1" },
      body: notGzip,
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain("gzip");
    expect(JSON.stringify(standIn.state())).toBe(before);
  });

  it("answers the token endpoint with 400", async () => {
    const answer = await createStandIn().fetch(`${BASE}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-encoding": "gzip" },
      body: notGzip,
    });
    expect(answer.status).toBe(400);
  });
});
