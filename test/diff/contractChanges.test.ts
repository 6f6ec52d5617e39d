import { describe, expect, it } from "vitest";
import { type JsonObject, readSpec } from "../../scripts/codegen/spec.js";
import { contractChanges } from "../../scripts/diff/contractChanges.js";

const spec = readSpec();

/** A copy of the spec with one schema of components/schemas edited. */
function withSchema(name: string, edit: (schema: JsonObject) => void): JsonObject {
  const copy = structuredClone(spec);
  edit(((copy.components as JsonObject).schemas as JsonObject)[name] as JsonObject);
  return copy;
}
const properties = (schema: JsonObject) => schema.properties as JsonObject;
const property = (schema: JsonObject, name: string) => properties(schema)[name] as JsonObject;

describe("contract changes between two versions of the spec", () => {
  it("finds none between the spec and itself", () => {
    expect(contractChanges(spec, structuredClone(spec))).toEqual([]);
  });

  it("flags a tightened length limit as breaking, with the old and new limit", () => {
    const after = withSchema("InitiateConnectionRequest", (schema) => {
      property(schema, "targetEntityId").maxLength = 30;
    });
    const changes = contractChanges(spec, after);
    expect(changes.map((change) => change.impact)).toEqual(["breaking"]);
    expect(changes[0]?.what).toContain("targetEntityId");
    expect(changes[0]?.what).toContain("(32 → 30)");
  });

  it("calls a loosened length limit non-breaking", () => {
    const after = withSchema("InitiateConnectionRequest", (schema) => {
      property(schema, "targetEntityId").maxLength = 40;
    });
    expect(contractChanges(spec, after).map((change) => change.impact)).toEqual(["non-breaking"]);
  });

  it("flags a tightened pattern as breaking", () => {
    const after = withSchema("CreateEntityRequest", (schema) => {
      property(schema, "name").pattern = "^[A-Za-z0-9.-]+$";
    });
    expect(contractChanges(spec, after).map((change) => change.impact)).toEqual(["breaking"]);
  });

  it("flags a new required request field as breaking", () => {
    const after = withSchema("InitiateConnectionRequest", (schema) => {
      properties(schema).note = { type: "string" };
      schema.required = ["targetEntityId", "note"];
    });
    const breaking = contractChanges(spec, after).filter((change) => change.impact === "breaking");
    expect(breaking.some((change) => /required status to `note`/.test(change.what))).toBe(true);
  });

  it("flags a removed response field as breaking under the package's policy", () => {
    const after = withSchema("CreateEntityResponse", (schema) => {
      delete properties(schema).tenantId;
    });
    const changes = contractChanges(spec, after);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change.impact).toBe("breaking");
      expect(change.policy).toBe("a removed property is removed from the generated types");
    }
  });

  it("flags a removed optional request field as breaking under the package's policy", () => {
    const after = withSchema("CreateEntityRequest", (schema) => {
      delete properties(schema).displayName;
    });
    expect(contractChanges(spec, after).map((change) => change.impact)).toEqual(["breaking"]);
  });

  it("treats a change to an extension the client compiles as breaking until reviewed", () => {
    const after = withSchema("ReasonCode", (schema) => {
      schema["x-retryable-categories"] = [50, 61, 70];
    });
    const changes = contractChanges(spec, after);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(change.impact).toBe("breaking");
  });

  it("calls a description change documentation only", () => {
    const after = withSchema("CreateEntityResponse", (schema) => {
      property(schema, "parentId").description = "The ID of the parent entity, reworded.";
    });
    expect(contractChanges(spec, after).map((change) => change.impact)).toEqual(["annotation"]);
  });
});
