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
});
