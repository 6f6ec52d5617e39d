import { describe, expect, it } from "vitest";
import { euAndUs } from "../support/euAndUs.js";
import { outcome } from "../support/outcome.js";
import { clientsOver, transports } from "../support/standInTransports.js";

// Who may do what, as each operation's "User Access Permission" in Zuora's reference says: a token issued to an
// OAuth client acts as the client's user; any other token as an administrator of the entity the call runs in.

const place = { locale: "en_US", timezone: "America/Los_Angeles" };

/**
 * The global entity, two provisioned children (eu, us) and an unprovisioned one (draft); users: `boss` administers
 * the global entity, `eu-admin` administers eu and can access nothing else, `clerk` can access eu and us and
 * administers nothing; each has an OAuth client named after it (secret `s`).
 */
function tenant() {
  const { standIn, global } = euAndUs({ entities: [{ id: "draft", name: "Draft" }] });
  standIn.seed({
    users: {
      boss: { administers: [global] },
      "eu-admin": { home: "eu", administers: ["eu"] },
      clerk: { home: "eu", access: ["us"] },
      jane: { home: "eu" },
    },
    oauthClients: {
      boss: { secret: "s", user: "boss" },
      "eu-admin": { secret: "s", user: "eu-admin" },
      clerk: { secret: "s", user: "clerk" },
    },
  });
  return { standIn, global };
}

const as = (clientId: string) => ({ clientId, clientSecret: "s" });

describe.each(transports)("who may change the hierarchy ($name)", (transport) => {
  const clientOn = clientsOver(transport);

  it("refuses creating, updating, provisioning and deleting entities from a sub-entity (10), changing nothing", async () => {
    const { standIn, global } = tenant();
    const before = standIn.state().entities;
    const zuora = await clientOn(standIn, "any-token", { entityIds: "eu" });
    const refusal = `refused 10: createEntity is for a global entity administrator, in the global entity (${global}); this call runs in eu.`;
    expect(await outcome(zuora.createEntity({ name: "New", parentId: global, ...place }))).toBe(refusal);
    expect(await outcome(zuora.updateEntity("draft", { displayName: "Renamed" }))).toMatch(
      /^refused 10: updateEntity /,
    );
    expect(await outcome(zuora.provisionEntity("draft"))).toMatch(/^refused 10: provisionEntity /);
    expect(await outcome(zuora.deleteEntity("draft"))).toMatch(/^refused 10: deleteEntity /);
    expect(standIn.state().entities).toEqual(before);
  });

  it("lets the global entity's administrator make all four changes, with a static token or as a user", async () => {
    const { standIn, global } = tenant();
    const admin = await clientOn(standIn);
    expect(await outcome(admin.updateEntity("draft", { displayName: "Renamed" }))).toBe("success");
    expect(await outcome(admin.provisionEntity("draft"))).toBe("success");
    const boss = await clientOn(standIn, as("boss"));
    const created = await boss.createEntity({ name: "New", parentId: global, ...place });
    expect(await outcome(boss.deleteEntity(created.id))).toBe("success");
  });

  it("refuses a user who can work in the global entity but does not administer it (10)", async () => {
    const { standIn, global } = tenant();
    standIn.seed({ users: { reader: { access: "all" } }, oauthClients: { reader: { secret: "s", user: "reader" } } });
    const reader = await clientOn(standIn, as("reader"), { entityIds: global });
    expect(await outcome(reader.createEntity({ name: "New", parentId: global, ...place }))).toBe(
      "refused 10: createEntity is for a global entity administrator, and the user reader is not one.",
    );
    expect(await outcome(reader.provisionEntity("draft"))).toMatch(/^refused 10: /);
    expect((await reader.listEntities()).entities).toHaveLength(4);
  });
});

