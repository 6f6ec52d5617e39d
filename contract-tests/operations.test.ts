import { describe, expect, inject, it } from "vitest";
import { constraints } from "../generated/constraints.js";
import { readSpec } from "../scripts/codegen/spec.js";
import { referenceRequest, requestSample, responseExample } from "../scripts/verify/samples.js";
import { type OperationId, targetOf } from "../scripts/verify/verdicts.js";
import type { components } from "../src/index.js";
import { callInfo } from "../src/index.js";
import { contractClient } from "./support/contractClient.js";

const spec = readSpec();
const entitySample = requestSample(spec, "createEntity").body as components["schemas"]["CreateEntityRequest"];
const connectionSample = requestSample(spec, "initiateConnection")
  .body as components["schemas"]["InitiateConnectionRequest"];

describe("both operations through the real client, judged by Prism", () => {
  it("creates an entity from the reference sample and returns the documented entity", async () => {
    const { client, violations } = contractClient();
    const entity = await client.createEntity(entitySample);
    expect(entity).toEqual(responseExample(spec, "/v1/entities", "200", "created"));
    // Typed end to end: these are the generated types' fields.
    const status: "Provisioned" | "Unprovisioned" = entity.status;
    expect(status).toBe("Unprovisioned");
    expect(violations).toEqual([]);
  });

  it("initiates a connection from the reference sample and returns the documented connection", async () => {
    const { client, violations } = contractClient();
    const connection = await client.initiateConnection(connectionSample);
    expect(connection).toEqual(responseExample(spec, "/v1/entity-connections", "200", "initiated"));
    expect(violations).toEqual([]);
  });

  it("answers through openapi-fetch's POST with typed data and the call's info", async () => {
    const { client, violations } = contractClient();
    const { data, response } = await client.POST("/v1/entities", { body: entitySample });
    expect(data).toEqual(responseExample(spec, "/v1/entities", "200", "created"));
    expect(callInfo(response)).toMatchObject({ attempts: 1 });
    expect(violations).toEqual([]);
  });

  it("authenticates with OAuth client credentials exchanged at Prism's token operation", async () => {
    const { client, violations } = contractClient({ auth: { clientId: "client-id", clientSecret: "client-secret" } });
    await expect(client.initiateConnection(connectionSample)).resolves.toMatchObject({ success: true });
    expect(violations).toEqual([]);
  });
});

describe("bearer authentication", () => {
  it("is refused by Prism with 401 when no token is sent", async () => {
    const response = await fetch(new URL("/v1/entities", inject("prismUrl")), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(entitySample),
    });
    await response.body?.cancel();
    expect(response.status).toBe(401);
  });

  it("passes with the client's auth policy", async () => {
    const { client } = contractClient({ baseUrl: inject("prismUrl"), auth: "any-token" });
    await expect(client.createEntity(entitySample)).resolves.toMatchObject({ success: true });
  });
});

// Every operation of the generated table, through its helper: nothing here names an operation, so one added to the
// spec is covered here by `npm run generate` alone.
const rows = Object.values(constraints.operations).filter((row) => row.auth);

/** The helper's arguments for an operation's reference request: path values in path order, body, query. */
function helperArgs(row: (typeof rows)[number]): unknown[] {
  const reference = referenceRequest(spec, row.operationId);
  const names = Array.from(row.path.matchAll(/\{([^}]+)\}/g), (match) => match[1] as string);
  return [
    ...names.map((name) => reference.pathParams[name]),
    ...(row.body ? [reference.body] : []),
    ...(Object.keys(row.query).length > 0 ? [reference.query] : []),
  ];
}

describe("every operation's helper, from its reference request, judged by Prism", () => {
  it.each(rows.map((row) => [row.operationId, row] as const))(
    "%s resolves to the documented answer, and every response follows the spec",
    async (operationId, row) => {
      const { client, violations } = contractClient();
      const helper = (client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[operationId];
      const answer = await helper?.(...helperArgs(row));
      expect(answer).toEqual(responseExample(spec, row.path, "200", undefined, row.method));
      expect(violations).toEqual([]);
    },
  );

  it.each(rows.map((row) => [row.operationId, row] as const))(
    "%s is refused by Prism with 401 without a bearer token",
    async (operationId, row) => {
      const reference = referenceRequest(spec, operationId);
      const target = targetOf({ operationId: row.operationId as OperationId, ...reference, headers: {} });
      const response = await fetch(new URL(target, inject("prismUrl")), {
        method: row.method,
        ...(reference.body === undefined
          ? {}
          : { headers: { "content-type": "application/json" }, body: JSON.stringify(reference.body) }),
      });
      await response.body?.cancel();
      expect(response.status).toBe(401);
    },
  );

  it("walks every connection with allConnections, page after page", async () => {
    const { client, violations } = contractClient();
    const seen: string[] = [];
    for await (const connection of client.allConnections({ type: "outbound", pageSize: 30 })) seen.push(connection.id);
    // Prism answers every page with the spec's first example, which has no nextPage: one page, its connections.
    const lastPage = responseExample(spec, "/v1/entity-connections", "200", "lastPage", "GET") as {
      entityConnections: { id: string }[];
    };
    expect(seen).toEqual(lastPage.entityConnections.map((c) => c.id));
    expect(violations).toEqual([]);
  });
});
