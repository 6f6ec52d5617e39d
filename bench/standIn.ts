/**
 * The stand-in at a large tenant's size: seed 50,000 entities and 100,000 connections, then 10,000 mixed operations
 * over its in-process `fetch` (reads, creates, updates, provisions, connections, deletes), and the heap each entity
 * costs. The stand-in is the build in `dist/`, as users run it (tsx's `keepNames` would charge it work no user's build
 * does: see shippedClient.ts). Run alone with `node --expose-gc --import tsx bench/standIn.ts` after `npm run build`,
 * or as part of `npm run bench`.
 *
 * Its throughput is compared with a bare fetch that only builds the Request and the Response, in the same run: both
 * are warmed up first on a tenant of their own, then run the same operations in slices, taking turns (which goes
 * first alternates), so that JIT warm-up and the machine's drift fall on both alike.
 */
import { loadavg } from "node:os";
import { createStandIn } from "./shippedClient.js";

const ENTITIES = 50_000;
const CONNECTIONS = 100_000;
const OPERATIONS = 10_000;
/** Entities directly under the global entity, provisioned: the tops of the subtrees, and the connected ones. */
const TOPS = 1_000;
const BASE = "https://rest.test.zuora.com";

/** What {@link benchStandIn} measured. */
export interface StandInBench {
  entities: number;
  connections: number;
  seedEntitiesMs: number;
  seedConnectionsMs: number;
  operations: number;
  operationsPerSecond: number;
  /**
   * The same operations against a fetch that only reads the request and answers `{ success: true }`: what the
   * runtime's Request and Response cost alone, the ceiling of any in-process fetch.
   */
  bareFetchOperationsPerSecond: number;
  /** Heap after a full GC, per entity: the entities alone, and with the connections counted too. */
  heapBytesPerEntity: number;
  heapBytesPerEntityWithConnections: number;
  /** Answers by kind: `200 ok`, `200 refused` (a business failure), or another status. */
  answers: Record<string, number>;
}

/** A small, seeded pseudo-random sequence, so every run sends the same operations. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/** The throughput budget: the stand-in over `fetch` against a bare fetch, in the same run. */
export const THROUGHPUT_RATIO_BUDGET = 0.8;
/** Operations in a slice: the stand-in and the bare fetch take turns slice by slice. */
const SLICE = 250;
/** Operations of the same mix on a tenant of their own, before anything is timed. */
const WARM_UP = 3_000;

/** Seeds, runs the operations, and measures. */
export async function benchStandIn(): Promise<StandInBench> {
  // Warm-up first: the same kinds of operations on a small tenant of their own, and the bare fetch alike.
  await runMix(createStandIn(), 500, WARM_UP, 7);
  const next = random(21);
  const heapBefore = heapUsed();
  const standIn = createStandIn();
  const global = standIn.globalEntityId;

  const ids: string[] = [];
  const seeds = Array.from({ length: ENTITIES }, (_, i) => {
    const id = `e${i.toString(16).padStart(31, "0")}`;
    ids.push(id);
    if (i < TOPS) return { id, name: `Top ${i}`, parentId: global, status: "Provisioned" as const };
    return { id, name: `Entity ${i}`, parentId: ids[Math.floor(next() * i)] as string };
  });
  let start = performance.now();
  standIn.seed({ entities: seeds });
  const seedEntitiesMs = performance.now() - start;
  const heapEntities = heapUsed();

  const tops = ids.slice(0, TOPS);
  const statuses = ["Pending", "Connected", "Disconnected"] as const;
  // Distinct pairs of provisioned entities: i with i + k, for k from 1 up.
  const connections = Array.from({ length: CONNECTIONS }, (_, n) => {
    const i = n % TOPS;
    const k = 1 + Math.floor(n / TOPS);
    return {
      sourceEntityId: tops[i] as string,
      targetEntityId: tops[(i + k) % TOPS] as string,
      status: statuses[n % 3] as (typeof statuses)[number],
    };
  });
  start = performance.now();
  standIn.seed({ connections });
  const seedConnectionsMs = performance.now() - start;
  const heapAll = heapUsed();

  const answers: Record<string, number> = {};
  const standInSide = side(standIn.fetch, answers);
  const bareSide = side(bareFetch, {});
  const operations = mix(ids, ids.slice(0, TOPS), next, OPERATIONS);
  let operationsMs = 0;
  let bareMs = 0;
  for (let from = 0; from < operations.length; from += SLICE) {
    const slice = operations.slice(from, from + SLICE);
    const timed = async (run: Side) => {
      const started = performance.now();
      for (const operation of slice) await operation(run);
      return performance.now() - started;
    };
    if ((from / SLICE) % 2 === 0) {
      operationsMs += await timed(standInSide);
      bareMs += await timed(bareSide);
    } else {
      bareMs += await timed(bareSide);
      operationsMs += await timed(standInSide);
    }
  }
  const tally = { ...answers };

  return {
    entities: ENTITIES,
    connections: CONNECTIONS,
    seedEntitiesMs,
    seedConnectionsMs,
    operations: OPERATIONS,
    operationsPerSecond: OPERATIONS / (operationsMs / 1000),
    bareFetchOperationsPerSecond: OPERATIONS / (bareMs / 1000),
    heapBytesPerEntity: (heapEntities - heapBefore) / ENTITIES,
    heapBytesPerEntityWithConnections: (heapAll - heapBefore) / ENTITIES,
    answers: tally,
  };
}

