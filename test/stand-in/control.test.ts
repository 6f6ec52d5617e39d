import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readSpec } from "../../scripts/codegen/spec.js";
import { responseContract } from "../../scripts/verify/responseContract.js";
import { createStandIn, type ListeningStandIn, listen } from "../../stand-in/node.js";

/** The control API's own contract: every answer below is checked against it. */
const contract = responseContract(readSpec(new URL("../../openapi/stand-in-control.yaml", import.meta.url)));
const violations: string[] = [];
const checked = contract.checkingFetch(violations);

const standIn = createStandIn();
let server: ListeningStandIn;
beforeAll(async () => {
  server = await listen(standIn);
});
afterAll(() => server.close());
beforeEach(() => {
  standIn.reset();
  violations.length = 0;
});

/** Calls a control endpoint with a JSON body (or none), and answers its status, `Allow` and parsed body. */
async function call(method: string, endpoint: string, body?: unknown) {
  const response = await checked(`${server.url}/__stand-in/${endpoint}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  const text = await response.text();
  return { status: response.status, allow: response.headers.get("allow"), body: text ? JSON.parse(text) : undefined };
}

const emea = {
  entities: {
    EMEA: { parent: "Global", locale: "en_GB", timezone: "Europe/London", provisioned: true },
    DE: { parent: "EMEA", locale: "de_DE", timezone: "Europe/Berlin" },
  },
  connections: [{ from: "Global", to: "EMEA", status: "Connected" }],
  users: { "emea-admin": { home: "EMEA", administers: ["EMEA"] } },
  products: [{ id: "gold-plan", name: "Gold plan", sharedWith: ["EMEA"] }],
};

describe("the control API, as openapi/stand-in-control.yaml describes it", () => {
  it("says it is up", async () => {
    expect(await call("GET", "health")).toMatchObject({ status: 200, body: { status: "ok" } });
    expect(violations).toEqual([]);
  });

  it("seeds by names and answers the whole tenant by names, as GET state does", async () => {
    const seeded = await call("POST", "seed", emea);
    expect(seeded.status).toBe(200);
    expect(seeded.body.entities.DE).toMatchObject({ parent: "EMEA", provisioned: false });
    expect(seeded.body.connections).toMatchObject([{ from: "Global", to: "EMEA", status: "Connected" }]);
    expect(seeded.body.users["emea-admin"]).toEqual({
      home: "EMEA",
      access: ["EMEA"],
      administers: ["EMEA"],
      pending: [],
    });
    expect(await call("GET", "state")).toEqual({ status: 200, allow: null, body: seeded.body });
    expect(violations).toEqual([]);
  });

  it("still takes a seed by IDs, and answers what it added, as 0.3 did", async () => {
    const seeded = await call("POST", "seed", { entities: [{ id: "e-1", name: "By ID", status: "Provisioned" }] });
    expect(seeded.status).toBe(200);
    expect(seeded.body.entities).toMatchObject([{ id: "e-1", name: "By ID", parentId: standIn.globalEntityId }]);
    expect(violations).toEqual([]);
  });

  it("refuses a seed with problems whole, listing each with its path", async () => {
    const refused = await call("POST", "seed", {
      entities: { DE: { parent: "EMAE" } },
      connections: [{ from: "Global", to: "Nowhere" }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.problems).toEqual([
      { path: ["entities", "DE", "parent"], message: "its parent EMAE is neither in the seed nor in the tenant" },
      { path: ["connections", 0, "to"], message: "no entity named Nowhere, in the seed or in the tenant" },
    ]);
    expect(Object.keys(standIn.stateByName().entities)).toEqual(["Global"]);
    expect(violations).toEqual([]);
  });

  it("restores a saved state with PUT, into another stand-in, IDs and all", async () => {
    await call("POST", "seed", emea);
    const saved = (await call("GET", "state")).body;
    const other = await listen(createStandIn());
    try {
      const put = await checked(`${other.url}/__stand-in/state`, { method: "PUT", body: JSON.stringify(saved) });
      expect(put.status).toBe(200);
      expect(await put.json()).toEqual(saved);
      expect(await (await checked(`${other.url}/__stand-in/state`, {})).json()).toEqual(saved);
    } finally {
      await other.close();
    }
    expect(violations).toEqual([]);
  });

  it("arms a fault, refuses a plan it cannot meet, and lists the requests it handled", async () => {
    expect((await call("POST", "faults", { fault: { status: 503 }, operationId: "listEntities" })).status).toBe(204);
    expect((await call("POST", "faults", { fault: { status: 999 } })).status).toBe(400);
    const listed = await fetch(`${server.url}/v1/entities`, { headers: { authorization: "Bearer t" } });
    expect(listed.status).toBe(503);
    expect((await call("GET", "requests")).body).toEqual([
      { method: "GET", path: "/v1/entities", operationId: "listEntities", status: 503 },
    ]);
    expect(violations).toEqual([]);
  });

  it("starts over on reset", async () => {
    await call("POST", "seed", emea);
    expect((await call("POST", "reset")).status).toBe(204);
    expect(Object.keys((await call("GET", "state")).body.entities)).toEqual(["Global"]);
    expect(violations).toEqual([]);
  });

  it("answers another method with 405 and the methods it takes, and another endpoint with 404", async () => {
    // Not operations of the contract, so not checked against it: what each answers is the point.
    const answer = async (method: string, endpoint: string) => {
      const response = await fetch(`${server.url}/__stand-in/${endpoint}`, { method });
      return { status: response.status, allow: response.headers.get("allow"), body: await response.json() };
    };
    expect(await answer("DELETE", "state")).toEqual({
      status: 405,
      allow: "GET, PUT",
      body: { message: "/__stand-in/state takes GET, PUT, not DELETE." },
    });
    expect(await answer("GET", "reset")).toMatchObject({ status: 405, allow: "POST" });
    expect(await answer("GET", "nothing")).toEqual({
      status: 404,
      allow: null,
      body: { message: "No stand-in endpoint GET /__stand-in/nothing." },
    });
  });

  it("is checked for real: an answer off the control API's contract is a violation", () => {
    const headers = new Headers({ "content-type": "application/json" });
    const state = { version: 1, tenantId: "9999", entities: { Global: { id: "g" } }, connections: [] };
    expect(contract.check("GET", "/__stand-in/state", { status: 200, headers, body: JSON.stringify(state) })).toEqual([
      expect.stringMatching(/^GET \/__stand-in\/state → 200: body .*must have required property/),
    ]);
  });
});
