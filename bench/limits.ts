/**
 * The limiter's budgets, measured against the stand-in with its limits on: a burst at the tenant's concurrency limit
 * from one client and from two taking turns, a tenant that one client fills before another arrives (in one process,
 * and four processes against one stand-in served over HTTP), a burst over the minute's quota, and the limiter's cost
 * on one uncontended call. Correctness (every call succeeds, no 429 reaches a caller, the tenant never serves more
 * than its limit, the fewest windows) fails the run; times are printed against their budgets, never asserted.
 */

import { type ChildProcess, fork, spawnSync } from "node:child_process";
import { cpus } from "node:os";
import type { ZuoraClient } from "../src/index.js";
import type { StandIn } from "../stand-in/index.js";
import { type Call, entityBody, wrapped } from "./clients.js";
import { drivenClock } from "./drivenClock.js";
import { interleaved, summarize } from "./measure.js";
import { createStandIn, createZuoraClient } from "./shippedClient.js";

const CONCURRENCY = 10;
const LATENCY_MS = 20;
const WALL_BUDGET = 1.15;
const SHARED_BUDGET = 0.8;
const PER_MINUTE = 500;
const OVER_QUOTA_CALLS = 1200;
const COST_BUDGET = 1.02;
/** Client A's calls when one client fills the tenant first, and B's, started {@link LATE_START_MS} later. */
const FIRST_CALLS = 2000;
const LATE_CALLS = 200;
const LATE_START_MS = 100;
const SHARED_ONE_PROCESS_BUDGET = 1.2;
/** Processes sharing one stand-in served over HTTP, and the calls each makes. */
const PROCESSES = 4;
const PER_PROCESS_CALLS = 500;
const SHARED_PROCESSES_BUDGET = 1.25;

/** What the limiter scenarios measured. */
export interface LimitsResults {
  /** The baseline: {@link CONCURRENCY} workers, limiter off, the same calls one after another, in ms. */
  baselineMs: number;
  /** How busy the baseline kept the tenant (see {@link Burst.utilization}). */
  baselineUtilization: number;
  oneClient: Burst & { wallMs: number; idealMs: number; ratio: number };
  twoClients: Burst & { wallMs: number; idealMs: number; throughputShare: number };
  /** Client A starts {@link FIRST_CALLS} calls; B, {@link LATE_START_MS} later, {@link LATE_CALLS}. */
  lateClient: Shared & { lateFirstMs: number; lateLastMs: number; firstLastMs: number };
  /** {@link PROCESSES} processes, a client each, against one stand-in served by `listen()`. */
  processes: Shared & { perProcessMs: number[]; baselineMs: number };
  overQuota: {
    calls: number;
    perMinute: number;
    windows: number;
    fewestWindows: number;
    refusals: number;
    failed: number;
  };
  singleCall: { limiterOn: number; limiterOff: number; ratio: number; n: number };
}

interface Burst {
  calls: number;
  failed: number;
  /** The most requests the stand-in served at once. */
  peakServed: number;
  /** 429s the stand-in answered (and the clients absorbed). */
  refusals: number;
  /**
   * How busy the clients kept the tenant: requests served at once on average over the run, as a share of its limit.
   * Unlike the wall time, it leaves out what the machine adds to each request beyond the stand-in's latency.
   */
  utilization: number;
}

/** A tenant shared by clients that do not know of each other. */
interface Shared {
  calls: number;
  failed: number;
  /** The first failure's message, to say what went wrong. */
  firstFailure: string | undefined;
  /** 429s the stand-in answered (the clients absorbed them, unless `failed`). */
  refusals: number;
  wallMs: number;
  idealMs: number;
  ratio: number;
}

/**
 * Runs the scenarios: `calls` for the bursts (2,000 in the issue), `singleCalls` sequential calls per client
 * for the cost of the limiter against the bench server at `url`. Failed checks are pushed to `failures`.
 */
