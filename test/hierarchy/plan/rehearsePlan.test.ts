import { describe, expect, it } from "vitest";
import { type Plan, planChanges, rehearsePlan } from "../../../hierarchy/index.js";
import { entity, file, tenant } from "../builders.js";

const wanted = file(
  [entity("EU", "Global", { provisioned: true }), entity("DE", "EU", { provisioned: true })],
  [{ from: "EU", to: "DE", status: "Connected" }],
);
const current = tenant([{ name: "Old", status: "Provisioned" }], [{ from: "Global", to: "Old", status: "Pending" }]);
const withOld = file(
  [entity("Old", "Global", { provisioned: true }), ...wanted.entities.slice(1)],
  [...wanted.connections, { from: "Global", to: "Old", status: "Pending" }],
);

/** The plan less the steps `drop` picks: what a planner with a gap (or a hand-edited saved plan) would send. */
function without(plan: Plan, drop: (action: string, address: string) => boolean): Plan {
  const kept = plan.steps.filter((s) => !drop(s.action, s.address));
  const index = new Map(kept.map((s, i) => [s.index, i]));
  return {
    ...plan,
    steps: kept.map((s, i) => ({
      ...s,
      index: i,
      dependsOn: s.dependsOn.flatMap((d) => (index.has(d) ? [index.get(d) as number] : [])),
    })),
  };
}

describe("rehearsePlan: the plan applied to a stand-in seeded with the tenant, before the tenant is touched", () => {
  it("passes a sound plan, on a stand-in holding the tenant's entities and connections", async () => {
    expect(await rehearsePlan(withOld, planChanges(withOld, current))).toEqual([]);
  });

  it("turns a step the stand-in refuses into a refusal with Zuora's reason code", async () => {
    const gap = without(
      planChanges(withOld, current),
      (action, address) => action === "provision" && address === "entity.EU",
    );
    expect(await rehearsePlan(withOld, gap)).toEqual([
      {
        address: "entity.DE",
        reason:
          "the rehearsal on a stand-in of the tenant refused provision: 50000030 The entity cannot be provisioned before its parent entity is provisioned.",
        code: "50000030",
      },
    ]);
  });

  it("reports every step the stand-in refuses, not only the first", async () => {
    const two = file(
      [
        ...withOld.entities.slice(1),
        entity("US", "Global", { provisioned: true }),
        entity("CA", "US", { provisioned: true }),
      ],
      withOld.connections,
    );
    const gap = without(
      planChanges(two, current),
      (action, address) => action === "provision" && (address === "entity.EU" || address === "entity.US"),
    );
    const refused = await rehearsePlan(two, gap);
    expect(refused.map((r) => [r.address, r.code])).toEqual([
      ["entity.DE", "50000030"],
      ["entity.CA", "50000030"],
    ]);
  });

  it("names the file's line and column of what the rehearsal refused, as the planner's refusals do", async () => {
    const located = {
      ...withOld,
      entities: withOld.entities.map((e) => (e.name === "DE" ? { ...e, at: { line: 12, column: 3 } } : e)),
    };
    const gap = without(
      planChanges(located, current),
      (action, address) => action === "provision" && address === "entity.EU",
    );
    const [refusal] = await rehearsePlan(located, gap);
    expect(refusal).toMatchObject({ address: "entity.DE", at: { line: 12, column: 3 }, code: "50000030" });
  });

  it("refuses a plan that would leave the tenant short of the file", async () => {
    const gap = without(planChanges(withOld, current), (action) => action === "accept");
    expect(await rehearsePlan(withOld, gap)).toEqual([
      {
        address: "connection.EU->DE",
        reason: "after the rehearsal this still needs accept (the plan does not reach the file)",
      },
    ]);
  });
});
