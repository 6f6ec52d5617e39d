/**
 * The hierarchy's figures for `npm run bench`: how long `planChanges` takes for 5,000 entities and 5,000 connections
 * (the budget: 1 s), and an apply of 500 entities and 500 connections on the stand-in over HTTP, with its
 * time and the number of requests it sent. Run from the build in dist/, as users run it. Times are printed, never
 * asserted; the apply's correctness (every step done, the tenant then matching the file) fails the run.
 */
import type * as Hierarchy from "../hierarchy/index.js";
import type { DesiredConnection, DesiredEntity, TenantState } from "../hierarchy/index.js";
import type * as Package from "../src/index.js";
import type * as Testing from "../stand-in/node.js";
import { summarize } from "./measure.js";

const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;
const { planChanges, applyPlan, readTenant, formatHierarchy, parseHierarchy } = (await import(
  dist("hierarchy/index.js")
)) as typeof Hierarchy;
const { createZuoraClient } = (await import(dist("src/index.js"))) as typeof Package;
const { createStandIn, listen } = (await import(dist("stand-in/node.js"))) as typeof Testing;

/** The plan's budget for 5,000 entities and 5,000 connections, in ms. */
export const PLAN_BUDGET_MS = 1000;

/** What the hierarchy bench measured. */
export interface HierarchyBench {
  /** Reading the plan's file, written as YAML (what `zuora-entities plan` does before planning). */
  read: { entities: number; bytes: number; medianMs: number; runs: number };
  plan: { entities: number; connections: number; steps: number; medianMs: number; runs: number };
  apply: { entities: number; connections: number; steps: number; requests: number; ms: number; parallelism: number };
}

/** A file of `n` provisioned entities, ten children to a parent, and `n` connections between neighbours. */
function wideFile(n: number): Hierarchy.Hierarchy {
  const entities: DesiredEntity[] = [
    {
      name: "Global",
      parent: undefined,
      displayName: "Global",
      locale: "en_US",
      timezone: "America/Los_Angeles",
      provisioned: undefined,
    },
  ];
  for (let i = 1; i <= n; i++) {
    entities.push({
      name: `E${i}`,
      parent: i <= 10 ? "Global" : `E${Math.floor((i - 1) / 10)}`,
      displayName: `Entity ${i}`,
      locale: "en_GB",
      timezone: "Europe/London",
      provisioned: true,
    });
  }
  const connections: DesiredConnection[] = [];
  for (let i = 1; connections.length < n; i++) {
    connections.push({ from: `E${i}`, to: `E${(i % n) + 1}`, status: "Connected" });
  }
  return { version: 1, entities, connections };
}

/** A tenant holding the first half of a {@link wideFile} already (provisioned), and half of its connections pending. */
function halfThere(file: Hierarchy.Hierarchy): TenantState {
  const half = file.entities.slice(0, Math.floor(file.entities.length / 2));
  const id = (name: string) => `id-${name}`;
  const entities = half.map((e) => ({
    id: id(e.name),
    name: e.name,
    displayName: e.displayName,
    locale: e.locale,
    timezone: e.timezone,
    status: "Provisioned" as const,
    parentId: e.parent === undefined ? null : id(e.parent),
  }));
  const present = new Set(half.map((e) => e.name));
  const connections = file.connections
    .filter((c) => present.has(c.from) && present.has(c.to))
    .map((c, i) => ({
      id: `c-${i}`,
      sourceEntityId: id(c.from),
      targetEntityId: id(c.to),
      status: "Pending" as const,
    }));
  return { entities, connections };
}

/** Runs both measures; throws when the apply did not bring the tenant to the file. */
export async function benchHierarchy(quick: boolean): Promise<HierarchyBench> {
  const big = wideFile(5000);
  const tenant = halfThere(big);
  for (let i = 0; i < 3; i++) planChanges(big, tenant); // warm-up
  const times: number[] = [];
  let steps = 0;
  for (let i = 0; i < (quick ? 3 : 9); i++) {
    const start = performance.now();
    steps = planChanges(big, tenant).steps.length;
    times.push(performance.now() - start);
  }

  const text = formatHierarchy(big);
  const reads: number[] = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    const start = performance.now();
    parseHierarchy(text);
    reads.push(performance.now() - start);
  }

  const standIn = createStandIn();
  const server = await listen(standIn);
  try {
    const zuora = createZuoraClient({ baseUrl: server.url, auth: "bench-token" });
    const file = wideFile(500);
    const plan = planChanges(file, await readTenant(zuora));
    const before = standIn.requests().length;
    const parallelism = 4;
    const start = performance.now();
    const result = await applyPlan(plan, zuora, { parallelism });
    const ms = performance.now() - start;
    const requests = standIn.requests().length - before;
    if (!result.ok) throw new Error(`hierarchy apply: ${result.failed.map((f) => f.reason).join("; ")}`);
    const rest = planChanges(file, await readTenant(zuora));
    if (rest.steps.length > 0) throw new Error(`hierarchy apply: ${rest.steps.length} steps remain after the apply`);
    return {
      read: { entities: 5000, bytes: text.length, medianMs: summarize(reads).median, runs: reads.length },
      plan: { entities: 5000, connections: 5000, steps, medianMs: summarize(times).median, runs: times.length },
      apply: { entities: 500, connections: 500, steps: plan.steps.length, requests, ms, parallelism },
    };
  } finally {
    await server.close();
  }
}

/** The bench's lines. */
export function hierarchyLines(r: HierarchyBench): string[] {
  const within = r.plan.medianMs <= PLAN_BUDGET_MS ? "within" : "OVER";
  return [
    `hierarchy read: a YAML file of ${r.read.entities} entities + connections (${(r.read.bytes / 1024).toFixed(0)} KiB) in ${r.read.medianMs.toFixed(0)} ms (median of ${r.read.runs})`,
    `hierarchy plan: ${r.plan.entities} entities + ${r.plan.connections} connections (half there) → ${r.plan.steps} steps in ${r.plan.medianMs.toFixed(0)} ms (median of ${r.plan.runs}; ${within} the ${PLAN_BUDGET_MS} ms budget)`,
    `hierarchy apply over HTTP on the stand-in: ${r.apply.entities} entities + ${r.apply.connections} connections, ${r.apply.steps} steps, ${r.apply.requests} requests in ${r.apply.ms.toFixed(0)} ms (parallelism ${r.apply.parallelism}; ${(r.apply.ms / r.apply.requests).toFixed(2)} ms per request)`,
  ];
}
