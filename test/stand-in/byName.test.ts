import { describe, expect, it } from "vitest";
import { createZuoraClient } from "../../src/index.js";
import { createStandIn, SeedError, type TenantByName } from "../../stand-in/index.js";

const place = { locale: "en_GB", timezone: "Europe/London" };

/** The tenant of the hierarchy file's own example, by names, with a user and a shared product. */
const EMEA: TenantByName = {
  entities: {
    EMEA: { parent: "Global", ...place, provisioned: true },
    DE: { parent: "EMEA", displayName: "Germany", locale: "de_DE", timezone: "Europe/Berlin", provisioned: true },
    FR: { parent: "EMEA", locale: "fr_FR", timezone: "Europe/Paris" },
  },
  connections: [
    { from: "Global", to: "EMEA", status: "Connected" },
    { from: "EMEA", to: "DE" },
  ],
  users: { "emea-admin": { home: "EMEA", access: ["DE"], administers: ["EMEA"] } },
  products: [{ id: "gold", name: "Gold plan", sharedWith: ["EMEA"] }],
};

/** The seed's error, or a failure when it was not refused. */
function refusal(run: () => unknown): SeedError {
  try {
    run();
  } catch (error) {
    if (error instanceof SeedError) return error;
    throw error;
  }
  throw new Error("the seed was not refused");
}

