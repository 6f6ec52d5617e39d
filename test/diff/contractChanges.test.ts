import { describe, expect, it } from "vitest";
import { type JsonObject, readSpec } from "../../scripts/codegen/spec.js";
import { contractChanges, WHAT_CHARACTERS } from "../../scripts/diff/contractChanges.js";

const spec = readSpec();

/** A copy of the spec with one schema of components/schemas edited. */
function withSchema(name: string, edit: (schema: JsonObject) => void): JsonObject {
  const copy = structuredClone(spec);
  edit(((copy.components as JsonObject).schemas as JsonObject)[name] as JsonObject);
  return copy;
}
/** A copy of the spec with one part edited. */
function edited(edit: (copy: JsonObject) => void): JsonObject {
  const copy = structuredClone(spec);
  edit(copy);
  return copy;
}
/** The `application/json` content of createEntity's 200 response in a copy of the spec. */
const created = (copy: JsonObject) =>
  // biome-ignore lint/suspicious/noExplicitAny: a deep path into the parsed YAML, checked by the assertions below
  (copy as any).paths["/v1/entities"].post.responses["200"].content["application/json"] as JsonObject;
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

  it("calls a new component compatible, and a new extension on an existing one breaking until reviewed", () => {
    const added = edited((copy) => {
      const parameters = (copy.components as JsonObject).parameters as JsonObject;
      parameters.Extra = { ...(parameters.Username as JsonObject), name: "extra" };
    });
    expect(contractChanges(spec, added).map((change) => [change.impact, change.where])).toEqual([
      ["non-breaking", "components › parameters › Extra"],
    ]);
    const extended = edited((copy) => {
      ((copy.components as JsonObject).parameters as JsonObject).Username = {
        ...(((copy.components as JsonObject).parameters as JsonObject).Username as JsonObject),
        "x-new": true,
      };
    });
    const impacts = contractChanges(spec, extended).map((change) => change.impact);
    expect(impacts.length).toBeGreaterThan(0);
    expect(new Set(impacts)).toEqual(new Set(["breaking"]));
  });

  it("calls a description change documentation only", () => {
    const after = withSchema("CreateEntityResponse", (schema) => {
      property(schema, "parentId").description = "The ID of the parent entity, reworded.";
    });
    expect(contractChanges(spec, after).map((change) => change.impact)).toEqual(["annotation"]);
  });

  it("calls an added response example a fix, as the README's Versioning table does", () => {
    const after = edited((copy) => {
      (created(copy).examples as JsonObject).another = { summary: "Another entity", value: { success: true } };
    });
    const changes = contractChanges(spec, after);
    expect(changes.map((change) => change.impact)).toEqual(["annotation"]);
    expect(changes[0]?.what).toBe("Added `another` in `examples`");
  });

  it("calls a changed example of a shared response header a fix, and a changed shared example too", () => {
    const header = edited((copy) => {
      // biome-ignore lint/suspicious/noExplicitAny: a deep path into the parsed YAML
      (copy as any).components.headers.ZuoraRequestId.example = "another-request-id";
    });
    const headerChanges = contractChanges(spec, header);
    expect(headerChanges.length).toBeGreaterThan(0);
    for (const change of headerChanges) expect(change.impact).toBe("annotation");
    const shared = edited((copy) => {
      // biome-ignore lint/suspicious/noExplicitAny: a deep path into the parsed YAML
      (copy as any).components.examples.BusinessFailure.value.processId = "ANOTHER";
    });
    // api-smart-diff does not resolve a shared example under the operations: it is reported where it was edited.
    expect(contractChanges(spec, shared)).toEqual([
      expect.objectContaining({ impact: "annotation", where: expect.stringMatching(/^components › examples/) }),
    ]);
  });

  it("calls new words for a pattern a fix: they change messages, not what is accepted", () => {
    const after = withSchema("CreateEntityRequest", (schema) => {
      property(schema, "name")["x-pattern-description"] = "letters, digits, spaces, periods or hyphens";
    });
    expect(contractChanges(spec, after).map((change) => change.impact)).toEqual(["annotation"]);
  });

  it("keeps a field that happens to be called description part of the contract", () => {
    const after = withSchema("InitiateConnectionRequest", (schema) => {
      properties(schema).description = { type: "string" };
      schema.required = ["targetEntityId", "description"];
    });
    expect(contractChanges(spec, after).some((change) => change.impact === "breaking")).toBe(true);
  });

  it("puts a rewritten long description on one line of bounded length, old and new cut short", () => {
    const after = edited((copy) => {
      const info = copy.info as JsonObject;
      info.description = `${String(info.description)}\n\nOne more paragraph.`;
    });
    const [change, ...rest] = contractChanges(spec, after);
    expect(rest).toEqual([]);
    expect(String((spec.info as JsonObject).description).length).toBeGreaterThan(1000);
    expect(change?.impact).toBe("annotation");
    expect(change?.what).not.toContain("\n");
    expect(change?.what.length).toBeLessThanOrEqual(WHAT_CHARACTERS);
    expect(change?.what).toMatch(/characters\)/);
  });

  it("says in words what every change did, whatever api-smart-diff describes", () => {
    const edits: ((copy: JsonObject) => void)[] = [
      (copy) => {
        (created(copy).examples as JsonObject).another = { value: { success: true } };
      },
      (copy) => {
        // biome-ignore lint/suspicious/noExplicitAny: a deep path into the parsed YAML
        (copy as any).components.headers.ZuoraRequestId.example = "another-request-id";
      },
      (copy) => {
        // biome-ignore lint/suspicious/noExplicitAny: a deep path into the parsed YAML
        delete (copy as any).components.schemas.CreateEntityResponse.properties.tenantId;
      },
      (copy) => {
        // biome-ignore lint/suspicious/noExplicitAny: a deep path into the parsed YAML
        (copy as any).components.schemas.ReasonCode["x-retryable-categories"] = [50];
      },
    ];
    for (const edit of edits) {
      const changes = contractChanges(spec, edited(edit));
      expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) expect(change.what).toMatch(/^\S.*\w.*\S$/);
      for (const change of changes) expect(["add", "remove", "replace", "rename"]).not.toContain(change.what);
    }
  });
});
