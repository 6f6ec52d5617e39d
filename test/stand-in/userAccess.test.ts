import { describe, expect, it } from "vitest";
import type { StandIn } from "../../stand-in/index.js";
import { euAndUs } from "../support/euAndUs.js";
import { outcome } from "../support/outcome.js";
import { clientsOver, transports } from "../support/standInTransports.js";

// User access across entities as Zuora's Knowledge Center describes it: granting (send, then accept, unless the
// sender also administers the entity), denying (a pending request, or an access the user already has), and only
// between entities Zuora has set up (provisioned).

/** The global entity, provisioned eu, us and far, unprovisioned draft; `jane` is a user of eu. */
function tenant() {
  return euAndUs({
    entities: [
      { id: "far", name: "Far", status: "Provisioned" },
      { id: "draft", name: "Draft" },
    ],
    users: { jane: { home: "eu" } },
  }).standIn;
}

const jane = (standIn: StandIn) => standIn.state().users.find((u) => u.username === "jane");

describe.each(transports)("denying user access ($name)", (transport) => {
  const clientOn = clientsOver(transport);

  it("takes away an access the user already has, as well as dropping a pending request", async () => {
    const standIn = tenant();
    standIn.seed({ users: { jane: { home: "eu", access: ["us"], pending: ["far"] } } });
    const zuora = await clientOn(standIn);
    const reaches = async () => (await zuora.listAccessibleEntities("jane")).entities.map((e) => e.id);
    expect(await reaches()).toEqual(["eu", "us"]);
    expect(await outcome(zuora.denyUserAccess("jane", { entityIds: "us" }))).toBe("success");
    expect(await reaches()).toEqual(["eu"]);
    expect(await outcome(zuora.denyUserAccess("jane", { entityIds: "far" }))).toBe("success");
    expect(jane(standIn)).toMatchObject({ access: ["eu"], pending: [] });
    // Nothing left to deny; and the entity the user was created in cannot deny it.
    expect(await outcome(zuora.denyUserAccess("jane", { entityIds: "us" }))).toBe(
      "refused 30: The user jane has neither access nor a pending access request to the entity us to be denied.",
    );
    expect(await outcome(zuora.denyUserAccess("jane", { entityIds: "eu" }))).toBe(
      "refused 30: The user jane was created in the entity eu: it cannot be denied.",
    );
  });

  it("takes one entity from a user who could access all, and its administration with it", async () => {
    const standIn = tenant();
    standIn.seed({ users: { ops: { access: "all", administers: ["us"] } } });
    const zuora = await clientOn(standIn);
    expect(await outcome(zuora.denyUserAccess("ops", { entityIds: "us" }))).toBe("success");
    const ops = standIn.state().users.find((u) => u.username === "ops");
    expect(ops?.access).toEqual([standIn.globalEntityId, "eu", "far", "draft"]);
    expect(ops?.administers).toEqual([]);
  });
});

describe.each(transports)("automatic acceptance ($name)", (transport) => {
  const clientOn = clientsOver(transport);

  it("grants at once an entity the sender also administers; the others wait for their administrators", async () => {
    const standIn = tenant();
    standIn.seed({
      users: { boss: { home: "eu", administers: ["eu", "us"], access: ["far"] } },
      oauthClients: { boss: { secret: "s", user: "boss" } },
    });
    const boss = await clientOn(standIn, { clientId: "boss", clientSecret: "s" }, { entityIds: "eu" });
    expect(await outcome(boss.requestUserAccess("jane", { targetEntityIds: ["us", "far"] }))).toBe("success");
    expect(jane(standIn)).toMatchObject({ access: ["eu", "us"], pending: ["far"] });
    // Nothing is pending in us: a later accept there finds nothing to accept, as on Zuora.
    const usAdmin = await clientOn(standIn, "any-token", { entityIds: "us" });
    expect(await outcome(usAdmin.acceptUserAccess("jane"))).toBe(
      "refused 30: The user jane has no pending access request to the entity us to be accepted.",
    );
  });

  it("leaves every request pending when sent with a static token (an administrator of the home entity alone)", async () => {
    const standIn = tenant();
    const zuora = await clientOn(standIn, "any-token", { entityIds: "eu" });
    expect(await outcome(zuora.requestUserAccess("jane", { targetEntityIds: ["us"] }))).toBe("success");
    expect(jane(standIn)).toMatchObject({ access: ["eu"], pending: ["us"] });
  });
});

describe.each(transports)("user access and unprovisioned entities ($name)", (transport) => {
  const clientOn = clientsOver(transport);

  it("refuses to ask access to an entity that is not provisioned (30), granting nothing", async () => {
    const standIn = tenant();
    const zuora = await clientOn(standIn, "any-token", { entityIds: "eu" });
    expect(await outcome(zuora.requestUserAccess("jane", { targetEntityIds: ["us", "draft"] }))).toBe(
      "refused 30: The entity draft is not provisioned: it cannot give users access yet.",
    );
    expect(jane(standIn)).toMatchObject({ access: ["eu"], pending: [] });
  });

  it("refuses to accept access from inside an entity that is not provisioned (30)", async () => {
    const standIn = tenant();
    standIn.seed({ users: { jane: { home: "eu", pending: ["draft"] } } });
    const zuora = await clientOn(standIn, "any-token", { entityIds: "draft" });
    expect(await outcome(zuora.acceptUserAccess("jane"))).toBe(
      "refused 30: The entity draft is not provisioned: nothing can be done in it until it is.",
    );
    expect(jane(standIn)).toMatchObject({ access: ["eu"], pending: ["draft"] });
  });
});

describe.each(transports)("deleting an entity ($name)", (transport) => {
  const clientOn = clientsOver(transport);

  it("drops pending access requests to it, and the users created in it", async () => {
    const standIn = tenant();
    standIn.seed({
      entities: [{ id: "draft-child", name: "Draft child", parentId: "draft" }],
      users: { jane: { home: "eu", pending: ["draft", "draft-child"] }, intern: { home: "draft-child" } },
    });
    const zuora = await clientOn(standIn);
    expect(await outcome(zuora.deleteEntity("draft"))).toBe("success");
    expect(jane(standIn)).toMatchObject({ pending: [] });
    expect(standIn.state().users.map((u) => u.username)).toEqual(["admin", "jane"]);
  });
});
