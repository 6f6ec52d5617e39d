import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Action,
  applyPlan,
  type DesiredConnection,
  type DesiredEntity,
  exportHierarchy,
  type Hierarchy,
  planChanges,
  readTenant,
  rehearsePlan,
} from "../../hierarchy/index.js";
import { createZuoraClient } from "../../src/index.js";
import { createStandIn, type OperationId } from "../../stand-in/index.js";
import { entity } from "./builders.js";
import { type RandomConnection, type RandomEntity, randomTree, STATUSES } from "./randomTenants.js";

const LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR"] as const;
const ZONES = ["America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Tokyo"] as const;
const OPERATION: Record<Action, OperationId> = {
  create: "createEntity",
  update: "updateEntity",
  provision: "provisionEntity",
  delete: "deleteEntity",
  initiate: "initiateConnection",
  accept: "acceptConnection",
  deny: "denyConnection",
  disconnect: "disconnectConnection",
  "request-access": "requestUserAccess",
  "accept-access": "acceptUserAccess",
  "deny-access": "denyUserAccess",
  share: "shareProduct",
};

interface Seed {
  entities: RandomEntity[];
  connections: RandomConnection[];
}

interface Edit {
  perEntity: string[];
  added: { parent: number; provisioned: boolean; locale: string; zone: string }[];
  links: string[];
}

/** A starting tenant: a random tree under the global entity, provisioned only under provisioned parents, and connections. */
const startingTenant: fc.Arbitrary<Seed> = randomTree({
  maxEntities: 6,
  maxConnections: 5,
  locales: LOCALES,
  zones: ZONES,
});

/** What the file does with each tenant entity, and the entities and connections it adds. */
const edits = fc.record({
  perEntity: fc.array(fc.constantFrom("keep", "rename-display", "relocate", "drop", "provision", "move-to-root"), {
    minLength: 6,
    maxLength: 6,
  }),
  added: fc.array(
    fc.record({
      parent: fc.nat(),
      provisioned: fc.boolean(),
      locale: fc.constantFrom(...LOCALES),
      zone: fc.constantFrom(...ZONES),
    }),
    { maxLength: 3 },
  ),
  links: fc.array(fc.constantFrom("none", ...STATUSES), { minLength: 10, maxLength: 10 }),
});

/** A valid file made from the tenant by the edits: what a person would ask of this tenant. */
function desiredFrom(seed: Seed, edit: Edit): Hierarchy {
  const byId = new Map(seed.entities.map((e) => [e.id, e]));
  const nameOf = (id: string) => (id === "global" ? "Global" : (byId.get(id)?.name as string));
  const entities: DesiredEntity[] = [entity("Global", undefined)];
  const dropped = new Set<string>();
  const isProvisioned = (name: string) =>
    entities.find((e) => e.name === name && (e.parent === undefined || e.provisioned));
  for (const [i, e] of seed.entities.entries()) {
    const what = edit.perEntity[i] ?? "keep";
    const provisioned = e.status === "Provisioned";
    if (dropped.has(e.parentId) || (what === "drop" && !provisioned)) {
      dropped.add(e.id);
      continue;
    }
    const parent = what === "move-to-root" && !provisioned ? "Global" : nameOf(e.parentId);
    const wantsProvisioned = provisioned || (what === "provision" && isProvisioned(parent) !== undefined);
    entities.push({
      name: e.name,
      parent,
      displayName: what === "rename-display" ? `${e.name} renamed` : e.name,
      locale: what === "relocate" && !provisioned ? "fr_FR" : e.locale,
      timezone: what === "relocate" && !provisioned ? "Europe/Paris" : e.timezone,
      provisioned: wantsProvisioned,
    });
  }
  for (const [i, a] of edit.added.entries()) {
    const parent = entities[a.parent % entities.length] as DesiredEntity;
    entities.push({
      name: `New${i}`,
      parent: parent.name,
      displayName: `New ${i}`,
      locale: a.locale,
      timezone: a.zone,
      provisioned: a.provisioned && isProvisioned(parent.name) !== undefined,
    });
  }
  const ends = entities.filter((e) => e.parent === undefined || e.provisioned).map((e) => e.name);
  const connections: DesiredConnection[] = [];
  let k = 0;
  for (let i = 0; i < ends.length; i++) {
    for (let j = i + 1; j < ends.length; j++) {
      const choice = edit.links[k++ % edit.links.length] as string;
      const [a, b] = [ends[i] as string, ends[j] as string];
      const current = seed.connections.find(
        (c) =>
          c.status !== "Disconnected" &&
          [nameOf(c.sourceEntityId), nameOf(c.targetEntityId)].sort().join(" ") === [a, b].sort().join(" "),
      );
      if (choice === "none" && !current) continue;
      const [from, to] = current ? [nameOf(current.sourceEntityId), nameOf(current.targetEntityId)] : [a, b];
      // A connected pair never goes back to Pending; "none" on an open pair keeps it as it is.
      const status =
        choice === "none"
          ? current?.status
          : choice === "Pending" && current?.status === "Connected"
            ? "Connected"
            : choice;
      connections.push({ from, to, status: status as DesiredConnection["status"] });
    }
  }
  return { version: 1, entities, connections };
}

