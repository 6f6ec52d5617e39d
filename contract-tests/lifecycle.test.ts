import { describe, expect, inject, it } from "vitest";
import { callInfo, reasonCategory } from "../src/index.js";
import type { HandledRequest } from "../stand-in/index.js";
import { frontLog, injectFaults, uniqueTrackId } from "./support/contractClient.js";
import { seedStandIn, standInClient, uniqueName } from "./support/standInClient.js";

// The workflow users run — create, provision, connect, accept — through the public client, on the stand-in behind
// `prism proxy --errors`: every request and every answer is checked against the spec on the way through, and a test
// fails on any violation Prism reports. The stand-in is shared by every suite: each test works on entities of its own.

const place = { locale: "en_US", timezone: "America/Los_Angeles" };

/** What an answer that may be a business failure says: success, or the reason category and message. */
function outcome(data: unknown): string {
  const body = data as { success?: boolean; reasons?: { code: number | string; message: string }[] } | undefined;
  if (body?.success === true) return "success";
  const reason = body?.reasons?.[0];
  return reason ? `refused ${reasonCategory(reason.code)}: ${reason.message}` : `no answer: ${JSON.stringify(data)}`;
}

async function globalEntityId(zuora: ReturnType<typeof standInClient>["client"]): Promise<string> {
  const { data } = await zuora.GET("/v1/entities", { params: { query: { provisioned: true } } });
  const global = data && "entities" in data ? data.entities.find((e) => e.parentId === null) : undefined;
  if (!global) throw new Error(`no global entity in ${JSON.stringify(data)}`);
  return global.id;
}

/** The requests carrying `trackId` that reached the stand-in (through Prism). */
async function reachedStandIn(trackId: string): Promise<HandledRequest[]> {
  const response = await fetch(new URL("/__stand-in/requests", inject("standInControlUrl")));
  return ((await response.json()) as HandledRequest[]).filter((r) => r.trackId === trackId);
}

