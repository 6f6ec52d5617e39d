import { describe, expect, inject, it } from "vitest";
import { readSpec } from "../scripts/codegen/spec.js";
import { requestSample, responseExample } from "../scripts/verify/samples.js";
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
