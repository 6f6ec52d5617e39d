import { describe, expect, inject, it } from "vitest";
import { ZuoraBusinessError } from "../src/index.js";
import type { HandledRequest } from "../stand-in/index.js";
import { outcome } from "../test/support/outcome.js";
import { frontLog, injectFaults, uniqueTrackId } from "./support/contractClient.js";
import { seedStandIn, standInClient, uniqueName } from "./support/standInClient.js";

// The workflow users run — create, provision, connect, accept — through the public client, on the stand-in behind
// `prism proxy --errors`: every request and every answer is checked against the spec on the way through, and a test
// fails on any violation Prism reports. The stand-in is shared by every suite: each test works on entities of its own.

const place = { locale: "en_US", timezone: "America/Los_Angeles" };

type Zuora = ReturnType<typeof standInClient>["client"];

async function globalEntityId(zuora: Zuora): Promise<string> {
  const { entities } = await zuora.listEntities({ provisioned: true });
  const global = entities.find((e) => e.parentId === null);
  if (!global) throw new Error(`no global entity in ${JSON.stringify(entities)}`);
  return global.id;
}

/** The requests carrying `trackId` that reached the stand-in (through Prism). */
async function reachedStandIn(trackId: string): Promise<HandledRequest[]> {
  const response = await fetch(new URL("/__stand-in/requests", inject("standInControlUrl")));
  return ((await response.json()) as HandledRequest[]).filter((r) => r.trackId === trackId);
}

/** Two provisioned entities of the test's own, seeded, to connect. */
async function seedPair(label: string): Promise<{ source: string; target: string }> {
  const name = uniqueName(label);
  const [source, target] = [`${name}-s`, `${name}-t`];
  await seedStandIn({
    entities: [
      { id: source, name: source, status: "Provisioned" },
      { id: target, name: target, status: "Provisioned" },
    ],
  });
  return { source, target };
}