describe.each(transports)("who may ask: connections and user access ($name)", (transport) => {
  const clientOn = clientsOver(transport);

  it("initiating a connection needs an administrator of the source who can access the target (10)", async () => {
    const { standIn } = tenant();
    // eu-admin's token is valid for eu alone, so its calls run there without Zuora-Entity-Ids.
    const euAdmin = await clientOn(standIn, as("eu-admin"));
    expect(await outcome(euAdmin.initiateConnection({ targetEntityId: "us" }))).toBe(
      "refused 10: initiateConnection needs an administrator who can access the entity us, and the user eu-admin cannot.",
    );
    const clerk = await clientOn(standIn, as("clerk"), { entityIds: "eu" });
    expect(await outcome(clerk.initiateConnection({ targetEntityId: "us" }))).toBe(
      "refused 10: initiateConnection is for an administrator of the entity eu, and the user clerk is not one.",
    );
    expect(standIn.state().connections).toEqual([]);

    standIn.seed({ users: { "eu-admin": { home: "eu", administers: ["eu"], access: ["us"] } } });
    const { id } = await euAdmin.initiateConnection({ targetEntityId: "us" }, { entityIds: "eu" });
    expect(standIn.state().connections).toEqual([
      { id, sourceEntityId: "eu", targetEntityId: "us", status: "Pending" },
    ]);
  });

  it("requesting user access needs an administrator of the user's home who can access the targets (10)", async () => {
    const { standIn } = tenant();
    const euAdmin = await clientOn(standIn, as("eu-admin"));
    expect(await outcome(euAdmin.requestUserAccess("jane", { targetEntityIds: ["us"] }))).toBe(
      "refused 10: requestUserAccess needs an administrator who can access the entity us, and the user eu-admin cannot.",
    );
    const clerk = await clientOn(standIn, as("clerk"), { entityIds: "eu" });
    expect(await outcome(clerk.requestUserAccess("jane", { targetEntityIds: ["us"] }))).toMatch(
      /^refused 10: requestUserAccess is for an administrator of the entity eu/,
    );
    expect(standIn.state().users.find((u) => u.username === "jane")?.pending).toEqual([]);
  });

  it("accepting or denying a connection, or a user's access, is for the target's administrator (10)", async () => {
    const { standIn } = tenant();
    standIn.seed({
      connections: [{ id: "c-1", sourceEntityId: "eu", targetEntityId: "us", status: "Pending" }],
      users: { jane: { home: "eu", pending: ["us"] } },
    });
    const clerk = await clientOn(standIn, as("clerk"), { entityIds: "us" });
    for (const call of [
      clerk.acceptConnection("c-1"),
      clerk.denyConnection("c-1"),
      clerk.acceptUserAccess("jane"),
      clerk.denyUserAccess("jane"),
    ]) {
      expect(await outcome(call)).toMatch(
        /^refused 10: \w+ is for an administrator of the entity us, and the user clerk/,
      );
    }
    const admin = await clientOn(standIn, "any-token", { entityIds: "us" });
    expect(await outcome(admin.acceptConnection("c-1"))).toBe("success");
    expect(await outcome(admin.acceptUserAccess("jane"))).toBe("success");
  });

  it("disconnecting is for an administrator of the source or the target (10)", async () => {
    const { standIn } = tenant();
    standIn.seed({ connections: [{ id: "c-1", sourceEntityId: "eu", targetEntityId: "us", status: "Connected" }] });
    const clerk = await clientOn(standIn, as("clerk"), { entityIds: "eu" });
    expect(await outcome(clerk.disconnectConnection("c-1"))).toMatch(/^refused 10: disconnectConnection is for/);
    const euAdmin = await clientOn(standIn, as("eu-admin"));
    expect(await outcome(euAdmin.disconnectConnection("c-1"))).toBe("success");
  });
});

describe.each(transports)("the entity a call runs in ($name)", (transport) => {
  const clientOn = clientsOver(transport);

  it("is the user's only entity without Zuora-Entity-Ids; a user of several must name one (10)", async () => {
    const { standIn } = tenant();
    const euAdmin = await clientOn(standIn, as("eu-admin"));
    expect((await euAdmin.listConnections()).entityConnections).toEqual([]);
    const clerk = await clientOn(standIn, as("clerk"));
    expect(await outcome(clerk.listConnections())).toBe(
      "refused 10: The user clerk can access several entities: name the one the call runs in with Zuora-Entity-Ids.",
    );
    expect(await outcome(clerk.listConnections({}, { entityIds: "us" }))).toBe("success");
  });

  it("must be one the user can access (10), and exist (40)", async () => {
    const { standIn, global } = tenant();
    const euAdmin = await clientOn(standIn, as("eu-admin"));
    expect(await outcome(euAdmin.getEntity("eu", { entityIds: global }))).toBe(
      `refused 10: The user eu-admin cannot access the entity ${global} (Zuora-Entity-Ids).`,
    );
    expect(await outcome(euAdmin.getEntity("eu", { entityIds: "gone" }))).toBe(
      "refused 40: The entity gone in Zuora-Entity-Ids does not exist.",
    );
  });

  it("with a static token, is the global entity unless the header names another, as before", async () => {
    const { standIn, global } = tenant();
    const zuora = await clientOn(standIn);
    const { id } = await zuora.initiateConnection({ targetEntityId: "eu" });
    expect(standIn.state().connections[0]).toMatchObject({ id, sourceEntityId: global, targetEntityId: "eu" });
    expect(await outcome(zuora.acceptConnection(id, { entityIds: "eu" }))).toBe("success");
  });

  it("refuses the token of an OAuth client with a wrong secret, and a client whose user is unknown at seeding", async () => {
    const { standIn } = tenant();
    const wrong = await clientOn(standIn, { clientId: "boss", clientSecret: "not-it" });
    await expect(wrong.listEntities()).rejects.toMatchObject({ name: "ZuoraAuthenticationError" });
    expect(() => standIn.seed({ oauthClients: { ghost: { secret: "s", user: "nobody" } } })).toThrow(
      "seed: OAuth client ghost: the user nobody does not exist",
    );
  });
});