export async function limitsBench(
  url: string,
  calls: number,
  singleCalls: number,
  failures: string[],
): Promise<LimitsResults> {
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };
  const idealMs = (calls * LATENCY_MS) / CONCURRENCY;

  await concurrencyBurst(Math.min(calls, 200), 1); // warm-up
  const baseline = await concurrencyBurst(calls, 0);
  const one = await concurrencyBurst(calls, 1);
  const two = await concurrencyBurst(calls, 2);
  check(baseline.failed === 0, `limits, baseline: ${baseline.failed} of ${calls} calls failed`);
  check(one.failed === 0, `limits, one client: ${one.failed} of ${calls} calls failed`);
  check(one.peakServed <= CONCURRENCY, `limits, one client: the stand-in served ${one.peakServed} at once`);
  check(two.failed === 0, `limits, two clients: ${two.failed} of ${calls} calls failed`);
  check(two.peakServed <= CONCURRENCY, `limits, two clients: the stand-in served ${two.peakServed} at once`);

  const lateClient = await lateClientBurst();
  check(
    lateClient.failed === 0,
    `limits, a client arriving late: ${lateClient.failed} calls failed (${lateClient.firstFailure})`,
  );
  const processes = await processesBurst();
  check(
    processes.failed === 0,
    `limits, ${PROCESSES} processes: ${processes.failed} calls failed (${processes.firstFailure})`,
  );

  const overQuota = await quotaBurst();
  check(overQuota.failed === 0, `limits, over the quota: ${overQuota.failed} calls failed`);
  check(
    overQuota.windows === overQuota.fewestWindows,
    `limits, over the quota: ${overQuota.windows} windows, ${overQuota.fewestWindows} possible`,
  );

  // The same wrapped client with the limiter on (the default) and off, call by call against the bench server.
  const single: Record<string, Call> = {
    "limiter on": wrapped(url),
    "limiter off": wrapped(url, entityBody, true, Number.POSITIVE_INFINITY),
  };
  await interleaved(single, Math.min(500, singleCalls));
  const times = await interleaved(single, singleCalls);
  const on = summarize(times["limiter on"] ?? []).median;
  const off = summarize(times["limiter off"] ?? []).median;

  return {
    baselineMs: baseline.wallMs,
    baselineUtilization: baseline.utilization,
    oneClient: { ...one, idealMs, ratio: one.wallMs / idealMs },
    twoClients: { ...two, idealMs, throughputShare: idealMs / two.wallMs },
    lateClient,
    processes,
    overQuota,
    singleCall: { limiterOn: on, limiterOff: off, ratio: on / off, n: singleCalls },
  };
}

/**
 * `calls` createEntity calls against the stand-in at its limit: started at once and split over `clients` clients,
 * or (`clients: 0`) the baseline, {@link CONCURRENCY} workers of calls one after another with the limiter off: the
 * best any client can do on this machine, whose costs the ideal leaves out.
 */
