import { describe, expect, it } from "vitest";
import { createZuoraClient, reasonCategory } from "../../src/index.js";
import { createStandIn } from "../../stand-in/index.js";
import { outcome } from "../support/outcome.js";

const BASE = "https://rest.test.zuora.com";

/** A stand-in with two provisioned children of the global entity (home and away), and a client on it. */
function setUp() {
  const standIn = createStandIn();
  const zuora = createZuoraClient({ baseUrl: BASE, auth: "any-token", fetch: standIn.fetch });
  standIn.seed({
    entities: [
      { id: "home", name: "Home", status: "Provisioned" },
      { id: "away", name: "Away", status: "Provisioned" },
      { id: "far", name: "Far", status: "Provisioned" },
    ],
    users: { jane: { home: "home" } },
  });
  return { standIn, zuora };
}

/** A raw request to the stand-in, made in the global entity, without the client's checks in the way. */
async function raw(standIn: ReturnType<typeof createStandIn>, method: string, path: string, body?: unknown) {
  const response = await standIn.fetch(`${BASE}${path}`, {
    method,
    headers: {
      authorization: "Bearer t",
      "content-type": "application/json",
      "zuora-entity-ids": standIn.globalEntityId,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as { success: boolean; reasons?: { code: number; message: string }[] };
  const reason = answer.reasons?.[0];
  return reason ? `refused ${reasonCategory(reason.code)}: ${reason.message}` : `${response.status} ${answer.success}`;
}

describe("user access across entities on the stand-in", () => {
  it("request → pending → accept: listAccessibleEntities then includes the entity", async () => {
    const { standIn, zuora } = setUp();
    const accessible = async () => (await zuora.listAccessibleEntities("jane")).entities.map((e) => e.id);
    expect(await accessible()).toEqual(["home"]);

    await zuora.requestUserAccess("jane", { targetEntityIds: ["away", "far"] }, { entityIds: "home" });
    expect(standIn.state().users.find((u) => u.username === "jane")).toEqual({
      username: "jane",
      homeEntityId: "home",
      access: ["home"],
      administers: [],
      pending: ["away", "far"],
    });
    expect(await accessible()).toEqual(["home"]);

    expect(await outcome(zuora.acceptUserAccess("jane", { entityIds: "away" }))).toBe("success");
    expect(await accessible()).toEqual(["home", "away"]);
    expect(standIn.state().users.find((u) => u.username === "jane")?.pending).toEqual(["far"]);
  });

  it("deny drops the request: nothing is granted, and the home entity may ask again", async () => {
    const { zuora } = setUp();
    await zuora.requestUserAccess("jane", { targetEntityIds: ["away"] }, { entityIds: "home" });
    expect(await outcome(zuora.denyUserAccess("jane", { entityIds: "away" }))).toBe("success");
    expect((await zuora.listAccessibleEntities("jane")).entities.map((e) => e.id)).toEqual(["home"]);
    expect(await outcome(zuora.acceptUserAccess("jane", { entityIds: "away" }))).toBe(
      "refused 30: The user jane has no pending access request to the entity away to be accepted.",
    );
    expect(await outcome(zuora.requestUserAccess("jane", { targetEntityIds: ["away"] }, { entityIds: "home" }))).toBe(
      "success",
    );
  });

  it("refuses unknown users and entities as not found, and other callers and repeats by the rules", async () => {
    const { zuora } = setUp();
    const ask = (user: string, ids: string[], entityIds = "home") =>
      outcome(zuora.requestUserAccess(user, { targetEntityIds: ids }, { entityIds }));
    expect(await ask("nobody", ["away"])).toBe("refused 40: The user nobody does not exist.");
    expect(await ask("jane", ["away", "missing"])).toBe("refused 40: The entity missing does not exist.");
    expect(await ask("jane", ["away"], "far")).toBe(
      "refused 10: Only an administrator of jane's home entity (home) can ask access for the user.",
    );
    expect(await ask("jane", ["home"])).toBe("refused 30: The user jane can already access the entity home.");
    expect(await ask("jane", ["away"])).toBe("success");
    expect(await ask("jane", ["far", "away"])).toBe(
      "refused 30: The user jane already has a pending request for the entity away.",
    );
    // All or nothing: the refused request left far unasked.
    expect(await outcome(zuora.denyUserAccess("jane", { entityIds: "far" }))).toBe(
      "refused 30: The user jane has neither access nor a pending access request to the entity far to be denied.",
    );
    expect(await outcome(zuora.acceptUserAccess("nobody", { entityIds: "away" }))).toBe(
      "refused 40: The user nobody does not exist.",
    );
    expect(await outcome(zuora.acceptUserAccess("jane", { entityIds: "missing" }))).toBe(
      "refused 40: The entity missing in Zuora-Entity-Ids does not exist.",
    );
  });

  it("keeps the list form of seeded users: the list is the access, its first entity the home", () => {
    const { standIn } = setUp();
    const [clerk] = standIn.seed({ users: { clerk: ["away", "far"] } }).users;
    expect(clerk).toEqual({
      username: "clerk",
      homeEntityId: "away",
      access: ["away", "far"],
      administers: [],
      pending: [],
    });
    expect(() => standIn.seed({ users: { ghost: { home: "missing" } } })).toThrow(
      "seed: user ghost: the entity missing does not exist",
    );
  });
});

describe("product sharing across entities on the stand-in", () => {
  /** setUp, with the global entity connected to away, and a product of the global entity's. */
  function withProduct() {
    const parts = setUp();
    const global = parts.standIn.globalEntityId;
    parts.standIn.seed({
      connections: [{ sourceEntityId: global, targetEntityId: "away", status: "Connected" }],
      products: [
        { id: "p-1", name: "Gold plan" },
        { id: "p-home", name: "Home plan", ownerEntityId: "home" },
      ],
    });
    const share = (to: string[], entityIds = global, product = "p-1") =>
      outcome(parts.zuora.shareProduct(product, { toEntityIds: to }, { entityIds }));
    return { ...parts, global, share };
  }

  it("shares a product of the global entity with an entity it is connected to, once", async () => {
    const { standIn, global, share } = withProduct();
    expect(await share(["away"])).toBe("success");
    expect(standIn.state().products[0]).toEqual({
      id: "p-1",
      name: "Gold plan",
      ownerEntityId: global,
      sharedWith: ["away"],
    });
    expect(await share(["away"])).toBe("refused 30: The product p-1 is already shared with the entity away.");
  });

  it("refuses a share made in another entity (10), and unknown products and entities (40)", async () => {
    const { global, share } = withProduct();
    expect(await share(["home"], "away")).toBe(
      `refused 10: shareProduct is for a global entity administrator, in the global entity (${global}); this call runs in away.`,
    );
    expect(await share(["away"], global, "p-404")).toBe("refused 40: The product p-404 does not exist.");
    expect(await share(["away"], global, "p-home")).toBe(
      `refused 40: The product p-home is not one of the entity ${global}'s (it belongs to home).`,
    );
    expect(await share(["missing"])).toBe("refused 40: The entity missing does not exist.");
  });

  it("refuses the owner itself and an entity no connection reaches from the owner (30)", async () => {
    const { global, share } = withProduct();
    expect(await share([global])).toBe("refused 30: A product cannot be shared with the entity that owns it.");
    expect(await share(["far"])).toBe(
      `refused 30: No connection goes from ${global} to far: connect them before sharing.`,
    );
  });

  it("refuses more than one entity at a time as a rule restriction, from a caller without the client", async () => {
    const { standIn } = withProduct();
    const path = "/v1/catalog/products/p-1/share";
    expect(await raw(standIn, "POST", path, { toEntityIds: ["away", "far"] })).toBe(
      "refused 30: The field toEntityIds takes at most 1 item(s) at a time.",
    );
    expect(await raw(standIn, "POST", path, { toEntityIds: [] })).toBe(
      "refused 20: The field toEntityIds must have at least 1 item(s).",
    );
    expect(await raw(standIn, "POST", path, { toEntityIds: "away" })).toBe(
      "refused 20: The field toEntityIds must be an array.",
    );
    expect(await raw(standIn, "POST", path, { toEntityIds: [7] })).toBe(
      "refused 20: The item 1 of field toEntityIds must be a string, not integer.",
    );
    expect(await raw(standIn, "POST", path, {})).toBe("refused 22: The field toEntityIds is required.");
    expect(await raw(standIn, "POST", path, { toEntityIds: ["away"] })).toBe("200 true");
    expect(standIn.state().products[0]?.sharedWith).toEqual(["away"]);
  });

  it("finds a user and a product whose names need percent-encoding", async () => {
    const { standIn, zuora } = withProduct();
    standIn.seed({
      users: { "ops/eu@example.com": { home: "home" } },
      products: [{ id: "a b?c" }],
    });
    await zuora.requestUserAccess("ops/eu@example.com", { targetEntityIds: ["away"] }, { entityIds: "home" });
    await zuora.shareProduct("a b?c", { toEntityIds: ["away"] });
    expect(
      standIn
        .requests()
        .slice(-2)
        .map((r) => `${r.path} ${r.operationId}`),
    ).toEqual([
      "/v1/users/ops%2Feu%40example.com/request-access requestUserAccess",
      "/v1/catalog/products/a%20b%3Fc/share shareProduct",
    ]);
    expect(standIn.state().users.find((u) => u.username === "ops/eu@example.com")?.pending).toEqual(["away"]);
    expect(standIn.state().products.find((p) => p.id === "a b?c")?.sharedWith).toEqual(["away"]);
  });

  it("seeds products owned by the global entity unless told, and refuses an unknown owner", () => {
    const { standIn } = setUp();
    const [product] = standIn.seed({ products: [{ name: "Silver" }] }).products;
    expect(product).toMatchObject({ name: "Silver", ownerEntityId: standIn.globalEntityId, sharedWith: [] });
    expect(() => standIn.seed({ products: [{ ownerEntityId: "missing" }] })).toThrow(
      "seed: the entity missing does not exist",
    );
  });
});