describe("the Multi-entity lifecycle on the stand-in, checked by Prism", () => {
  it("creates, provisions in order, updates, refuses what Zuora refuses, connects, accepts and disconnects", async () => {
    const { client: zuora, violations } = standInClient();
    const name = uniqueName("Life");
    const globalId = await globalEntityId(zuora);
    const child = await zuora.createEntity({ name: `${name}-child`, parentId: globalId, ...place });
    const grandchild = await zuora.createEntity({ name: `${name}-grandchild`, parentId: child.id, ...place });

    const unprovisioned = await zuora.GET("/v1/entities", { params: { query: { provisioned: false } } });
    const listed = unprovisioned.data && "entities" in unprovisioned.data ? unprovisioned.data.entities : [];
    expect(listed.filter((e) => e.name.startsWith(name)).map((e) => [e.id, e.status])).toEqual([
      [child.id, "Unprovisioned"],
      [grandchild.id, "Unprovisioned"],
    ]);

    const provision = async (id: string) =>
      outcome((await zuora.PUT("/v1/entities/{id}/provision", { params: { path: { id } } })).data);
    expect(await provision(grandchild.id)).toBe(
      "refused 30: The entity cannot be provisioned before its parent entity is provisioned.",
    );
    expect(await provision(child.id)).toBe("success");
    expect(await provision(grandchild.id)).toBe("success");

    const update = async (body: { locale?: string; displayName?: string }) =>
      outcome((await zuora.PUT("/v1/entities/{id}", { params: { path: { id: grandchild.id } }, body })).data);
    expect(await update({ locale: "fr_FR" })).toBe(
      "refused 30: The locale and time zone of a provisioned entity cannot be edited.",
    );
    expect(await update({ displayName: `${name} Grandchild` })).toBe("success");
    const removed = await zuora.DELETE("/v1/entities/{id}", { params: { path: { id: grandchild.id } } });
    expect(outcome(removed.data)).toBe("refused 30: A provisioned entity cannot be removed.");

    const { id: connectionId } = await zuora.initiateConnection(
      { targetEntityId: grandchild.id },
      { entityIds: child.id },
    );
    const list = async (as: string, type: "inbound" | "outbound") => {
      const { data } = await zuora.GET("/v1/entity-connections", {
        params: { query: { type }, header: { "Zuora-Entity-Ids": as } },
      });
      return data && "entityConnections" in data ? data.entityConnections.map((c) => `${c.id} ${c.status}`) : [];
    };
    const both = async () => ({
      target: await list(grandchild.id, "inbound"),
      source: await list(child.id, "outbound"),
    });
    expect(await both()).toEqual({ target: [`${connectionId} Pending`], source: [`${connectionId} Pending`] });

    const act = async (verb: "accept" | "disconnect", as: string) =>
      outcome(
        (
          await zuora.PUT(`/v1/entity-connections/{connection-id}/${verb}`, {
            params: { path: { "connection-id": connectionId }, header: { "Zuora-Entity-Ids": as } },
          })
        ).data,
      );
    expect(await act("accept", child.id)).toBe(
      "refused 10: A connection request can only be accepted by its target entity.",
    );
    expect(await act("accept", grandchild.id)).toBe("success");
    expect(await both()).toEqual({ target: [`${connectionId} Connected`], source: [`${connectionId} Connected`] });
    expect(await act("disconnect", child.id)).toBe("success");
    expect(await both()).toEqual({
      target: [`${connectionId} Disconnected`],
      source: [`${connectionId} Disconnected`],
    });

    expect(violations).toEqual([]);
  });

  it("lists 650 connections complete and in order over 3 pages of 300", async () => {
    const { client: zuora, violations } = standInClient();
    const name = uniqueName("Paged");
    const [source, target] = [`${name}-s`, `${name}-t`];
    const seeded = await seedStandIn({
      entities: [
        { id: source, name: source, status: "Provisioned" },
        { id: target, name: target, status: "Provisioned" },
      ],
      // Asked, connected, disconnected, 649 times over; the 650th is connected.
      connections: Array.from({ length: 650 }, (_, i) => ({
        sourceEntityId: source,
        targetEntityId: target,
        status: i === 649 ? ("Connected" as const) : ("Disconnected" as const),
      })),
    });
    const ids: string[] = [];
    let pages = 0;
    for (let page = 1; ; page++) {
      const { data } = await zuora.GET("/v1/entity-connections", {
        params: { query: { type: "inbound", page, pageSize: 300 }, header: { "Zuora-Entity-Ids": target } },
      });
      if (!data || !("entityConnections" in data)) throw new Error(outcome(data));
      pages += 1;
      ids.push(...data.entityConnections.map((c) => c.id));
      if (data.nextPage === undefined) break;
      expect(new URL(data.nextPage).searchParams.get("page")).toBe(String(page + 1));
    }
    expect(pages).toBe(3);
    expect(ids).toEqual(seeded.connections.map((c) => c.id));
    expect(violations).toEqual([]);
  });

  it("a reset after the stand-in provisioned: the retry is told 'already provisioned', and the entity is provisioned once", async () => {
    const { client: zuora, violations } = standInClient();
    const globalId = await globalEntityId(zuora);
    const entity = await zuora.createEntity({ name: uniqueName("Reset"), parentId: globalId, ...place });
    const trackId = uniqueTrackId("provision-reset-after");
    await injectFaults(trackId, [{ kind: "reset-after" }], inject("standInUrl"));

    const result = await zuora.PUT("/v1/entities/{id}/provision", {
      params: { path: { id: entity.id }, header: { "Zuora-Track-Id": trackId } },
    });
    // What the caller is told: two attempts, the second refused because the first had acted.
    expect(callInfo(result.response)?.attempts).toBe(2);
    expect(outcome(result.data)).toBe("refused 30: The entity is already provisioned.");
    const { data } = await zuora.GET("/v1/entities/{id}", { params: { path: { id: entity.id } } });
    expect(data).toMatchObject({ id: entity.id, status: "Provisioned" });
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
    const name = uniqueName("Busy");
    await seedStandIn({
      entities: [
        { id: `${name}-s`, name: `${name}-s`, status: "Provisioned" },
        { id: `${name}-t`, name: `${name}-t`, status: "Provisioned" },
      ],
    });
    const { id } = await zuora.initiateConnection({ targetEntityId: `${name}-t` }, { entityIds: `${name}-s` });
    const trackId = uniqueTrackId("accept-503");
    await injectFaults(trackId, [{ kind: "status", status: 503 }], inject("standInUrl"));
    const accepted = await zuora.PUT("/v1/entity-connections/{connection-id}/accept", {
      params: { path: { "connection-id": id }, header: { "Zuora-Entity-Ids": `${name}-t`, "Zuora-Track-Id": trackId } },
    });
    expect(outcome(accepted.data)).toBe("success");
    expect(callInfo(accepted.response)?.attempts).toBe(2);
    expect((await reachedStandIn(trackId)).map((r) => r.operationId)).toEqual(["acceptConnection"]);
    const { data } = await zuora.GET("/v1/entity-connections", {
      params: { header: { "Zuora-Entity-Ids": `${name}-s` } },
    });
    expect(data && "entityConnections" in data ? data.entityConnections : []).toEqual([
      { id, sourceEntityId: `${name}-s`, targetEntityId: `${name}-t`, status: "Connected" },
    ]);
    expect(violations).toEqual([]);
  });
});

describe("Prism as the judge of the stand-in", () => {
  it("fails, with Prism's message, when the stand-in lists a connection with a status the spec does not allow", async () => {
    // A deliberate drift: the seed endpoint takes a status as given, so the stand-in answers off-contract.
    const { client: zuora, violations } = standInClient({ maxRetries: 0 });
    const name = uniqueName("Drift");
    await seedStandIn({
      entities: [
        { id: `${name}-s`, name: `${name}-s`, status: "Provisioned" },
        { id: `${name}-t`, name: `${name}-t`, status: "Provisioned" },
      ],
      connections: [{ sourceEntityId: `${name}-s`, targetEntityId: `${name}-t`, status: "Denied" as "Pending" }],
    });
    const { response } = await zuora.GET("/v1/entity-connections", {
      params: { header: { "Zuora-Entity-Ids": `${name}-t` } },
    });
    expect(response.status).toBe(500);
    // Prism names the broken rule (and, the body being a oneOf, why the other branch does not fit either).
    expect(violations).toContain(
      "GET /v1/entity-connections: Prism: body.entityConnections.0.status: Response body property " +
        "entityConnections.0.status must be equal to one of the allowed values: Connected, Pending, Disconnected",
    );
  });
});
