import { describe, expect, it } from "vitest";
import { constraints } from "../../generated/constraints.js";
import { type JsonObject, readSpec } from "../../scripts/codegen/spec.js";
import { ZuoraBusinessError, ZuoraValidationError } from "../../src/index.js";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

const ID = "8a80825556ff28a4015709096c5d6f5d";

const server = useLoopbackServer(() => ({ json: { id: ID, success: true } }));

const lines = () => server.requests.map((r) => `${r.method} ${r.target}`);

describe("one helper per operation of the generated table", () => {
  it("has a helper named by every operationId of the spec, the token request included", () => {
    const zuora = testClient(server.url) as unknown as Record<string, unknown>;
    const rows = Object.values(constraints.operations);
    for (const row of rows) expect(typeof zuora[row.operationId], row.operationId).toBe("function");
    // The spec's own list (test/spec/spec.test.ts pins its names): a row missing from the table is a helper missing.
    const specIds = Object.values(readSpec().paths as JsonObject).flatMap((item) =>
      Object.values(item as JsonObject).map((operation) => (operation as JsonObject).operationId),
    );
    expect(rows.map((row) => row.operationId).sort()).toEqual(specIds.sort());
    expect(rows.map((row) => row.operationId)).toContain("createToken");
  });

  it("createToken sends the form Zuora expects, with no bearer token, key or client headers", async () => {
    server.handler = () => ({ json: { access_token: "issued-token-1", token_type: "bearer", expires_in: 3599 } });
    const zuora = testClient(server.url, { trackId: "t-0", entityIds: "e-0" });
    const token = await zuora.createToken({
      client_id: "id-1",
      client_secret: "secret-1",
      grant_type: "client_credentials",
    });
    expect(token).toEqual({ access_token: "issued-token-1", token_type: "bearer", expires_in: 3599 });
    const [request] = server.requests;
    expect(`${request?.method} ${request?.target}`).toBe("POST /oauth/token");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.text).toBe("client_id=id-1&client_secret=secret-1&grant_type=client_credentials");
    for (const header of ["authorization", "idempotency-key", "zuora-track-id", "zuora-entity-ids"]) {
      expect(request?.headers[header], header).toBeUndefined();
    }
  });

  it("sends each operation's method and path, with the path parameter in place", async () => {
    const zuora = testClient(server.url);
    await zuora.getEntity(ID);
    await zuora.deleteEntity(ID);
    await zuora.provisionEntity(ID);
    await zuora.acceptConnection("c-1");
    await zuora.denyConnection("c-2");
    await zuora.disconnectConnection("c-3");
    await zuora.listAccessibleEntities("jane.doe@example.com");
    await zuora.requestUserAccess("jane.doe@example.com", { targetEntityIds: [ID] });
    await zuora.acceptUserAccess("jane.doe@example.com");
    await zuora.denyUserAccess("jane.doe@example.com");
    await zuora.shareProduct("p-1", { toEntityIds: [ID] });
    expect(lines()).toEqual([
      `GET /v1/entities/${ID}`,
      `DELETE /v1/entities/${ID}`,
      `PUT /v1/entities/${ID}/provision`,
      "PUT /v1/entity-connections/c-1/accept",
      "PUT /v1/entity-connections/c-2/deny",
      "PUT /v1/entity-connections/c-3/disconnect",
      "GET /v1/users/jane.doe%40example.com/accessible-entities",
      "PUT /v1/users/jane.doe%40example.com/request-access",
      "PUT /v1/users/jane.doe%40example.com/accept-access",
      "PUT /v1/users/jane.doe%40example.com/deny-access",
      "POST /v1/catalog/products/p-1/share",
    ]);
  });

  it("resolves to the success body", async () => {
    await expect(testClient(server.url).getEntity(ID)).resolves.toEqual({ id: ID, success: true });
  });

  it("sends the body after the path parameter", async () => {
    await testClient(server.url).updateEntity(ID, { displayName: "Acme Asia" });
    expect(lines()).toEqual([`PUT /v1/entities/${ID}`]);
    expect(JSON.parse(server.requests[0]?.text ?? "")).toEqual({ displayName: "Acme Asia" });
  });

  it("sends query values as the query string, and none when left out", async () => {
    const zuora = testClient(server.url);
    await zuora.listEntities({ provisioned: false });
    await zuora.listEntities();
    await zuora.listConnections({ type: "inbound", page: 2, pageSize: 300 });
    expect(lines()).toEqual([
      "GET /v1/entities?provisioned=false",
      "GET /v1/entities",
      "GET /v1/entity-connections?type=inbound&page=2&pageSize=300",
    ]);
  });

  it("puts the same bytes on the wire for a helper and zuora.GET, PUT or POST with the same values", async () => {
    const zuora = testClient(server.url, { trackId: "t-0", entityIds: "e-0" });
    const user = "jane doe/..?x=1#&+é";
    await zuora.listAccessibleEntities(user, { trackId: "t-1" });
    await zuora.GET("/v1/users/{username}/accessible-entities", {
      params: { path: { username: user }, header: { "Zuora-Track-Id": "t-1" } },
    });
    await zuora.updateEntity(ID, { displayName: "Acme Asia", locale: "en_US" });
    await zuora.PUT("/v1/entities/{id}", {
      params: { path: { id: ID } },
      body: { displayName: "Acme Asia", locale: "en_US" },
    });
    await zuora.listConnections({ type: "outbound", page: 3 });
    await zuora.GET("/v1/entity-connections", { params: { query: { type: "outbound", page: 3 } } });
    await zuora.createEntity(entityBody, { idempotencyKey: "key-1" });
    await zuora.POST("/v1/entities", { body: entityBody, params: { header: { "Idempotency-Key": "key-1" } } });
    const seen = server.requests.map(({ method, target, headers, raw }) => {
      const { connection, host, ...rest } = headers;
      return { method, target, headers: rest, bytes: raw.toString("base64") };
    });
    expect(seen).toHaveLength(8);
    for (let i = 0; i < 8; i += 2) expect(seen[i], seen[i]?.target).toEqual(seen[i + 1]);
    expect(seen[6]?.bytes).not.toBe("");
    expect(seen[0]?.target).toBe("/v1/users/jane%20doe%2F..%3Fx%3D1%23%26%2B%C3%A9/accessible-entities");
  });

  it("passes the helpers' calls through middleware registered on the client", async () => {
    const zuora = testClient(server.url);
    const seen: string[] = [];
    zuora.use({
      onRequest({ request }) {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        request.headers.set("x-middleware", "yes");
        return request;
      },
    });
    await zuora.getEntity(ID);
    await zuora.updateEntity(ID, { displayName: "Acme Asia" });
    expect(seen).toEqual([`GET /v1/entities/${ID}`, `PUT /v1/entities/${ID}`]);
    expect(server.requests.map((r) => r.headers["x-middleware"])).toEqual(["yes", "yes"]);
  });

  it("takes the per-call options last", async () => {
    await testClient(server.url).listConnections({}, { trackId: "t-1", entityIds: "e-1" });
    await testClient(server.url).updateEntity(ID, { name: "Acme" }, { trackId: "t-2" });
    expect(server.requests.map((r) => [r.headers["zuora-track-id"], r.headers["zuora-entity-ids"]])).toEqual([
      ["t-1", "e-1"],
      ["t-2", undefined],
    ]);
  });

  it("throws a business failure (HTTP 200, success: false) as ZuoraBusinessError", async () => {
    server.handler = () => ({
      json: { success: false, reasons: [{ code: 53000020, message: "The entity is already provisioned." }] },
    });
    await expect(testClient(server.url).provisionEntity(ID)).rejects.toBeInstanceOf(ZuoraBusinessError);
  });
});

