import { describe, expect, it } from "vitest";
import { extractConstraints, renderConstraints } from "../../scripts/codegen/constraints.js";
import type { JsonObject } from "../../scripts/codegen/spec.js";

// A small spec of this test's own, so each rule of the extractor is pinned independently of the real contract.
function miniSpec(property: JsonObject = { type: "string", maxLength: 3 }): JsonObject {
  return {
    openapi: "3.1.0",
    info: { title: "mini", version: "9.9.9" },
    paths: {
      "/things": {
        post: {
          operationId: "createThing",
          parameters: [{ $ref: "#/components/parameters/Key" }, { name: "q", in: "query", schema: { type: "string" } }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
        },
        get: { operationId: "listThings" },
      },
    },
    components: {
      parameters: {
        Key: {
          name: "X-Key",
          in: "header",
          "x-methods": ["POST"],
          schema: { type: "string", maxLength: 8, pattern: "^k", "x-pattern-description": "a k first" },
        },
      },
      schemas: {
        Thing: {
          type: "object",
          required: ["label"],
          properties: { label: property, note: { type: "string", description: "free text" } },
        },
      },
    },
  };
}

describe("extractConstraints", () => {
  it("derives body fields with their required flag and limits, following $ref", () => {
    const table = extractConstraints(miniSpec());
    expect(table.operations.createThing).toEqual({
      operationId: "createThing",
      method: "POST",
      path: "/things",
      auth: true,
      successFlag: false,
      body: true,
      bodyRequired: true,
      contentType: "application/json",
      fields: {
        label: { required: true, type: "string", maxLength: 3 },
        note: { required: false, type: "string" },
      },
      pathParams: {},
      query: { q: { required: false, type: "string" } },
      headers: ["X-Key"],
    });
  });

  it("derives header limits and the methods that may carry a header, skipping other parameters", () => {
    const table = extractConstraints(miniSpec());
    expect(table.headers).toEqual({
      "X-Key": { maxLength: 8, pattern: "^k", patternDescription: "a k first", methods: ["POST"] },
    });
  });

  it("records an operation without a body as taking none", () => {
    const table = extractConstraints(miniSpec());
    expect(table.operations.listThings).toMatchObject({ body: false, bodyRequired: false, fields: {} });
    expect(table.operations.listThings).not.toHaveProperty("contentType");
  });

  it("records that undescribed body fields are refused under additionalProperties: false", () => {
    const spec = miniSpec();
    const thing = ((spec.components as JsonObject).schemas as JsonObject).Thing as JsonObject;
    thing.additionalProperties = false;
    expect(extractConstraints(spec).operations.createThing?.unknownFields).toBe("refuse");
  });

  it("lists path parameters in the order of the path, with their rules, whatever order the spec lists them in", () => {
    const spec = miniSpec();
    (spec.paths as JsonObject)["/a/{first}/b/{second}"] = {
      put: {
        operationId: "moveThing",
        parameters: [
          {
            name: "second",
            in: "path",
            required: true,
            schema: { type: "string", pattern: "^[a-z]+$", "x-pattern-description": "lower-case letters" },
          },
          { name: "first", in: "path", required: true, schema: { type: "string", maxLength: 4 } },
        ],
      },
    };
    const { pathParams } = extractConstraints(spec).operations.moveThing ?? {};
    expect(Object.keys(pathParams ?? {})).toEqual(["first", "second"]);
    expect(pathParams?.first).toEqual({ required: true, type: "string", maxLength: 4 });
  });

  it("records query rules with their defaults, and the pagination the operation declares", () => {
    const spec = miniSpec();
    const get = (spec.paths as JsonObject)["/things"] as JsonObject;
    get.get = {
      operationId: "listThings",
      "x-pagination": { helper: "allThings", page: "p", pageSize: "n", items: "things", next: "more" },
      parameters: [
        { name: "p", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
        { name: "n", in: "query", schema: { type: "integer", maximum: 9, default: 3 } },
      ],
    };
    const op = extractConstraints(spec).operations.listThings;
    expect(op?.query).toEqual({
      p: { required: false, type: "integer", minimum: 1, default: 1 },
      n: { required: false, type: "integer", maximum: 9, default: 3 },
    });
    expect(op?.pagination).toEqual({ helper: "allThings", page: "p", pageSize: "n", items: "things", next: "more" });
  });

  it("refuses a path parameter the spec does not describe, and pagination over an unknown parameter", () => {
    const spec = miniSpec();
    (spec.paths as JsonObject)["/x/{id}"] = { get: { operationId: "getX" } };
    expect(() => extractConstraints(spec)).toThrow(/\{id\} is not described/);
    const paged = miniSpec();
    ((paged.paths as JsonObject)["/things"] as JsonObject).get = {
      operationId: "listThings",
      "x-pagination": { helper: "allThings", page: "p", pageSize: "n", items: "things", next: "more" },
    };
    expect(() => extractConstraints(paged)).toThrow(/query parameter p/);
  });

  it("marks an operation that takes no bearer token, so that it gets no helper", () => {
    const spec = miniSpec();
    ((spec.paths as JsonObject)["/things"] as JsonObject).get = { operationId: "listThings", security: [] };
    expect(extractConstraints(spec).operations.listThings?.auth).toBe(false);
  });

  it("refuses a keyword the client cannot enforce instead of skipping it", () => {
    expect(() => extractConstraints(miniSpec({ type: "string", multipleOf: 2 }))).toThrow(/multipleOf/);
  });

  it("carries each pattern's words from x-pattern-description, for the client's messages", () => {
    const table = extractConstraints(
      miniSpec({ type: "string", pattern: "^[a-z]+$", "x-pattern-description": "one or more lower-case letters" }),
    );
    expect(table.operations.createThing?.fields.label).toEqual({
      required: true,
      type: "string",
      pattern: "^[a-z]+$",
      patternDescription: "one or more lower-case letters",
    });
  });

  it("refuses a pattern without its words, in a body field or a header", () => {
    expect(() => extractConstraints(miniSpec({ type: "string", pattern: "^[a-z]+$" }))).toThrow(
      /createThing\.label: a pattern needs x-pattern-description/,
    );
    const spec = miniSpec();
    // biome-ignore lint/suspicious/noExplicitAny: a deep path into the hand-written mini spec
    delete (spec as any).components.parameters.Key.schema["x-pattern-description"];
    expect(() => extractConstraints(spec)).toThrow(/header X-Key: a pattern needs x-pattern-description/);
  });

  it("refuses nested objects", () => {
    expect(() => extractConstraints(miniSpec({ type: "object" }))).toThrow(/nested object/);
  });

  it("derives a flat array's item count and its items' rule, and refuses arrays of arrays", () => {
    const list = { type: "array", minItems: 1, maxItems: 2, items: { type: "string", maxLength: 32, title: "ID" } };
    expect(extractConstraints(miniSpec(list)).operations.createThing?.fields.label).toEqual({
      required: true,
      type: "array",
      minItems: 1,
      maxItems: 2,
      items: { type: "string", maxLength: 32 },
    });
    expect(() => extractConstraints(miniSpec({ type: "array" }))).toThrow(/an array needs items/);
    expect(() => extractConstraints(miniSpec({ type: "array", items: { type: "array" } }))).toThrow(
      /createThing.label\[\]: an array needs items/,
    );
    expect(() => extractConstraints(miniSpec({ type: "array", items: { type: "string", minItems: 1 } }))).toThrow(
      /createThing.label\[\]: keyword "minItems" is not supported/,
    );
  });

  it("renders a module with the do-not-edit banner", () => {
    const source = renderConstraints(extractConstraints(miniSpec()));
    expect(source.startsWith("// Generated from openapi/multi-entity.yaml by `npm run generate`. DO NOT EDIT")).toBe(
      true,
    );
    expect(source).toContain('"maxLength": 3');
  });
});