describe("a seed by names (the hierarchy file's shape)", () => {
  it("adds entities under their parents' names, connections, users and products by names", () => {
    const standIn = createStandIn();
    const state = standIn.seedByName(EMEA);
    const ids = Object.fromEntries(standIn.state().entities.map((e) => [e.name, e.id]));
    expect(standIn.state().entities.find((e) => e.name === "DE")).toMatchObject({
      parentId: ids.EMEA,
      displayName: "Germany",
      status: "Provisioned",
    });
    expect(state.entities.FR).toEqual({
      id: ids.FR,
      parent: "EMEA",
      displayName: "FR",
      locale: "fr_FR",
      timezone: "Europe/Paris",
      provisioned: false,
    });
    expect(state.entities.Global).toMatchObject({ id: standIn.globalEntityId, provisioned: true });
    expect(state.entities.Global).not.toHaveProperty("parent");
    expect(state.connections.map(({ from, to, status }) => `${from}->${to} ${status}`)).toEqual([
      "Global->EMEA Connected",
      "EMEA->DE Pending",
    ]);
    expect(state.users["emea-admin"]).toEqual({
      home: "EMEA",
      access: ["EMEA", "DE"],
      administers: ["EMEA"],
      pending: [],
    });
    expect(state.products).toEqual([{ id: "gold", name: "Gold plan", owner: "Global", sharedWith: ["EMEA"] }]);
  });

  it("answers over the API as seeded: the user's access and the connection are there for the client", async () => {
    const standIn = createStandIn();
    standIn.seedByName(EMEA);
    const zuora = createZuoraClient({
      baseUrl: "https://rest.test.zuora.com",
      auth: "any-token",
      fetch: standIn.fetch,
    });
    const { entities } = await zuora.listAccessibleEntities("emea-admin");
    expect(entities.map((e) => e.name)).toEqual(["EMEA", "DE"]);
    const emea = standIn.state().entities.find((e) => e.name === "EMEA")?.id ?? "";
    const { entityConnections } = await zuora.listConnections({ type: "inbound" }, { entityIds: emea });
    expect(entityConnections.map((c) => c.status)).toEqual(["Connected"]);
  });

  it("places children before their parents' lines in any order, names them by ID too, and keeps given IDs", () => {
    const standIn = createStandIn();
    const state = standIn.seedByName({
      entities: {
        "2024": { parent: "Region", id: "e-2024" },
        Region: { parent: standIn.globalEntityId, id: "e-region" },
      },
      users: { auditor: ["e-region", "2024"] },
    });
    expect(state.entities["2024"]).toMatchObject({ id: "e-2024", parent: "Region" });
    expect(state.users.auditor).toMatchObject({ home: "Region", access: ["Region", "2024"] });
  });

  it("reports every problem at once, where it is, and adds nothing", () => {
    const standIn = createStandIn();
    const before = standIn.stateByName();
    const error = refusal(() =>
      standIn.seedByName({
        entities: {
          Second: { ...place },
          Orphan: { parent: "Nowhere" },
          A: { parent: "B" },
          B: { parent: "A" },
          Early: { parent: "FR", provisioned: true },
          FR: { parent: "Global", locale: "fr" },
          Unprov: { parent: "Global" },
          Deep: { parent: "Unprov", provisioned: true },
        },
        connections: [{ from: "Global", to: "Atlantis" }, { from: "Unprov", to: "Unprov" }, { to: "Unprov" }],
        users: { bob: { home: "Mars", colour: "red" } },
        products: [{ owner: "Venus" }],
        extra: true,
      } as TenantByName),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.problems.map((p) => `${p.path.join(".")}: ${p.message}`)).toEqual([
      "extra: unknown key `extra` (it takes $schema, version, tenantId, entities, connections, users, products, oauthClients)",
      "entities.Second: Second has no `parent`: only the global entity (Global) may have none",
      expect.stringMatching(/^entities\.FR: Invalid value for the field locale: "fr"/),
      "entities.Orphan.parent: its parent Nowhere is neither in the seed nor in the tenant",
      "entities.Deep.provisioned: Deep cannot be provisioned under the unprovisioned Unprov",
      "entities.A.parent: a cycle of parents: A → B → A",
      "entities.B.parent: a cycle of parents: B → A → B",
      "entities.Early.parent: its parent FR was refused",
      "connections.0.to: no entity named Atlantis, in the seed or in the tenant",
      "connections.1: an entity cannot connect to itself",
      "connections.2.from: must be an entity's name (a string)",
      "users.bob.colour: unknown key `colour` (it takes home, access, administers, pending)",
      "users.bob.home: no entity named Mars, in the seed or in the tenant",
      "products.0.owner: no entity named Venus, in the seed or in the tenant",
    ]);
    expect(error.message).toMatch(/^seed: 14 problems:\n {2}extra: unknown key/);
    expect(standIn.stateByName()).toEqual(before);
  });

  it("says which list is no list and which item is no mapping, in the list's order", () => {
    const said = (seed: unknown) =>
      refusal(() => createStandIn().seedByName(seed as TenantByName)).problems.map(
        (p) => `${p.path.join(".")}: ${p.message}`,
      );
    const connections = [{ from: "Global", to: "Atlantis" }, "Global->EMEA"];
    expect(said({ connections, products: { gold: {} } })).toEqual([
      "connections.0.to: no entity named Atlantis, in the seed or in the tenant",
      "connections.1: a connection must be a mapping { from, to, status }",
      "products: `products` must be a list of { id, name, owner, sharedWith }",
    ]);
    expect(said({ connections: { from: "Global" }, products: [42, { owner: "Venus" }] })).toEqual([
      "connections: `connections` must be a list of { from, to, status }",
      "products.0: a product must be a mapping { id, name, owner, sharedWith }",
      "products.1.owner: no entity named Venus, in the seed or in the tenant",
    ]);
  });

  it("refuses a name or an ID the tenant has, and a second open connection between two entities", () => {
    const standIn = createStandIn();
    standIn.seedByName(EMEA);
    const error = refusal(() =>
      standIn.seedByName({
        entities: { DE: { parent: "Global" }, Other: { parent: "Global", id: standIn.state().entities[1]?.id } },
        connections: [{ from: "EMEA", to: "Global", status: "Pending" }],
      }),
    );
    expect(error.problems.map((p) => p.message)).toEqual([
      "an entity named DE already exists",
      `the entity ${standIn.state().entities[1]?.id} exists`,
      "the entities already have a connected connection",
    ]);
  });

  it("takes the global entity by its name, and by its ID to rename it", () => {
    const standIn = createStandIn();
    standIn.seedByName({ entities: { Global: { displayName: "Acme", locale: "en_US", timezone: "UTC" } } });
    expect(standIn.stateByName().entities.Global).toMatchObject({ displayName: "Acme", timezone: "UTC" });
    const renamed = standIn.seedByName({
      entities: { Acme: { id: standIn.globalEntityId }, EU: { parent: "Acme" } },
    });
    expect(Object.keys(renamed.entities)).toEqual(["Acme", "EU"]);
    expect(renamed.entities.EU?.parent).toBe("Acme");
    expect(refusal(() => standIn.seedByName({ entities: { Acme: { provisioned: false } } })).message).toBe(
      "seed: entities.Acme.provisioned: the global entity is always provisioned",
    );
  });
});

describe("a stand-in that starts from a seed by names", () => {
  it("starts from it, its root as the global entity, and starts from it again on reset()", async () => {
    const standIn = createStandIn({
      seed: {
        tenantId: "4242",
        entities: {
          Acme: { locale: "en_US", timezone: "UTC" },
          ...EMEA.entities,
          EMEA: { ...EMEA.entities?.EMEA, parent: "Acme" },
        },
      },
    });
    const zuora = createZuoraClient({
      baseUrl: "https://rest.test.zuora.com",
      auth: "any-token",
      fetch: standIn.fetch,
    });
    const global = await zuora.getEntity(standIn.globalEntityId);
    expect(global).toMatchObject({ name: "Acme", timezone: "UTC", tenantId: "4242", parentId: null });
    expect(standIn.stateByName().entities.EMEA?.parent).toBe("Acme");
    await zuora.createEntity({ name: "Extra", parentId: standIn.globalEntityId, ...place });
    standIn.reset();
    expect(Object.keys(standIn.stateByName().entities)).toEqual(["Acme", "EMEA", "DE", "FR"]);
  });

  it("refuses a seed with problems when it is made, and a global entity given twice", () => {
    expect(() => createStandIn({ seed: { entities: { X: { parent: "Y" } } } })).toThrow(SeedError);
    expect(() => createStandIn({ global: { name: "G" }, seed: { entities: { Acme: {} } } })).toThrow(
      /options\.global and options\.seed's Acme .* both describe the global entity/,
    );
  });
});

