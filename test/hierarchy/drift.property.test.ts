import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createZuoraClient, type ZuoraClient } from "../../src/index.js";
import { createStandIn, type TenantSeed } from "../../stand-in/node.js";
import { cliHarness } from "./cli/harness.js";
import { provisionedIds, type RandomConnection, type RandomEntity, randomTree } from "./randomTenants.js";

const { standIn, inProcess, dir } = cliHarness(createStandIn({ global: { id: "global", name: "Global" } }));

interface Tenant {
  entities: RandomEntity[];
  connections: RandomConnection[];
  users: Record<string, { home: string; access: string[] }>;
  products: { id: string; sharedWith: string[] }[];
}

/** A random tenant: a tree under the global entity, connections between provisioned entities, users, shared products. */
const tenants = fc
  .tuple(
    randomTree({
      maxEntities: 5,
      maxConnections: 4,
      locales: ["en_US", "en_GB", "de_DE"],
      zones: ["America/Los_Angeles", "Europe/London", "Asia/Tokyo"],
    }),
    fc.record({
      users: fc.array(fc.record({ home: fc.nat(), access: fc.array(fc.nat(), { maxLength: 3 }) }), { maxLength: 3 }),
      products: fc.array(fc.array(fc.nat(), { maxLength: 2 }), { maxLength: 2 }),
    }),
  )
  .map(([{ entities, connections }, drawn]): Tenant => {
    const provisioned = provisionedIds(entities);
    const pick = (n: number) => provisioned[n % provisioned.length] as string;
    const users: Tenant["users"] = {};
    for (const [i, u] of drawn.users.entries()) {
      users[`user${i}@acme.com`] = { home: pick(u.home), access: [...new Set(u.access.map(pick))] };
    }
    const shareable = connections
      .filter((c) => c.sourceEntityId === "global" && c.status === "Connected")
      .map((c) => c.targetEntityId);
    const products = drawn.products.map((targets, i) => ({
      id: `P${i}`,
      sharedWith:
        shareable.length === 0 ? [] : [...new Set(targets.map((n) => shareable[n % shareable.length] as string))],
    }));
    return { entities, connections, users, products };
  });

/** One change an admin could make outside the file: a name for the report, and the calls that make it. */
interface Change {
  what: string;
  make(zuora: ZuoraClient): Promise<unknown>;
}

/**
 * Every single change the tenant's API allows from this state. A product's share is not among them: Zuora publishes
 * no read of which entities a product is shared with, so no plan can see it (the file says so in `unread`).
 */
function changesOf(t: Tenant): Change[] {
  const changes: Change[] = [];
  const status = new Map<string, string>([
    ["global", "Provisioned"],
    ...t.entities.map((e) => [e.id, e.status] as [string, string]),
  ]);
  const name = (id: string) => (id === "global" ? "Global" : (t.entities.find((e) => e.id === id)?.name ?? id));
  for (const parent of ["global", ...t.entities.map((e) => e.id)]) {
    changes.push({
      what: `create Fresh under ${name(parent)}`,
      make: (z) => z.createEntity({ name: "Fresh", parentId: parent, locale: "en_US", timezone: "UTC" }),
    });
  }
  for (const e of t.entities) {
    changes.push({ what: `rename ${e.name}`, make: (z) => z.updateEntity(e.id, { displayName: `${e.name} renamed` }) });
    if (e.status === "Unprovisioned") {
      changes.push({ what: `relocate ${e.name}`, make: (z) => z.updateEntity(e.id, { locale: "fr_FR" }) });
      changes.push({ what: `delete ${e.name}`, make: (z) => z.deleteEntity(e.id) });
      if (status.get(e.parentId) === "Provisioned") {
        changes.push({ what: `provision ${e.name}`, make: (z) => z.provisionEntity(e.id) });
      }
    }
  }
  const provisioned = [...status].filter(([, s]) => s === "Provisioned").map(([id]) => id);
  const open = (a: string, b: string) =>
    t.connections.find(
      (c) =>
        c.status !== "Disconnected" &&
        ((c.sourceEntityId === a && c.targetEntityId === b) || (c.sourceEntityId === b && c.targetEntityId === a)),
    );
  for (const a of provisioned) {
    for (const b of provisioned) {
      if (a === b || open(a, b)) continue;
      changes.push({
        what: `initiate ${name(a)}->${name(b)}`,
        make: (z) => z.initiateConnection({ targetEntityId: b }, { entityIds: a }),
      });
    }
  }
  const connectionId = async (z: ZuoraClient, c: RandomConnection) => {
    for await (const found of z.allConnections({ type: "outbound" }, { entityIds: c.sourceEntityId })) {
      if (found.targetEntityId === c.targetEntityId && found.status === c.status) return found.id;
    }
    throw new Error("no such connection");
  };
  for (const c of t.connections) {
    const label = `${name(c.sourceEntityId)}->${name(c.targetEntityId)}`;
    const as = { entityIds: c.targetEntityId };
    if (c.status === "Pending") {
      changes.push({ what: `accept ${label}`, make: async (z) => z.acceptConnection(await connectionId(z, c), as) });
      changes.push({ what: `deny ${label}`, make: async (z) => z.denyConnection(await connectionId(z, c), as) });
    }
    if (c.status === "Connected") {
      changes.push({
        what: `disconnect ${label}`,
        make: async (z) => z.disconnectConnection(await connectionId(z, c), { entityIds: c.sourceEntityId }),
      });
    }
  }
  for (const [username, u] of Object.entries(t.users)) {
    const reach = new Set([u.home, ...u.access]);
    for (const id of provisioned) {
      if (!reach.has(id)) {
        changes.push({
          what: `grant ${username} ${name(id)}`,
          make: async (z) => {
            await z.requestUserAccess(username, { targetEntityIds: [id] }, { entityIds: u.home });
            await z.acceptUserAccess(username, { entityIds: id });
          },
        });
      } else if (id !== u.home) {
        changes.push({
          what: `deny ${username} ${name(id)}`,
          make: (z) => z.denyUserAccess(username, { entityIds: id }),
        });
      }
    }
  }
  return changes;
}

describe("zuora-entities as a drift check, on random tenants (users and shares included)", () => {
  it("exports a file that plans to nothing, exit 0; any single change to the tenant then makes plan --detailed-exitcode exit 2", async () => {
    const zuora = createZuoraClient({
      baseUrl: "https://rest.test.zuora.com",
      auth: "admin-token",
      maxRetries: 0,
      fetch: standIn.fetch,
    });
    await fc.assert(
      fc.asyncProperty(tenants, fc.nat(), async (tenant, which) => {
        standIn.reset();
        standIn.seed(tenant as TenantSeed);
        const file = join(dir(), "tenant.yaml");
        const users = Object.keys(tenant.users).flatMap((u) => ["--user", u]);
        expect((await inProcess(["export", "-o", file, ...users])).code).toBe(0);
        const clean = await inProcess(["plan", file, "--detailed-exitcode"]);
        expect(clean.stdout).toBe("No changes: the tenant matches the file.");
        expect(clean.code).toBe(0);

        const changes = changesOf(tenant);
        const change = changes[which % changes.length] as Change;
        await change.make(zuora);
        const drifted = await inProcess(["plan", file, "--detailed-exitcode"]);
        expect(drifted.code, `${change.what}\n${drifted.stdout}\n${drifted.stderr}`).toBe(2);
      }),
      { numRuns: 60 },
    );
  });
});
