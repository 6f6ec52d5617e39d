import { describe, expect, it } from "vitest";
import {
  applyPlan,
  type Hierarchy,
  PlanRefusedError,
  planChanges,
  readTenant,
  type StepEvent,
} from "../../../hierarchy/index.js";
import { createZuoraClient } from "../../../src/index.js";
import { createStandIn, type StandIn } from "../../../stand-in/index.js";
import { entity, file } from "../builders.js";

interface Sent {
  method: string;
  path: string;
  entityIds: string | null;
  idempotencyKey: string | null;
}

/** A client on an in-process stand-in that records what it sends and how many requests were in flight at most. */
function clientOn(standIn: StandIn) {
  const sent: Sent[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const zuora = createZuoraClient({
    baseUrl: "https://rest.test.zuora.com",
    auth: "any-token",
    maxRetries: 0,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push({
        method: request.method,
        path: new URL(request.url).pathname,
        entityIds: request.headers.get("zuora-entity-ids"),
        idempotencyKey: request.headers.get("idempotency-key"),
      });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        // A turn of the event loop, so that the steps sent side by side are in flight together.
        await new Promise((resolve) => setImmediate(resolve));
        return await standIn.fetch(request);
      } finally {
        inFlight--;
      }
    },
  });
  return { zuora, sent, maxInFlight: () => maxInFlight };
}

const hierarchy: Hierarchy = file(
  [
    entity("EU", "Global", { provisioned: true, locale: "en_GB", timezone: "Europe/London" }),
    entity("DE", "EU", { provisioned: true, locale: "de_DE", timezone: "Europe/Berlin" }),
    entity("FR", "EU", { locale: "fr_FR", timezone: "Europe/Paris" }),
    entity("US", "Global", { timezone: "America/New_York" }),
  ],
  [{ from: "EU", to: "DE", status: "Connected" }],
);

describe("applyPlan", () => {
  it("brings the tenant to the file, initiating as the source entity and accepting as the target", async () => {
    const standIn = createStandIn();
    const { zuora, sent } = clientOn(standIn);
    const plan = planChanges(hierarchy, await readTenant(zuora));
    sent.length = 0;
    const result = await applyPlan(plan, zuora);
    expect(result).toMatchObject({ ok: true, failed: [], notStarted: [] });
    const id = (name: string) => standIn.state().entities.find((e) => e.name === name)?.id;
    const initiate = sent.find((s) => s.method === "POST" && s.path === "/v1/entity-connections");
    const accept = sent.find((s) => s.path.endsWith("/accept"));
    expect(initiate?.entityIds).toBe(id("EU"));
    expect(accept?.entityIds).toBe(id("DE"));
    expect(planChanges(hierarchy, await readTenant(zuora)).steps).toEqual([]);
  });

  it("runs independent steps side by side, never more than --parallelism at once", async () => {
    const wide = file(["A", "B", "C", "D", "E", "F"].map((name) => entity(name, "Global")));
    for (const parallelism of [1, 3]) {
      const { zuora, maxInFlight } = clientOn(createStandIn());
      const plan = planChanges(wide, await readTenant(zuora));
      await applyPlan(plan, zuora, { parallelism });
      expect(maxInFlight()).toBe(parallelism);
    }
  });

  it("at the first failure starts nothing new, reports done, failed (with Zuora's reason) and not started", async () => {
    const standIn = createStandIn();
    const { zuora } = clientOn(standIn);
    const plan = planChanges(hierarchy, await readTenant(zuora));
    standIn.failNext({ fault: { status: 400 }, operationId: "provisionEntity" });
    const events: StepEvent[] = [];
    const result = await applyPlan(plan, zuora, { parallelism: 1, onStep: (e) => events.push(e) });
    expect(result.ok).toBe(false);
    expect(result.failed.map((f) => `${f.step.action} ${f.step.address}`)).toEqual(["provision entity.EU"]);
    expect(result.failed[0]?.reason).toBe("SystemError injected 400");
    expect(result.done.map((s) => `${s.action} ${s.address}`)).toEqual([
      "create entity.EU",
      "create entity.US",
      "create entity.DE",
      "create entity.FR",
    ]);
    expect(result.notStarted.map((s) => `${s.action} ${s.address}`)).toEqual([
      "provision entity.DE",
      "initiate connection.EU->DE",
      "accept connection.EU->DE",
    ]);
    expect(events.map((e) => `${e.position}/${e.total} ${e.outcome}`)).toEqual([
      "1/8 done",
      "2/8 done",
      "3/8 done",
      "4/8 done",
      "5/8 failed",
    ]);
    // A new plan shows exactly the rest; a new apply finishes the job.
    const rest = planChanges(hierarchy, await readTenant(zuora));
    expect(rest.steps.map((s) => `${s.action} ${s.address}`)).toEqual([
      "provision entity.EU",
      "provision entity.DE",
      "initiate connection.EU->DE",
      "accept connection.EU->DE",
    ]);
    expect((await applyPlan(rest, zuora)).ok).toBe(true);
  });

  it("gives creates idempotency keys derived from the plan: a re-run after a lost answer does not create twice", async () => {
    const standIn = createStandIn();
    const { zuora, sent } = clientOn(standIn);
    const plan = planChanges(hierarchy, await readTenant(zuora));
    standIn.failNext({ fault: "reset-after", operationId: "createEntity" });
    // The read that would find the entity made fails too, so this apply cannot tell that its create went through.
    standIn.failNext({ fault: "reset-before", operationId: "listEntities" });
    expect((await applyPlan(plan, zuora, { parallelism: 1 })).ok).toBe(false);
    const firstKeys = sent.filter((s) => s.method === "POST").map((s) => s.idempotencyKey);
    sent.length = 0;
    // The same plan again: its first create is answered from the key, not refused as a name already taken.
    expect((await applyPlan(plan, zuora, { parallelism: 1 })).ok).toBe(true);
    expect(sent.filter((s) => s.method === "POST")[0]?.idempotencyKey).toBe(firstKeys[0]);
    expect(standIn.state().entities.filter((e) => e.name === "EU")).toHaveLength(1);
  });

  it("sends nothing for a plan with refusals", async () => {
    const standIn = createStandIn();
    const { zuora, sent } = clientOn(standIn);
    const plan = planChanges(file([entity("DE", "Nowhere")]), await readTenant(zuora));
    sent.length = 0;
    await expect(applyPlan(plan, zuora)).rejects.toBeInstanceOf(PlanRefusedError);
    expect(sent).toEqual([]);
  });
});
