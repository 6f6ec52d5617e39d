import { describe, expect, it } from "vitest";
import { parseSavedPlan } from "../../../hierarchy/index.js";

const saved = (tenant: unknown) =>
  JSON.stringify({ kind: "zuora-entities-plan", formatVersion: "1", steps: [], refused: [], tenant });

describe("parseSavedPlan", () => {
  it("refuses a saved plan whose recorded tenant is missing or cut short, naming what is missing", () => {
    for (const tenant of [null, {}, { entities: null, connections: [] }, { entities: [], connections: "none" }]) {
      expect(() => parseSavedPlan(saved(tenant))).toThrow(
        "the saved plan is incomplete: steps, refused and tenant (its entities and connections) are required",
      );
    }
    expect(parseSavedPlan(saved({ entities: [], connections: [] })).tenant).toEqual({ entities: [], connections: [] });
  });

  it("refuses a step this version cannot run (a newer version's, or an edit), so none is said done unsent", () => {
    const withSteps = (steps: unknown[]) =>
      JSON.stringify({
        kind: "zuora-entities-plan",
        formatVersion: "1",
        steps,
        refused: [],
        tenant: { entities: [], connections: [] },
      });
    const step = { address: "entity.EU", action: "create", entity: "EU", index: 0, after: [] };
    expect(parseSavedPlan(withSteps([step])).steps).toHaveLength(1);
    for (const odd of [{ ...step, action: "rename" }, { ...step, action: "__proto__" }, "create", null]) {
      expect(() => parseSavedPlan(withSteps([step, odd]))).toThrow(
        /^step 2 of the saved plan is not one this version of zuora-entities can run/,
      );
    }
  });
});
