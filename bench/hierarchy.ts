/**
 * The hierarchy's figures for `npm run bench`: how long `planChanges` takes for 5,000 entities and 5,000 connections
 * (budget: 1 s), an apply of 500 entities and 500 connections on the stand-in over HTTP, with its time and the number
 * of requests it sent; the reads of `export`, `plan` and a saved plan's check at 2,000 entities and 2,000 connections
 * with 20 ms a request (budget: 2 × the ideal, requests × 20 ms / parallelism, at the default parallelism); and
 * `validate` of a 10,000-entity file (budget: 1 s). Run from the build in dist/, as users run it. Times are printed
 * with their ratios, never asserted; correctness (every step done, the tenant then matching the file, a read that
 * plans to nothing) fails the run.
 */
import type * as Hierarchy from "../hierarchy/index.js";
import type { DesiredConnection, DesiredEntity, TenantState } from "../hierarchy/index.js";
import type * as Package from "../src/index.js";
import type * as Testing from "../stand-in/node.js";
import { summarize } from "./measure.js";

const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;
const {
  planChanges,
  applyPlan,
  readTenant,
  formatHierarchy,
  parseHierarchy,
  exportHierarchy,
  planForTenant,
  checkSavedPlan,
  formatSavedPlan,
  parseSavedPlan,
  readHierarchyText,
  validateHierarchy,
  DEFAULT_PARALLELISM,
} = (await import(dist("hierarchy/index.js"))) as typeof Hierarchy;
const { createZuoraClient } = (await import(dist("src/index.js"))) as typeof Package;
const { createStandIn, listen } = (await import(dist("stand-in/node.js"))) as typeof Testing;

/** The plan's budget for 5,000 entities and 5,000 connections, in ms. */
export const PLAN_BUDGET_MS = 1000;
/** The reads' budget: `export`, `plan` and a saved plan's check each within this many times their ideal. */
export const READ_BUDGET_RATIO = 2;
/** `validate`'s budget for a 10,000-entity file, in ms. */
export const VALIDATE_BUDGET_MS = 1000;
/** How long the stand-in holds each request in the reads' measure, in ms. */
const READ_LATENCY_MS = 20;

/** One read measured: its requests, how long it took, and the ideal (requests × latency / parallelism), in ms. */
export interface ReadFigure {
  requests: number;
  ms: number;
  idealMs: number;
}

