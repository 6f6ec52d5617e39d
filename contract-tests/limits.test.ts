import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivenClock } from "../bench/drivenClock.js";
import { type CheckedStandIn, startCheckedStandIn } from "../scripts/checkedStandIn.js";
import { responseContract } from "../scripts/verify/responseContract.js";
import { prismViolations } from "../scripts/verify/verdicts.js";
import { createZuoraClient } from "../src/index.js";

const CALLS = 200;

// The metered stand-in's minute runs on this clock, which the client's waits move: no test waits a real minute.
const clock = drivenClock();
let crowded: CheckedStandIn;
let metered: CheckedStandIn;
beforeAll(async () => {
  const started = await Promise.allSettled([
    // Answers held 100 ms: the first burst (16 calls, sent before any answer) reaches the tenant well within it.
    startCheckedStandIn({ limits: { concurrency: 4 }, latencyMs: 100 }),
    startCheckedStandIn({ limits: { perMinute: 12, now: clock.now } }),
  ]);
  for (const s of started) if (s.status === "rejected") throw s.reason;
  [crowded, metered] = started.map((s) => (s as PromiseFulfilledResult<CheckedStandIn>).value) as [
    CheckedStandIn,
    CheckedStandIn,
  ];
});
afterAll(async () => {
  await crowded?.close();
  await metered?.close();
});

/** The real client behind prism proxy --errors; every answer (each attempt's) is checked against the spec. */
function checkedClient(url: string) {
  const contract = responseContract();
  const violations: string[] = [];
  const checking = contract.checkingFetch(violations);
  const statuses: number[] = [];
  const client = createZuoraClient({
    baseUrl: url,
    auth: "limits-token",
    retry: { now: clock.now, sleep: clock.sleep },
    fetch: clock.around(async (input, init) => {
      const response = await checking(input, init);
      statuses.push(response.status);
      const said = prismViolations(response.headers, await response.clone().text());
      for (const v of said) violations.push(`${init.method} ${input}: Prism: ${v.location.join(".")}: ${v.message}`);
      return response;
    }),
  });
  return { client, violations, statuses };
}

async function burst(checked: CheckedStandIn) {
  const { client, violations, statuses } = checkedClient(checked.url);
  const parentId = checked.standIn.globalEntityId;
  const results = await Promise.allSettled(
    Array.from({ length: CALLS }, (_, i) =>
      client.createEntity({ name: `Burst-${i}`, parentId, locale: "en_US", timezone: "UTC" }).withResponse(),
    ),
  );
  const failed = results.filter((r) => r.status === "rejected").map((r) => String(r.reason));
  const answered = checked.standIn.requests().filter((r) => r.path === "/v1/entities");
  return { failed, violations, statuses, answered };
}

describe("a burst against Zuora's limits, through prism proxy --errors", () => {
  it(`absorbs the concurrency refusals of ${CALLS} calls started at once; every answer, 429s included, follows the spec`, async () => {
    const { failed, violations, statuses, answered } = await burst(crowded);
    expect(failed).toEqual([]);
    expect(violations).toEqual([]);
    expect(answered.filter((r) => r.status === 200)).toHaveLength(CALLS);
    const refusals = statuses.filter((s) => s === 429).length;
    expect(refusals).toBe(answered.filter((r) => r.status === 429).length);
    expect(refusals).toBeGreaterThan(0);
  });

  it(`waits out the rate window: ${CALLS} calls at 12 a minute take the fewest windows, and the refusals are few and absorbed`, async () => {
    clock.set(0);
    clock.waits.length = 0;
    const { failed, violations, statuses, answered } = await burst(metered);
    expect(failed).toEqual([]);
    expect(violations).toEqual([]);
    expect(answered.filter((r) => r.status === 200)).toHaveLength(CALLS);
    // Calls sent before an answer told the client about the window (at most its 16 slots) may meet a 429, and so may a
    // call the driven clock overtakes on its way to the transport; how many depends on how answers, sends and waits
    // interleave, so the test holds what does not: a few refusals, every one absorbed, and no extra window.
    const refusals = statuses.filter((s) => s === 429).length;
    expect(refusals).toBeGreaterThan(0);
    expect(refusals).toBeLessThanOrEqual(16);
    // ceil(200 / 12) = 17 windows: 16 waits, each for a whole reset.
    expect(clock.waits).toEqual(Array(16).fill(60_000));
  });
});