async function concurrencyBurst(calls: number, clients: number): Promise<Burst & { wallMs: number }> {
  const standIn = createStandIn({ limits: { concurrency: CONCURRENCY }, latencyMs: LATENCY_MS });
  const served = servedSpans(standIn);
  const parentId = standIn.globalEntityId;
  const make = (maxConcurrency?: number) =>
    createZuoraClient({
      baseUrl: "https://rest.test.zuora.com",
      auth: "bench-token",
      fetch: served.fetch,
      maxConcurrency,
    });
  let failed = 0;
  const call = (zuora: ZuoraClient, i: number) =>
    zuora.createEntity({ ...entityBody, parentId, name: `Bulk-${i}` }).then(
      () => undefined,
      () => void failed++,
    );
  const start = performance.now();
  if (clients === 0) {
    const zuora = make(Number.POSITIVE_INFINITY);
    let next = 0;
    const worker = async () => {
      while (next < calls) await call(zuora, next++);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } else {
    const zuoras = Array.from({ length: clients }, () => make());
    await Promise.all(Array.from({ length: calls }, (_, i) => call(zuoras[i % clients] as ZuoraClient, i)));
  }
  const wallMs = performance.now() - start;
  return {
    calls,
    wallMs,
    failed,
    peakServed: served.peak(),
    refusals: standIn.requests().filter((r) => r.status === 429).length,
    utilization: served.busyMs() / wallMs / CONCURRENCY,
  };
}

/**
 * One client fills the tenant, another arrives later: client A starts {@link FIRST_CALLS} listEntities calls at once,
 * B (default options too) {@link LATE_CALLS} more {@link LATE_START_MS} later, against one stand-in in this process.
 * B finds every slot taken: it must back off and try again until A's calls leave room, and lose none of its calls.
 */
async function lateClientBurst(): Promise<LimitsResults["lateClient"]> {
  const standIn = createStandIn({ limits: { concurrency: CONCURRENCY }, latencyMs: LATENCY_MS });
  const make = () =>
    createZuoraClient({
      baseUrl: "https://rest.test.zuora.com",
      auth: "bench-token",
      fetch: (input, init) => standIn.fetch(input, init),
    });
  const [a, b] = [make(), make()];
  const failures: unknown[] = [];
  const start = performance.now();
  const run = (zuora: ZuoraClient, calls: number) =>
    Promise.all(
      Array.from({ length: calls }, () =>
        zuora.listEntities().then(
          () => performance.now() - start,
          (error: unknown) => void failures.push(error),
        ),
      ),
    );
  const first = run(a, FIRST_CALLS);
  await new Promise((resolve) => setTimeout(resolve, LATE_START_MS));
  const late = run(b, LATE_CALLS);
  const [firstEnds, lateEnds] = await Promise.all([first, late]);
  const wallMs = performance.now() - start;
  const calls = FIRST_CALLS + LATE_CALLS;
  const idealMs = (calls * LATENCY_MS) / CONCURRENCY;
  const times = (ends: (number | undefined)[]) => ends.filter((t): t is number => t !== undefined);
  return {
    calls,
    failed: failures.length,
    firstFailure: failures[0] === undefined ? undefined : String(failures[0]),
    refusals: standIn.requests().filter((r) => r.status === 429).length,
    wallMs,
    idealMs,
    ratio: wallMs / idealMs,
    firstLastMs: Math.max(0, ...times(firstEnds)),
    lateFirstMs: Math.min(wallMs, ...times(lateEnds)),
    lateLastMs: Math.max(0, ...times(lateEnds)),
  };
}

/**
 * How users scale past one process: {@link PROCESSES} Node processes, each with its own client (the shipped build,
 * default options), {@link PER_PROCESS_CALLS} listEntities calls each, all started at once against one stand-in
 * served by `listen()` from a process of its own. No store is shared: the tenant's answers are all the clients go
 * by. The baseline is one process of {@link CONCURRENCY} loops calling one after another, limiter off, against the
 * same stand-in: what the machine costs over HTTP, which the ideal leaves out.
 */
async function processesBurst(): Promise<LimitsResults["processes"]> {
  const children: ChildProcess[] = [];
  const spawnChild = (file: string, args: string[]) => {
    const child = fork(new URL(file, import.meta.url), args, {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "pipe", "inherit", "ipc"],
    });
    children.push(child);
    // The bench pins itself to one core; these run where they like, as separate processes would.
    if (child.pid !== undefined) unpin(child.pid);
    return child;
  };
  const exited = (child: ChildProcess, what: string) =>
    new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`${what} exited (${code})`))));
  const reply = <T>(child: ChildProcess, what: string) =>
    Promise.race([new Promise<T>((resolve) => child.once("message", (m) => resolve(m as T))), exited(child, what)]);
  try {
    const tenant = spawnChild("./tenantServer.ts", [String(CONCURRENCY), String(LATENCY_MS)]);
    const url = await Promise.race([
      new Promise<string>((resolve) => {
        let out = "";
        tenant.stdout?.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening (\S+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
      }),
      exited(tenant, "the bench's stand-in"),
    ]);
    type Report = { succeeded: number; failed: number; firstFailure?: string; ms: number };
    /** 429s the stand-in answered since it was last asked. */
    const refusalsSince = () => {
      tenant.send("count");
      return reply<{ refusals: number }>(tenant, "the bench's stand-in").then((r) => r.refusals);
    };
    /** Starts workers (each ready after its warm-up call), then says go to all at once. */
    const race = async (args: string[][]) => {
      const workers = args.map((a) => spawnChild("./tenantWorker.ts", [url, ...a]));
      await Promise.all(workers.map((w) => reply(w, "a bench worker")));
      await refusalsSince();
      const reports = workers.map((w) => reply<Report>(w, "a bench worker"));
      const start = performance.now();
      for (const worker of workers) worker.send("go");
      const done = await Promise.all(reports);
      return { wallMs: performance.now() - start, done, refusals: await refusalsSince() };
    };
    const calls = PROCESSES * PER_PROCESS_CALLS;
    const baseline = await race([[String(calls), "baseline", String(CONCURRENCY)]]);
    const shared = await race(Array.from({ length: PROCESSES }, () => [String(PER_PROCESS_CALLS)]));
    const { refusals } = shared;
    const idealMs = (calls * LATENCY_MS) / CONCURRENCY;
    return {
      calls,
      failed: calls - shared.done.reduce((sum, r) => sum + r.succeeded, 0),
      firstFailure: shared.done.find((r) => r.firstFailure !== undefined)?.firstFailure,
      refusals,
      wallMs: shared.wallMs,
      idealMs,
      ratio: shared.wallMs / idealMs,
      perProcessMs: shared.done.map((r) => r.ms),
      baselineMs: baseline.wallMs,
    };
  } finally {
    for (const child of children) child.kill();
  }
}

