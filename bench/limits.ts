/**
 * The limiter's budgets (issue "Bulk work inside Zuora's limits"), measured against the stand-in with its limits on:
 * a burst at the tenant's concurrency limit from one client and from two, a burst over the minute's quota, and the
 * limiter's cost on one uncontended call. Correctness (every call succeeds, the tenant never serves more than its
 * limit, the fewest windows) fails the run; times are printed against their budgets, never asserted.
 */

import { drivenClock } from "../scripts/test/drivenClock.js";
import type { ZuoraClient } from "../src/index.js";
import type { StandIn } from "../stand-in/index.js";
import { type Call, entityBody, wrapped } from "./clients.js";
import { interleaved, summarize } from "./measure.js";
import { createStandIn, createZuoraClient } from "./shippedClient.js";

const CONCURRENCY = 10;
const LATENCY_MS = 20;
const WALL_BUDGET = 1.15;
const SHARED_BUDGET = 0.8;
const PER_MINUTE = 500;
const OVER_QUOTA_CALLS = 1200;
const COST_BUDGET = 1.02;

/** What the limiter scenarios measured. */
export interface LimitsResults {
  /** The baseline: {@link CONCURRENCY} workers, limiter off, the same calls one after another, in ms. */
  baselineMs: number;
  /** How busy the baseline kept the tenant (see {@link Burst.utilization}). */
  baselineUtilization: number;
  oneClient: Burst & { wallMs: number; idealMs: number; ratio: number };
  twoClients: Burst & { wallMs: number; idealMs: number; throughputShare: number };
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

/**
 * Runs the four scenarios: `calls` for the bursts (2,000 in the issue), `singleCalls` sequential calls per client
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
  console.log(
    `limits, over the quota: ${quota.calls} calls at ${quota.perMinute} a minute: ${quota.calls - quota.failed} succeeded in ` +
      `${quota.windows} windows (fewest possible ${quota.fewestWindows}), ${quota.refusals} 429s (the first burst, before any answer)`,
  );
  console.log(
    `limits, one uncontended call (medians, ${single.n} interleaved): limiter on ${(single.limiterOn * 1000).toFixed(0)} µs, ` +
      `off ${(single.limiterOff * 1000).toFixed(0)} µs: ${x(single.ratio)} (${within(single.ratio <= COST_BUDGET)} the ${COST_BUDGET} budget)`,
  );
}