describe("the Multi-entity lifecycle on the stand-in, through the public client, checked by Prism", () => {
  it("creates, provisions in order, updates, refuses what Zuora refuses, connects, accepts and disconnects", async () => {
    const { client: zuora, violations } = standInClient();
    const name = uniqueName("Life");
    const globalId = await globalEntityId(zuora);
    const child = await zuora.createEntity({ name: `${name}-child`, parentId: globalId, ...place });
    const grandchild = await zuora.createEntity({ name: `${name}-grandchild`, parentId: child.id, ...place });

    const { entities } = await zuora.listEntities({ provisioned: false });
    expect(entities.filter((e) => e.name.startsWith(name)).map((e) => [e.id, e.status])).toEqual([
      [child.id, "Unprovisioned"],
      [grandchild.id, "Unprovisioned"],
    ]);

    expect(await outcome(zuora.provisionEntity(grandchild.id))).toBe(
      "refused 30: The entity cannot be provisioned before its parent entity is provisioned.",
    );
    expect(await outcome(zuora.provisionEntity(child.id))).toBe("success");
    expect(await outcome(zuora.provisionEntity(grandchild.id))).toBe("success");

    expect(await outcome(zuora.updateEntity(grandchild.id, { locale: "fr_FR" }))).toBe(
      "refused 30: The locale and time zone of a provisioned entity cannot be edited.",
    );
    expect(await outcome(zuora.updateEntity(grandchild.id, { displayName: `${name} Grandchild` }))).toBe("success");
    expect(await zuora.getEntity(grandchild.id)).toMatchObject({ displayName: `${name} Grandchild`, locale: "en_US" });
    expect(await outcome(zuora.deleteEntity(grandchild.id))).toBe(
      "refused 30: A provisioned entity cannot be removed.",
    );

    const { id: connectionId } = await zuora.initiateConnection(
      { targetEntityId: grandchild.id },
      { entityIds: child.id },
    );
    const both = async () => {
      const inbound = await zuora.listConnections({ type: "inbound" }, { entityIds: grandchild.id });
      const outbound = await zuora.listConnections({ type: "outbound" }, { entityIds: child.id });
      return {
        target: inbound.entityConnections.map((c) => `${c.id} ${c.status}`),
        source: outbound.entityConnections.map((c) => `${c.id} ${c.status}`),
      };
    };
    expect(await both()).toEqual({ target: [`${connectionId} Pending`], source: [`${connectionId} Pending`] });

    expect(await outcome(zuora.acceptConnection(connectionId, { entityIds: child.id }))).toBe(
      "refused 10: A connection request can only be accepted by its target entity.",
    );
    expect(await outcome(zuora.acceptConnection(connectionId, { entityIds: grandchild.id }))).toBe("success");
    expect(await both()).toEqual({ target: [`${connectionId} Connected`], source: [`${connectionId} Connected`] });
    expect(await outcome(zuora.disconnectConnection(connectionId, { entityIds: child.id }))).toBe("success");
    expect(await both()).toEqual({
      target: [`${connectionId} Disconnected`],
      source: [`${connectionId} Disconnected`],
    });

    expect(violations).toEqual([]);
  });

  it("withdraws a denied request: the target denies, neither side lists it, and the source may ask again", async () => {
    const { client: zuora, violations } = standInClient();
    const { source, target } = await seedPair("Deny");
    const { id } = await zuora.initiateConnection({ targetEntityId: target }, { entityIds: source });
    expect(await outcome(zuora.denyConnection(id, { entityIds: target }))).toBe("success");
    expect((await zuora.listConnections({}, { entityIds: target })).entityConnections).toEqual([]);
    expect((await zuora.listConnections({}, { entityIds: source })).entityConnections).toEqual([]);
    expect(await outcome(zuora.acceptConnection(id, { entityIds: target }))).toBe(
      `refused 40: The connection ${id} does not exist.`,
    );
    await expect(zuora.initiateConnection({ targetEntityId: target }, { entityIds: source })).resolves.toMatchObject({
      success: true,
    });
    expect(violations).toEqual([]);
  });

  it("user access across entities: request → pending → accept lists the entity; deny drops the request", async () => {
    const { client: zuora, violations } = standInClient();
    const { source: home, target: away } = await seedPair("Access");
    const username = `${uniqueName("jane")}@example.com`;
    await seedStandIn({ users: { [username]: { home } } });
    const accessible = async () => (await zuora.listAccessibleEntities(username)).entities.map((e) => e.id);

    expect(await outcome(zuora.requestUserAccess(username, { targetEntityIds: [away] }, { entityIds: away }))).toBe(
      `refused 10: Only an administrator of ${username}'s home entity (${home}) can ask access for the user.`,
    );
    expect(await outcome(zuora.requestUserAccess(username, { targetEntityIds: [away] }, { entityIds: home }))).toBe(
      "success",
    );
    expect(await accessible()).toEqual([home]);
    expect(await outcome(zuora.acceptUserAccess(username, { entityIds: away }))).toBe("success");
    expect(await accessible()).toEqual([home, away]);

    const { source: other } = await seedPair("Denied");
    await zuora.requestUserAccess(username, { targetEntityIds: [other] }, { entityIds: home });
    expect(await outcome(zuora.denyUserAccess(username, { entityIds: other }))).toBe("success");
    expect(await accessible()).toEqual([home, away]);
    expect(await outcome(zuora.denyUserAccess(username, { entityIds: other }))).toBe(
      `refused 30: The user ${username} has neither access nor a pending access request to the entity ${other} to be denied.`,
    );
    expect(await outcome(zuora.acceptUserAccess("nobody-at-all", { entityIds: away }))).toBe(
      "refused 40: The user nobody-at-all does not exist.",
    );
    expect(violations).toEqual([]);
  });

  it("product sharing: by the global entity, over its connection to the target, once; Idempotency-Key replays", async () => {
    const { client: zuora, violations } = standInClient();
    const owner = await globalEntityId(zuora);
    const { target } = await seedPair("Share");
    const productId = uniqueName("product");
    await seedStandIn({
      connections: [{ sourceEntityId: owner, targetEntityId: target, status: "Connected" }],
      products: [{ id: productId, ownerEntityId: owner }],
    });
    const share = (as: string, options: { idempotencyKey?: string } = {}) =>
      outcome(zuora.shareProduct(productId, { toEntityIds: [target] }, { entityIds: as, ...options }));

    expect(await share(target)).toBe(
      `refused 10: shareProduct is for a global entity administrator, in the global entity (${owner}); this call runs in ${target}.`,
    );
    const key = uniqueName("share-key");
    expect(await share(owner, { idempotencyKey: key })).toBe("success");
    // The same key again is the first answer replayed, not a second share.
    expect(await share(owner, { idempotencyKey: key })).toBe("success");
    expect(await share(owner)).toBe(
      `refused 30: The product ${productId} is already shared with the entity ${target}.`,
    );
    expect(
      await outcome(zuora.shareProduct(uniqueName("missing"), { toEntityIds: [target] }, { entityIds: owner })),
    ).toMatch(/^refused 40: The product missing-\w+ does not exist\.$/);
    expect(violations).toEqual([]);
  });

  it("lists 650 connections with allConnections({ pageSize: 300 }), complete and in order, over 3 pages", async () => {
    const { client: zuora, violations } = standInClient();
    const { source, target } = await seedPair("Paged");
    const seeded = await seedStandIn({
      // Asked, connected, disconnected, 649 times over; the 650th is connected.
      connections: Array.from({ length: 650 }, (_, i) => ({
        sourceEntityId: source,
        targetEntityId: target,
        status: i === 649 ? ("Connected" as const) : ("Disconnected" as const),
      })),
    });
    const trackId = uniqueTrackId("all-connections");
    const ids: string[] = [];
    for await (const connection of zuora.allConnections(
      { type: "inbound", pageSize: 300 },
      { entityIds: target, trackId },
    )) {
      ids.push(connection.id);
    }
    expect(ids).toEqual(seeded.connections.map((c) => c.id));
    expect((await reachedStandIn(trackId)).map((r) => `${r.operationId} ${r.status}`)).toEqual([
      "listConnections 200",
      "listConnections 200",
      "listConnections 200",
    ]);
    expect(violations).toEqual([]);
  });

  it("a reset after the stand-in provisioned: the caller is told it may have acted, and the entity is provisioned once", async () => {
    const { client: zuora, violations } = standInClient();
    const globalId = await globalEntityId(zuora);
    const entity = await zuora.createEntity({ name: uniqueName("Reset"), parentId: globalId, ...place });
    const trackId = uniqueTrackId("provision-reset-after");
    await injectFaults(trackId, ["reset-after"], inject("standInUrl"));

    const error = await zuora.provisionEntity(entity.id, { trackId }).catch((e: unknown) => e);
    // What the caller is told: two attempts, the second refused because the first had acted, and that it may have.
    expect(error).toBeInstanceOf(ZuoraBusinessError);
    expect(error).toMatchObject({ attempts: 2, mayHaveActed: true });
    expect(await zuora.getEntity(entity.id)).toMatchObject({ id: entity.id, status: "Provisioned" });
    expect((await frontLog(trackId, inject("standInUrl"))).map((r) => r.fault ?? "none")).toEqual([
      "reset-after",
      "none",
    ]);
    expect((await reachedStandIn(trackId)).map((r) => `${r.operationId} ${r.reasonCode ?? r.status}`)).toEqual([
      "provisionEntity 200",
      "provisionEntity 50000030",
    ]);
    expect(violations).toEqual([]);
  });

  it("a 503 on accept is retried: one accept reaches the stand-in, and both sides see Connected", async () => {
    const { client: zuora, violations } = standInClient();
    const { source, target } = await seedPair("Busy");
    const { id } = await zuora.initiateConnection({ targetEntityId: target }, { entityIds: source });
    const trackId = uniqueTrackId("accept-503");
    await injectFaults(trackId, [{ status: 503 }], inject("standInUrl"));
    await expect(zuora.acceptConnection(id, { entityIds: target, trackId })).resolves.toEqual({ success: true });
    expect((await frontLog(trackId, inject("standInUrl"))).map((r) => r.fault ?? "none")).toEqual(["status", "none"]);
    expect((await reachedStandIn(trackId)).map((r) => r.operationId)).toEqual(["acceptConnection"]);
    for (const entityIds of [source, target]) {
      expect((await zuora.listConnections({}, { entityIds })).entityConnections).toEqual([
        { id, sourceEntityId: source, targetEntityId: target, status: "Connected" },
      ]);
    }
    expect(violations).toEqual([]);
  });
});

describe("Prism as the judge of the stand-in", () => {
  it("fails, with Prism's message, when the stand-in answers with a status the spec does not document", async () => {
    // A deliberate drift: the stand-in never holds a state off the contract, so an injected status (scoped to this
    // test's track id, as the stand-in is shared) is what makes it answer off-contract.
    const { client: zuora, violations } = standInClient({ maxRetries: 0 });
    const trackId = uniqueName("drift");
    const armed = await fetch(new URL("/__stand-in/faults", inject("standInControlUrl")), {
      method: "POST",
      body: JSON.stringify({ fault: { status: 418 }, operationId: "listConnections", trackId }),
    });
    expect(armed.status).toBe(204);
    const { response } = await zuora.GET("/v1/entity-connections", {
      params: { header: { "Zuora-Track-Id": trackId } },
    });
    // Prism passes the status on, and says what is wrong with it (a warning, in its sl-violations header).
    expect(response.status).toBe(418);
    expect(violations).toContain(
      "GET /v1/entity-connections: Prism: : Unable to match the returned status code with those defined in the " +
        "document: 200,400,401,403,404,429,500,502,503,504",
    );
  });
});