describe("a state by names", () => {
  it("restores into another stand-in as the same tenant, IDs included, and new IDs do not collide", async () => {
    const first = createStandIn();
    first.seedByName(EMEA);
    const zuora = createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: "any-token", fetch: first.fetch });
    await zuora.createEntity({ name: "Made", parentId: first.globalEntityId, ...place });
    const saved = JSON.parse(JSON.stringify(first.stateByName()));

    const second = createStandIn({ seed: { entities: { Other: { parent: "Global" } } } });
    expect(second.restore(saved)).toEqual(saved);
    expect(second.state()).toEqual(first.state());
    const again = createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: "any-token", fetch: second.fetch });
    const made = await again.createEntity({ name: "After", parentId: second.globalEntityId, ...place });
    expect(first.state().entities.map((e) => e.id)).not.toContain(made.id);
    second.reset();
    expect(Object.keys(second.stateByName().entities)).toEqual(["Global", "Other"]);
  });

  it("keeps a user and an OAuth client named __proto__ as any other, in the state and through a restore", async () => {
    // As a state file or a request body reads: JSON.parse makes `__proto__` a key like any other.
    const seed = JSON.parse(
      '{"users": {"__proto__": {"home": "Global", "access": ["Global"]}}, "oauthClients": {"__proto__": {"secret": "s", "user": "__proto__"}}}',
    );
    const first = createStandIn();
    first.seedByName(seed);
    const saved = JSON.parse(JSON.stringify(first.stateByName()));
    expect(Object.keys(saved.users)).toEqual(["admin", "__proto__"]);
    expect(new Map(Object.entries(saved.users)).get("__proto__")).toEqual({
      home: "Global",
      access: ["Global"],
      administers: [],
      pending: [],
    });
    const second = createStandIn();
    expect(Object.keys(second.restore(saved).users)).toEqual(["admin", "__proto__"]);
    // The client is seeded: its secret is checked (an unknown client's is not, without `auth.clients`).
    const token = (secret: string) =>
      first.fetch("https://rest.test.zuora.com/oauth/token", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `client_id=__proto__&client_secret=${secret}&grant_type=client_credentials`,
      });
    expect((await token("s")).status).toBe(200);
    expect((await token("wrong")).status).toBe(401);
  });

  it("holds a state to the seed's rules: IDs of the spec's shape, one ID per record, display names, shares", () => {
    const standIn = createStandIn();
    standIn.seedByName(EMEA);
    const saved = JSON.parse(JSON.stringify(standIn.stateByName()));
    const edits: [string, (state: typeof saved) => void, string][] = [
      ["a malformed entity ID", (s) => (s.entities.DE.id = "not an id!"), "entities.DE.id: `id` must be one or more"],
      [
        "a connection with an entity's ID",
        (s) => (s.connections[0].id = s.entities.FR.id),
        `connections.0.id: ${saved.entities.FR.id} is the ID of an entity`,
      ],
      [
        "a display name of 10 MB",
        (s) => (s.entities.FR.displayName = "x".repeat(10_000_000)),
        "entities.FR.displayName: `displayName` must be 1 to 255 characters",
      ],
      [
        "a share with no connection from the owner",
        (s) => s.products[0].sharedWith.push("FR"),
        "products.0.sharedWith.1: no Connected connection goes from the product's owner to FR",
      ],
    ];
    for (const [what, edit, problem] of edits) {
      const state = structuredClone(saved);
      edit(state);
      const restored = createStandIn();
      const error = refusal(() => restored.restore(state));
      expect(error.problems.map((p) => `${p.path.join(".")}: ${p.message}`).join("\n"), what).toContain(problem);
      // The seed is held to the same rules: one check.
      expect(refusal(() => createStandIn().seedByName(state)).problems, what).toEqual(error.problems);
    }
  });

  it("keeps the tenant as it was when the state is refused", () => {
    const standIn = createStandIn();
    standIn.seedByName(EMEA);
    const before = standIn.stateByName();
    expect(() => standIn.restore({ entities: { Global: {}, X: { parent: "Y" } } })).toThrow(SeedError);
    expect(standIn.stateByName()).toEqual(before);
  });
});