/** A fetch that only builds the Request and the Response: what the runtime's Request and Response cost alone. */
const bareFetch: typeof fetch = async (input, init) => {
  await new Request(input, init).text();
  return new Response(JSON.stringify({ success: true }), { headers: { "content-type": "application/json" } });
};

/** One side of the comparison: its fetch, the entities it created (to delete), and a tally of its answers. */
interface Side {
  call(method: string, path: string, body?: unknown, caller?: string): Promise<{ success?: boolean; id?: string }>;
  created: string[];
}

function side(target: typeof fetch, answers: Record<string, number>): Side {
  const headers = { authorization: "Bearer bench", "content-type": "application/json" };
  return {
    created: [],
    async call(method, path, body, caller) {
      const response = await target(`${BASE}${path}`, {
        method,
        headers: caller === undefined ? headers : { ...headers, "zuora-entity-ids": caller },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json = (await response.json()) as { success?: boolean; id?: string };
      const kind = response.status !== 200 ? String(response.status) : json.success ? "200 ok" : "200 refused";
      answers[kind] = (answers[kind] ?? 0) + 1;
      return json;
    },
  };
}

/**
 * `count` operations of the bench's mix over the entities `ids` (`tops` provisioned): reads, creates, updates,
 * provisions, connections, deletes of what the side created.
 */
function mix(ids: string[], tops: string[], next: () => number, count: number): ((side: Side) => Promise<unknown>)[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const place = { locale: "en_US", timezone: "America/Los_Angeles" };
  const operations: ((side: Side) => Promise<unknown>)[] = [];
  for (let i = 0; i < count; i++) {
    const roll = next();
    const id = pick(ids);
    const top = pick(tops);
    const other = pick(tops);
    if (roll < 0.3) operations.push((s) => s.call("GET", `/v1/entities/${id}`));
    else if (roll < 0.45) operations.push((s) => s.call("GET", "/v1/entity-connections?pageSize=30", undefined, top));
    else if (roll < 0.6) {
      operations.push(async (s) => {
        const made = await s.call("POST", "/v1/entities", { name: `New ${i}`, parentId: id, ...place });
        if (made.id) s.created.push(made.id);
      });
    } else if (roll < 0.7) operations.push((s) => s.call("PUT", `/v1/entities/${id}`, { displayName: `Shown ${i}` }));
    else if (roll < 0.75) operations.push((s) => s.call("PUT", `/v1/entities/${id}/provision`));
    else if (roll < 0.85) {
      operations.push((s) => s.call("POST", "/v1/entity-connections", { targetEntityId: top }, other));
    } else if (roll < 0.9) operations.push((s) => s.call("PUT", `/v1/entity-connections/${id}/accept`));
    else operations.push((s) => s.call("DELETE", `/v1/entities/${s.created.pop() ?? id}`));
  }
  return operations;
}

/** Runs `count` operations of the mix on `standIn` seeded with `entities` entities, and on a bare fetch: a warm-up. */
async function runMix(standIn: ReturnType<typeof createStandIn>, entities: number, count: number, seed: number) {
  const next = random(seed);
  const ids = Array.from({ length: entities }, (_, i) => `w${i.toString(16).padStart(31, "0")}`);
  const tops = ids.slice(0, entities / 10);
  standIn.seed({
    entities: ids.map((id, i) =>
      i < tops.length
        ? { id, name: `Warm ${i}`, status: "Provisioned" as const }
        : { id, name: `Warm ${i}`, parentId: ids[Math.floor(next() * i)] as string },
    ),
  });
  const operations = mix(ids, tops, next, count);
  const sides = [side(standIn.fetch, {}), side(bareFetch, {})];
  for (const s of sides) for (const operation of operations) await operation(s);
}

/** One line per figure, with the issue's budgets beside them (printed, never asserted). */
export function describeStandInBench(r: StandInBench): string {
  const seedMs = r.seedEntitiesMs + r.seedConnectionsMs;
  const ratio = r.operationsPerSecond / r.bareFetchOperationsPerSecond;
  return [
    `stand-in at ${r.entities.toLocaleString("en")} entities and ${r.connections.toLocaleString("en")} connections: ` +
      `seeded in ${seedMs.toFixed(0)} ms (entities ${r.seedEntitiesMs.toFixed(0)} ms, connections ${r.seedConnectionsMs.toFixed(0)} ms; budget 2000 ms)`,
    `stand-in, ${r.operations.toLocaleString("en")} mixed operations over fetch: ${r.operationsPerSecond.toFixed(0)} operations/s; ` +
      `a bare fetch that only builds the Request and Response: ${r.bareFetchOperationsPerSecond.toFixed(0)}/s, ratio ` +
      `${ratio.toFixed(2)} (${ratio >= THROUGHPUT_RATIO_BUDGET ? "within" : "UNDER"} the ${THROUGHPUT_RATIO_BUDGET} budget, load average ${loadavg()[0]?.toFixed(2)}); ` +
      `answers ${Object.entries(r.answers)
        .map(([kind, n]) => `${kind}: ${n}`)
        .join(", ")}`,
    `stand-in heap per entity: ${r.heapBytesPerEntity.toFixed(0)} B alone, ${r.heapBytesPerEntityWithConnections.toFixed(0)} B with the connections counted`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(describeStandInBench(await benchStandIn()));