/** What the hierarchy bench measured. */
export interface HierarchyBench {
  /** Reading the plan's file, written as YAML (what `zuora-entities plan` does before planning). */
  read: { entities: number; bytes: number; medianMs: number; runs: number };
  plan: { entities: number; connections: number; steps: number; medianMs: number; runs: number };
  apply: { entities: number; connections: number; steps: number; requests: number; ms: number; parallelism: number };
  /** The reads at 2,000 entities and 2,000 connections, 20 ms a request. */
  reads: {
    entities: number;
    connections: number;
    latencyMs: number;
    parallelism: number;
    export: ReadFigure;
    plan: ReadFigure;
    check: ReadFigure;
  };
  /** `validate` (reading and checking the file, no tenant) of a YAML file of 10,000 entities. */
  validate: { entities: number; bytes: number; medianMs: number; runs: number };
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

/**
 * A tenant holding the first half of a {@link wideFile} already (provisioned), and half of its connections pending;
 * or, with `share` 1, the whole of it.
 */
function halfThere(file: Hierarchy.Hierarchy, share = 0.5): TenantState {
  const half = file.entities.slice(0, Math.floor(file.entities.length * share));
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

/**
 * The reads of `export`, `plan` and a saved plan's check on a served stand-in holding `wideFile(n)`'s tenant, each
 * request held `READ_LATENCY_MS`, at the default parallelism. Throws when the export does not plan to nothing.
 */
async function benchReads(n: number): Promise<HierarchyBench["reads"]> {
  const file = wideFile(n);
  const standIn = createStandIn({ global: { id: "id-Global", name: "Global" }, latencyMs: READ_LATENCY_MS });
  const state = halfThere(file, 1);
  standIn.seed({
    entities: state.entities.slice(1).map(({ parentId, ...e }) => ({ ...e, parentId: parentId ?? "id-Global" })),
    connections: state.connections.map((c) => ({ ...c, status: "Connected" as const })),
  });
  const server = await listen(standIn);
  const parallelism = DEFAULT_PARALLELISM;
  const measure = async (work: () => Promise<unknown>): Promise<ReadFigure> => {
    const before = standIn.requests().length;
    const start = performance.now();
    await work();
    const ms = performance.now() - start;
    const requests = standIn.requests().length - before;
    return { requests, ms, idealMs: (requests * READ_LATENCY_MS) / parallelism };
  };
  try {
    const zuora = createZuoraClient({ baseUrl: server.url, auth: "bench-token", logLevel: "off" });
    let text = "";
    const exported = await measure(async () => {
      text = formatHierarchy(exportHierarchy(await readTenant(zuora, { parallelism })));
    });
    const read = parseHierarchy(text);
    let steps = -1;
    const planned = await measure(async () => {
      steps = (await planForTenant(zuora, read, { parallelism })).steps.length;
    });
    if (steps !== 0) throw new Error(`hierarchy reads: the export plans to ${steps} steps, not none`);
    const saved = parseSavedPlan(formatSavedPlan(planChanges(read, await readTenant(zuora, { parallelism }))));
    let ok = false;
    const check = await measure(async () => {
      ok = (await checkSavedPlan(zuora, saved, { tenantUrl: server.url, parallelism })).ok;
    });
    if (!ok) throw new Error("hierarchy reads: a saved plan's check found the tenant changed");
    return {
      entities: n,
      connections: file.connections.length,
      latencyMs: READ_LATENCY_MS,
      parallelism,
      export: exported,
      plan: planned,
      check,
    };
  } finally {
    await server.close();
  }
}

/** `validate`'s work (read the file, check what it means) on a YAML file of `n` entities. */
function benchValidate(n: number, runs: number): HierarchyBench["validate"] {
  const file = wideFile(n);
  const text = formatHierarchy({ ...file, connections: [] });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const { hierarchy, problems } = readHierarchyText(text, "bench.yaml");
    const refused = hierarchy ? validateHierarchy(hierarchy) : [];
    times.push(performance.now() - start);
    if (problems.length + refused.length > 0) throw new Error("hierarchy validate: the bench's file has problems");
  }
  return { entities: n, bytes: text.length, medianMs: summarize(times).median, runs };
}

/** Runs every measure; throws when the apply did not bring the tenant to the file. */
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
      reads: await benchReads(2000),
      validate: benchValidate(10_000, quick ? 3 : 5),
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
  const { reads } = r;
  const read = (what: string, f: ReadFigure) => {
    const ratio = f.ms / f.idealMs;
    return `hierarchy ${what}: ${f.requests} requests in ${f.ms.toFixed(0)} ms, ideal ${f.idealMs.toFixed(0)} ms → ${ratio.toFixed(2)}× (${ratio <= READ_BUDGET_RATIO ? "within" : "OVER"} the ${READ_BUDGET_RATIO}× budget)`;
  };
  return [
    `hierarchy reads at ${reads.entities} entities + ${reads.connections} connections, ${reads.latencyMs} ms a request, parallelism ${reads.parallelism} (ideal = requests × ${reads.latencyMs} ms / ${reads.parallelism}):`,
    `  ${read("export", reads.export)}`,
    `  ${read("plan", reads.plan)}`,
    `  ${read("saved plan's check", reads.check)}`,
    `hierarchy validate: a YAML file of ${r.validate.entities} entities (${(r.validate.bytes / 1024).toFixed(0)} KiB) in ${r.validate.medianMs.toFixed(0)} ms (median of ${r.validate.runs}; ${(r.validate.medianMs / VALIDATE_BUDGET_MS).toFixed(2)}× the ${VALIDATE_BUDGET_MS} ms budget, ${r.validate.medianMs <= VALIDATE_BUDGET_MS ? "within" : "OVER"})`,
    `hierarchy read: a YAML file of ${r.read.entities} entities + connections (${(r.read.bytes / 1024).toFixed(0)} KiB) in ${r.read.medianMs.toFixed(0)} ms (median of ${r.read.runs})`,
    `hierarchy plan: ${r.plan.entities} entities + ${r.plan.connections} connections (half there) → ${r.plan.steps} steps in ${r.plan.medianMs.toFixed(0)} ms (median of ${r.plan.runs}; ${within} the ${PLAN_BUDGET_MS} ms budget)`,
    `hierarchy apply over HTTP on the stand-in: ${r.apply.entities} entities + ${r.apply.connections} connections, ${r.apply.steps} steps, ${r.apply.requests} requests in ${r.apply.ms.toFixed(0)} ms (parallelism ${r.apply.parallelism}; ${(r.apply.ms / r.apply.requests).toFixed(2)} ms per request)`,
  ];
}