/** A hierarchy as comparable data: entities by name; open connections; pairs that must not be open. */
function normalized(h: Hierarchy) {
  return {
    entities: Object.fromEntries(
      h.entities.map((e) => [
        e.name,
        {
          parent: e.parent,
          displayName: e.displayName,
          locale: e.locale,
          timezone: e.timezone,
          provisioned: e.parent === undefined || e.provisioned === true,
        },
      ]),
    ),
    open: h.connections
      .filter((c) => c.status !== "Disconnected")
      .map((c) => `${c.from}->${c.to} ${c.status}`)
      .sort(),
  };
}

function tenantWith(seed: Seed) {
  const standIn = createStandIn({ global: { id: "global", name: "Global" } });
  standIn.seed(seed);
  const zuora = createZuoraClient({
    baseUrl: "https://rest.test.zuora.com",
    auth: "any-token",
    maxRetries: 0,
    fetch: standIn.fetch,
  });
  return { standIn, zuora };
}

const writes = (standIn: ReturnType<typeof createStandIn>) =>
  standIn.requests().filter((r) => r.method !== "GET").length;

describe("plan → apply → export, on random hierarchies and random starting tenants", () => {
  it("export equals the file, a second plan is empty, and the rehearsal agreed with the tenant", async () => {
    let roundTrips = 0;
    await fc.assert(
      fc.asyncProperty(startingTenant, edits, async (seed, edit) => {
        const file = desiredFrom(seed, edit);
        const { standIn, zuora } = tenantWith(seed);
        const plan = planChanges(file, await readTenant(zuora), { prune: true });
        if (plan.refused.length > 0) {
          await expect(applyPlan(plan, zuora)).rejects.toThrow();
          expect(writes(standIn)).toBe(0);
          return;
        }
        expect(await rehearsePlan(file, plan)).toEqual([]);
        const result = await applyPlan(plan, zuora, { parallelism: 3 });
        expect(result.failed.map((f) => f.reason)).toEqual([]);
        const after = await readTenant(zuora);
        expect(normalized(exportHierarchy(after))).toEqual(normalized(file));
        expect(planChanges(file, after, { prune: true }).steps).toEqual([]);
        roundTrips++;
      }),
      { numRuns: 200 },
    );
    // The generator makes valid files: most runs must be round trips, not refusals.
    expect(roundTrips).toBeGreaterThan(150);
  });

  it("a fault at a random step leaves a tenant that a second apply completes", async () => {
    await fc.assert(
      fc.asyncProperty(
        startingTenant,
        edits,
        fc.nat(),
        fc.constantFrom({ status: 500 }, "reset-after" as const, "reset-before" as const),
        fc.integer({ min: 1, max: 4 }),
        async (seed, edit, at, fault, parallelism) => {
          const file = desiredFrom(seed, edit);
          const { standIn, zuora } = tenantWith(seed);
          const plan = planChanges(file, await readTenant(zuora), { prune: true });
          fc.pre(plan.refused.length === 0 && plan.steps.length > 0);
          const step = plan.steps[at % plan.steps.length];
          standIn.failNext({ fault, operationId: OPERATION[step?.action ?? "create"] });
          const first = await applyPlan(plan, zuora, { parallelism });
          // A request that ran and lost its answer may be found done (the tenant shows its goal); a request that did
          // not run fails the apply.
          if (fault !== "reset-after") expect(first.ok).toBe(false);
          const rest = planChanges(file, await readTenant(zuora), { prune: true });
          expect(rest.refused).toEqual([]);
          expect((await applyPlan(rest, zuora, { parallelism })).ok).toBe(true);
          const after = await readTenant(zuora);
          expect(normalized(exportHierarchy(after))).toEqual(normalized(file));
          expect(planChanges(file, after, { prune: true }).steps).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
