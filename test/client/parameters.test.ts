import { describe, expect, it } from "vitest";
import { testClient, validationRejection } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

const server = useLoopbackServer(() => ({ json: { success: true } }));

const rejectionOf = (promise: Promise<unknown>) => validationRejection(server, promise);

describe("query parameters, through the openapi-fetch methods", () => {
  it.each([
    ["a pageSize of 301", { pageSize: 301 }, "query.pageSize", "maximum"],
    ["a pageSize of 0", { pageSize: 0 }, "query.pageSize", "minimum"],
    ["a page of 0", { page: 0 }, "query.page", "minimum"],
    ["a page of 1.5", { page: 1.5 }, "query.page", "type"],
    ["a type of sideways", { type: "sideways" }, "query.type", "enum"],
  ])("refuses %s before sending", async (_, query, field, rule) => {
    const zuora = testClient(server.url);
    const error = await rejectionOf(zuora.GET("/v1/entity-connections", { params: { query: query as never } }));
    expect(error).toMatchObject({ operationId: "listConnections", field, rule });
    expect(error.message).toContain("nothing was sent");
  });

  it("refuses a provisioned that is not a boolean", async () => {
    const zuora = testClient(server.url);
    const query = { provisioned: "true" } as never;
    const error = await rejectionOf(zuora.GET("/v1/entities", { params: { query } }));
    expect(error).toMatchObject({ field: "query.provisioned", rule: "type" });
  });

  it("sends values at the limits", async () => {
    const zuora = testClient(server.url);
    await zuora.GET("/v1/entity-connections", { params: { query: { page: 1, pageSize: 300, type: "outbound" } } });
    expect(server.requests.map((r) => r.target)).toEqual(["/v1/entity-connections?page=1&pageSize=300&type=outbound"]);
  });
});

describe("query parameters, through the helpers", () => {
  it("takes an undefined query value as not sent (and its type allows it under exactOptionalPropertyTypes)", async () => {
    const zuora = testClient(server.url);
    const fromEnvironment: "inbound" | "outbound" | undefined = undefined;
    await zuora.listConnections({ type: fromEnvironment, pageSize: undefined, page: 2 });
    await zuora.listEntities({ provisioned: undefined });
    expect(server.requests.map((r) => r.target)).toEqual(["/v1/entity-connections?page=2", "/v1/entities"]);
  });
});

describe("per-call options, through the helpers", () => {
  it("refuses an idempotencyKey on a PUT helper when compiling, and sends nothing if it gets through", async () => {
    const zuora = testClient(server.url);
    // @ts-expect-error acceptConnection is a PUT: its operation declares no Idempotency-Key.
    const error = await rejectionOf(zuora.acceptConnection("abc", { idempotencyKey: "k" }));
    expect(error).toMatchObject({ field: "header Idempotency-Key", rule: "method" });
  });
});

describe("path parameters, through the openapi-fetch methods", () => {
  it.each([
    ["a slash", "a/b", "pattern"],
    ["a dot-dot segment", "..", "pattern"],
    ["a query", "x?y=1", "pattern"],
    ["a fragment", "#", "pattern"],
    ["an empty string", "", "pattern"],
    ["a space", "a b", "pattern"],
    ["33 characters", "a".repeat(33), "maxLength"],
  ])("refuses an entity id with %s", async (_, id, rule) => {
    const error = await rejectionOf(testClient(server.url).GET("/v1/entities/{id}", { params: { path: { id } } }));
    expect(error).toMatchObject({ operationId: "getEntity", field: "path.id", rule });
  });

  it("requires the path parameter", async () => {
    const error = await rejectionOf(testClient(server.url).GET("/v1/entities/{id}", { params: { path: {} as never } }));
    expect(error).toMatchObject({ field: "path.id", rule: "required" });
  });

  it("refuses a path that is not an object of values", async () => {
    const path = "abc" as never;
    const error = await rejectionOf(testClient(server.url).GET("/v1/entities/{id}", { params: { path } }));
    expect(error).toMatchObject({ field: "path", rule: "type" });
  });
});

// openapi-fetch skips a header source that is not an object; Object.entries() of a string would send one header per
// character ("0: a", "1: b", ...).
describe("headers that are not an object", () => {
  it.each<[string, unknown]>([
    ["a string", "x-trace: 1"],
    ["a number", 42],
    ["true", true],
  ])("(%s) add no header, as with openapi-fetch", async (_, headers) => {
    const id = "8a80825556ff28a4015709096c5d6f5d";
    await testClient(server.url).GET("/v1/entities/{id}", {
      params: { path: { id }, header: headers as never },
      headers: headers as never,
    });
    expect(server.requests).toHaveLength(1);
    const sent = Object.keys(server.requests[0]?.headers ?? {});
    expect(sent).toContain("authorization");
    expect(sent.filter((name) => /^\d+$/.test(name) || name === "x-trace")).toEqual([]);
  });
});