/** Lets process `pid` run on every core (it inherited the bench's pinning to one). */
function unpin(pid: number): void {
  if (cpus().length < 2) return;
  spawnSync("taskset", ["-a", "-cp", `0-${cpus().length - 1}`, String(pid)], { stdio: "ignore" });
}

/** The stand-in's fetch, recording when each request it served (not refused) began and ended. */
function servedSpans(standIn: StandIn) {
  const spans: [number, number][] = [];
  return {
    fetch: async (input: string, init: RequestInit) => {
      const began = performance.now();
      const response = await standIn.fetch(input, init);
      if (response.status !== 429) spans.push([began, performance.now()]);
      return response;
    },
    /** The time spent serving, summed over the requests, in ms. */
    busyMs: () => spans.reduce((sum, [a, b]) => sum + (b - a), 0),
    /** The most requests served at one moment. */
    peak: () => {
      const events = spans.flatMap(([a, b]): [number, number][] => [
        [a, 1],
        [b, -1],
      ]);
      events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      let now = 0;
      let most = 0;
      for (const [, step] of events) {
        now += step;
        most = Math.max(most, now);
      }
      return most;
    },
  };
}

/**
 * {@link OVER_QUOTA_CALLS} calls started at once against a stand-in allowing {@link PER_MINUTE} a minute, on a clock
 * the client's waits move, so no minute passes for real.
 */
export async function quotaBurst(): Promise<LimitsResults["overQuota"]> {
  const clock = drivenClock();
  const standIn = createStandIn({ limits: { perMinute: PER_MINUTE, now: clock.now } });
  const zuora = createZuoraClient({
    baseUrl: "https://rest.test.zuora.com",
    auth: "bench-token",
    retry: { now: clock.now, sleep: clock.sleep },
    fetch: clock.around((input, init) => standIn.fetch(input, init)),
  });
  const parentId = standIn.globalEntityId;
  const results = await Promise.allSettled(
    Array.from({ length: OVER_QUOTA_CALLS }, (_, i) =>
      zuora.createEntity({ ...entityBody, parentId, name: `Quota-${i}` }),
    ),
  );
  return {
    calls: OVER_QUOTA_CALLS,
    perMinute: PER_MINUTE,
    windows: Math.floor(clock.now() / 60_000) + 1,
    fewestWindows: Math.ceil(OVER_QUOTA_CALLS / PER_MINUTE),
    refusals: standIn.requests().filter((r) => r.status === 429).length,
    failed: results.filter((r) => r.status === "rejected").length,
  };
}

