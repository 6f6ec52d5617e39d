/**
 * The stand-in at a large tenant's size: seed 50,000 entities and 100,000 connections, then 10,000 mixed operations
 * over its in-process `fetch` (reads, creates, updates, provisions, connections, deletes), and the heap each entity
 * costs. Run alone with `node --expose-gc --import tsx bench/standIn.ts`, or as part of `npm run bench`.
 */
import { createStandIn } from "../stand-in/index.js";

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

/** Seeds, runs the operations, and measures. */
export async function benchStandIn(): Promise<StandInBench> {
  const next = random(21);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
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

  const headers = { authorization: "Bearer bench", "content-type": "application/json" };
  const place = { locale: "en_US", timezone: "America/Los_Angeles" };
  const answers: Record<string, number> = {};
  const created: string[] = [];
  let target: typeof fetch = standIn.fetch;
  const call = async (method: string, path: string, body?: unknown, caller?: string) => {
    const response = await target(`${BASE}${path}`, {
      method,
      headers: caller === undefined ? headers : { ...headers, "zuora-entity-ids": caller },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as { success?: boolean; id?: string };
    const kind = response.status !== 200 ? String(response.status) : json.success ? "200 ok" : "200 refused";
    answers[kind] = (answers[kind] ?? 0) + 1;
    return json;
  };
  const operations: (() => Promise<unknown>)[] = [];
  for (let i = 0; i < OPERATIONS; i++) {
    const roll = next();
    if (roll < 0.3) operations.push(() => call("GET", `/v1/entities/${pick(ids)}`));
    else if (roll < 0.45)
      operations.push(() => call("GET", "/v1/entity-connections?pageSize=30", undefined, pick(tops)));
    else if (roll < 0.6) {
      operations.push(async () => {
        const made = await call("POST", "/v1/entities", { name: `New ${i}`, parentId: pick(ids), ...place });
        if (made.id) created.push(made.id);
      });
    } else if (roll < 0.7)
      operations.push(() => call("PUT", `/v1/entities/${pick(ids)}`, { displayName: `Shown ${i}` }));
    else if (roll < 0.75) operations.push(() => call("PUT", `/v1/entities/${pick(ids)}/provision`));
    else if (roll < 0.85) {
      operations.push(() => call("POST", "/v1/entity-connections", { targetEntityId: pick(tops) }, pick(tops)));
    } else if (roll < 0.9) operations.push(() => call("PUT", `/v1/entity-connections/${pick(ids)}/accept`));
    else operations.push(() => call("DELETE", `/v1/entities/${created.pop() ?? pick(ids)}`));
  }
  start = performance.now();
  for (const operation of operations) await operation();
  const operationsMs = performance.now() - start;

  const tally = { ...answers };
  target = async (input, init) => {
    await new Request(input, init).text();
    return new Response(JSON.stringify({ success: true }), { headers: { "content-type": "application/json" } });
  };
  start = performance.now();
  for (const operation of operations) await operation();
  const bareMs = performance.now() - start;

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

/** One line per figure, with the issue's budgets beside them (printed, never asserted). */
export function describeStandInBench(r: StandInBench): string {
  const seedMs = r.seedEntitiesMs + r.seedConnectionsMs;
  return [
    `stand-in at ${r.entities.toLocaleString("en")} entities and ${r.connections.toLocaleString("en")} connections: ` +
      `seeded in ${seedMs.toFixed(0)} ms (entities ${r.seedEntitiesMs.toFixed(0)} ms, connections ${r.seedConnectionsMs.toFixed(0)} ms; budget 2000 ms)`,
    `stand-in, ${r.operations.toLocaleString("en")} mixed operations over fetch: ${r.operationsPerSecond.toFixed(0)} operations/s (budget 20000; ` +
      `a bare fetch that only builds the Request and Response: ${r.bareFetchOperationsPerSecond.toFixed(0)}/s, ratio ` +
      `${(r.operationsPerSecond / r.bareFetchOperationsPerSecond).toFixed(2)}); ` +
      `answers ${Object.entries(r.answers)
        .map(([kind, n]) => `${kind}: ${n}`)
        .join(", ")}`,
    `stand-in heap per entity: ${r.heapBytesPerEntity.toFixed(0)} B alone, ${r.heapBytesPerEntityWithConnections.toFixed(0)} B with the connections counted`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(describeStandInBench(await benchStandIn()));
