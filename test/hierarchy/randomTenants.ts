import fc from "fast-check";

/** The statuses a random connection is drawn from. */
export const STATUSES = ["Pending", "Connected", "Disconnected"] as const;

/** An entity of a random tenant, as the stand-in's seed takes it. */
export interface RandomEntity {
  id: string;
  name: string;
  parentId: string;
  status: "Provisioned" | "Unprovisioned";
  locale: string;
  timezone: string;
}

/** A connection of a random tenant, as the stand-in's seed takes it. */
export interface RandomConnection {
  sourceEntityId: string;
  targetEntityId: string;
  status: (typeof STATUSES)[number];
}

/** What a random tenant may hold: how many entities and connections at most, and the places drawn from. */
export interface TreeBounds {
  maxEntities: number;
  maxConnections: number;
  locales: readonly string[];
  zones: readonly string[];
}

/**
 * A random tenant as Zuora could hold it: a tree of entities (`T0`, `T1`, ... with IDs `t0`, `t1`, ...) under the
 * global entity (ID `global`), provisioned only under provisioned parents, and connections between provisioned
 * entities, at most one per pair.
 */
export function randomTree(bounds: TreeBounds): fc.Arbitrary<{
  entities: RandomEntity[];
  connections: RandomConnection[];
}> {
  return fc
    .record({
      entities: fc.array(
        fc.record({
          parent: fc.nat(),
          provisioned: fc.boolean(),
          locale: fc.constantFrom(...bounds.locales),
          zone: fc.constantFrom(...bounds.zones),
        }),
        { maxLength: bounds.maxEntities },
      ),
      connections: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), status: fc.constantFrom(...STATUSES) }), {
        maxLength: bounds.maxConnections,
      }),
    })
    .map((drawn) => {
      const entities: RandomEntity[] = [];
      for (const [i, e] of drawn.entities.entries()) {
        const parentIndex = e.parent % (i + 1);
        const parent = parentIndex === 0 ? undefined : entities[parentIndex - 1];
        const parentProvisioned = parent === undefined || parent.status === "Provisioned";
        entities.push({
          id: `t${i}`,
          name: `T${i}`,
          parentId: parent?.id ?? "global",
          status: parentProvisioned && e.provisioned ? "Provisioned" : "Unprovisioned",
          locale: e.locale,
          timezone: e.zone,
        });
      }
      const ends = provisionedIds(entities);
      const pairs = new Set<string>();
      const connections: RandomConnection[] = [];
      for (const c of drawn.connections) {
        const [source, target] = [ends[c.a % ends.length] as string, ends[c.b % ends.length] as string];
        const pair = [source, target].sort().join(" ");
        if (source === target || pairs.has(pair)) continue;
        pairs.add(pair);
        connections.push({ sourceEntityId: source, targetEntityId: target, status: c.status });
      }
      return { entities, connections };
    });
}

/** The IDs of the provisioned entities, the global entity first. */
export function provisionedIds(entities: readonly RandomEntity[]): string[] {
  return ["global", ...entities.filter((e) => e.status === "Provisioned").map((e) => e.id)];
}