describe("path parameters are percent-encoded, so no value addresses another resource", () => {
  it.each([
    ["a/b", "/v1/users/a%2Fb/accessible-entities"],
    ["x?y=1", "/v1/users/x%3Fy%3D1/accessible-entities"],
    ["#", "/v1/users/%23/accessible-entities"],
    ["a b", "/v1/users/a%20b/accessible-entities"],
    ["../x", "/v1/users/..%2Fx/accessible-entities"],
    ["%2e%2e", "/v1/users/%252e%252e/accessible-entities"],
  ])("sends the username %j as one segment", async (username, target) => {
    await testClient(server.url).listAccessibleEntities(username);
    expect(server.requests.map((r) => r.target)).toEqual([target]);
  });

  it.each([
    ["..", "pattern"],
    [".", "pattern"],
    ["", "minLength"],
  ])("refuses the username %j, which the URL would resolve away, and sends nothing", async (username, rule) => {
    const error = await testClient(server.url)
      .listAccessibleEntities(username)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(error).toMatchObject({ operationId: "listAccessibleEntities", field: "path.username", rule });
    expect(server.requests).toHaveLength(0);
  });

  it.each(["a/b", "..", "x?y=1", "#", "", " "])("refuses the entity id %j and sends nothing", async (id) => {
    const error = await testClient(server.url)
      .getEntity(id)
      .catch((e) => e);
    expect(error).toMatchObject({ name: "ZuoraValidationError", field: "path.id", rule: "pattern" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("query values are checked before sending", () => {
  it.each([
    [{ pageSize: 301 }, "query.pageSize", "maximum"],
    [{ pageSize: 0 }, "query.pageSize", "minimum"],
    [{ page: 0 }, "query.page", "minimum"],
    [{ type: "sideways" }, "query.type", "enum"],
  ])("refuses %j, naming the parameter and the rule", async (query, field, rule) => {
    const error = await testClient(server.url)
      .listConnections(query as never)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ZuoraValidationError);
    expect(error).toMatchObject({ operationId: "listConnections", field, rule });
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a provisioned that is not a boolean", async () => {
    const error = await testClient(server.url)
      .listEntities({ provisioned: "yes" as never })
      .catch((e) => e);
    expect(error).toMatchObject({ field: "query.provisioned", rule: "type" });
    expect(server.requests).toHaveLength(0);
  });
});