/** Prints the scenarios against the budgets. */
export function printLimits(r: LimitsResults): void {
  const x = (v: number) => v.toFixed(3);
  const within = (ok: boolean) => (ok ? "within" : "OVER");
  const { oneClient: one, twoClients: two, overQuota: quota, singleCall: single } = r;
  const base = (b: Burst & { wallMs: number }) =>
    `${x(b.wallMs / r.baselineMs)}× the baseline; the tenant kept ${(b.utilization * 100).toFixed(1)} % busy`;
  console.log("");
  console.log(
    `limits, baseline (${CONCURRENCY} workers calling one after another, limiter off; the best this machine and stand-in ` +
      `allow): ${r.baselineMs.toFixed(0)} ms, ${x(r.baselineMs / one.idealMs)}× the ideal; the tenant kept ` +
      `${(r.baselineUtilization * 100).toFixed(1)} % busy`,
  );
  console.log(
    `limits, one client: ${one.calls} createEntity at once, stand-in concurrency ${CONCURRENCY}, latency ${LATENCY_MS} ms: ` +
      `${one.calls - one.failed} succeeded, at most ${one.peakServed} served at once, ${one.refusals} 429s absorbed; ` +
      `${one.wallMs.toFixed(0)} ms, ${x(one.ratio)}× the ideal ${one.idealMs} ms (${within(one.ratio <= WALL_BUDGET)} the ${WALL_BUDGET} budget), ` +
      base(one),
  );
  console.log(
    `limits, two clients sharing the tenant: ${two.calls - two.failed} of ${two.calls} succeeded, at most ${two.peakServed} served at once, ` +
      `${two.refusals} 429s absorbed; ${two.wallMs.toFixed(0)} ms, throughput ${(two.throughputShare * 100).toFixed(1)} % of the ideal ` +
      `(${within(two.throughputShare >= SHARED_BUDGET)} the ≥ ${SHARED_BUDGET * 100} % budget), ${base(two)}`,
  );
  const late = r.lateClient;
  console.log(
    `limits, a client arriving late: A starts ${FIRST_CALLS} listEntities at once, B ${LATE_CALLS} more ${LATE_START_MS} ms later ` +
      `(stand-in concurrency ${CONCURRENCY}, latency ${LATENCY_MS} ms): ${late.calls - late.failed} of ${late.calls} succeeded, ` +
      `${late.refusals} 429s absorbed; A's last answer after ${late.firstLastMs.toFixed(0)} ms, B's first after ` +
      `${late.lateFirstMs.toFixed(0)} ms and last after ${late.lateLastMs.toFixed(0)} ms; ${late.wallMs.toFixed(0)} ms, ` +
      `${x(late.ratio)}× the ideal ${late.idealMs} ms (${within(late.ratio <= SHARED_ONE_PROCESS_BUDGET)} the ${SHARED_ONE_PROCESS_BUDGET} budget)`,
  );
  const procs = r.processes;
  console.log(
    `limits, ${PROCESSES} processes sharing one stand-in over HTTP (listen()): ${PER_PROCESS_CALLS} listEntities each at once, ` +
      `${procs.calls - procs.failed} of ${procs.calls} succeeded, ${procs.refusals} 429s absorbed; each process done after ` +
      `${procs.perProcessMs.map((ms) => ms.toFixed(0)).join(", ")} ms; ${procs.wallMs.toFixed(0)} ms, ${x(procs.ratio)}× the ideal ` +
      `${procs.idealMs} ms (${within(procs.ratio <= SHARED_PROCESSES_BUDGET)} the ${SHARED_PROCESSES_BUDGET} budget); ` +
      `${x(procs.wallMs / procs.baselineMs)}× the baseline (one process, ${CONCURRENCY} loops one call after another, ` +
      `limiter off, over the same HTTP: ${procs.baselineMs.toFixed(0)} ms, ${x(procs.baselineMs / procs.idealMs)}× the ideal)`,
  );
  console.log(
    `limits, over the quota: ${quota.calls} calls at ${quota.perMinute} a minute: ${quota.calls - quota.failed} succeeded in ` +
      `${quota.windows} windows (fewest possible ${quota.fewestWindows}), ${quota.refusals} 429s (the first burst, before any answer)`,
  );
  console.log(
    `limits, one uncontended call (medians, ${single.n} interleaved): limiter on ${(single.limiterOn * 1000).toFixed(0)} µs, ` +
      `off ${(single.limiterOff * 1000).toFixed(0)} µs: ${x(single.ratio)} (${within(single.ratio <= COST_BUDGET)} the ${COST_BUDGET} budget)`,
  );
}
