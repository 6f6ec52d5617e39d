import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractConstraints } from "../../scripts/codegen/constraints.js";
import { renderHelpers } from "../../scripts/codegen/helpers.js";
import type { JsonObject } from "../../scripts/codegen/spec.js";
import * as client from "../../src/index.js";

// A small spec of this test's own: one operation with a shared path parameter and a body, one with an inline path
// parameter, one paginated list.
function miniSpec(change: (spec: JsonObject) => void = () => {}): JsonObject {
  const reference = (id: string) => ({ url: `https://example.com/reference/${id}` });
  const spec: JsonObject = {
    openapi: "3.1.0",
    info: { title: "mini", version: "9.9.9" },
    paths: {
      "/things/{id}": {
        put: {
          operationId: "renameThing",
          summary: "Rename a thing",
          description: "Renames a thing. It cannot be undone.\n\nSee [List things](#operation/listThings).",
          externalDocs: reference("PUT_Thing"),
          parameters: [{ $ref: "#/components/parameters/ThingId" }],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Rename" },
                examples: { one: { value: { name: "New name" } } },
              },
            },
          },
        },
      },
      "/boxes/{box-id}/open": {
        put: {
          operationId: "openBox",
          summary: "Open a box",
          description: "Opens a box.",
          externalDocs: reference("PUT_Box"),
          parameters: [
            {
              name: "box-id",
              in: "path",
              required: true,
              description: "The box.",
              schema: { type: "string" },
              example: "b1",
            },
          ],
        },
      },
      "/things": {
        get: {
          operationId: "listThings",
          summary: "List things",
          description: "Lists things, a page at a time.",
          externalDocs: reference("GET_Things"),
          "x-pagination": { helper: "allThings", page: "page", pageSize: "size", items: "things", next: "next" },
          parameters: [
            {
              name: "page",
              in: "query",
              description: "The page.",
              schema: { type: "integer", minimum: 1, default: 1 },
            },
            {
              name: "size",
              in: "query",
              description: "Per page.",
              schema: { type: "integer", maximum: 50 },
              example: 10,
            },
          ],
        },
      },
    },
    components: {
      parameters: {
        ThingId: {
          name: "id",
          in: "path",
          required: true,
          description: "The ID of the thing.\n\nMore words.",
          schema: { type: "string", maxLength: 8 },
          example: "t1",
        },
      },
      schemas: {
        Rename: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      },
    },
  };
  change(spec);
  return spec;
}

const render = (spec: JsonObject) => renderHelpers(spec, extractConstraints(spec));
const operation = (spec: JsonObject, path: string, method: string) =>
  ((spec.paths as JsonObject)[path] as JsonObject)[method] as JsonObject;

describe("renderHelpers", () => {
  it("gives every operation of the spec a documented method, with no line written for it by hand", () => {
    const source = render(miniSpec());
    expect(source).toContain(
      'renameThing(thingId: T["renameThing"]["path"]["id"], body: T["renameThing"]["body"], options?: T["renameThing"]["options"]): T["renameThing"]["result"];',
    );
    expect(source).toContain("   * Rename a thing\n   *\n   * Renames a thing. It cannot be undone.");
    expect(source).toContain(
      "@see {@link https://example.com/reference/PUT_Thing | Zuora API reference: Rename a thing}",
    );
    expect(source).toContain('   * const result = await zuora.renameThing("t1", { name: "New name" });');
  });

  it("names a path argument after its shared parameter (ThingId → thingId), else after its own name", () => {
    const source = render(miniSpec());
    expect(source).toContain(
      "@param thingId - The ID of the thing. Sent as `{id}` in the path (at most 8 characters).",
    );
    expect(source).toContain('openBox(boxId: T["openBox"]["path"]["box-id"], options?: T["openBox"]["options"])');
  });

  it("links another operation named in a description to its helper", () => {
    expect(render(miniSpec())).toContain("See {@link OperationHelpers.listThings | List things}.");
  });

  it("gives a paginated operation a pager, without the page number among its query values", () => {
    const source = render(miniSpec());
    expect(source).toContain("export interface PagerHelpers<T extends { listThings: PagerParts }> {");
    expect(source).toContain('allThings(query?: T["listThings"]["query"], options?: T["listThings"]["options"])');
    expect(source).toContain("   * for await (const thing of zuora.allThings({ size: 10 })) console.log(thing);");
    expect(source).toMatch(/@param query - Query values, each optional .* `size` \(at most 50\): Per page\. The page/);
  });

  it("says a business refusal is thrown only for operations whose answer carries Zuora's success flag", () => {
    expect(render(miniSpec())).not.toContain("@throws ZuoraBusinessError");
  });

  it.each([
    [
      "a summary",
      (spec: JsonObject) => delete operation(spec, "/boxes/{box-id}/open", "put").summary,
      /summary is needed/,
    ],
    [
      "an https link to Zuora's page",
      (spec: JsonObject) => delete operation(spec, "/boxes/{box-id}/open", "put").externalDocs,
      /externalDocs.url/,
    ],
    [
      'a description without "*/"',
      (spec: JsonObject) => {
        operation(spec, "/boxes/{box-id}/open", "put").description = "Opens */ a box.";
      },
      /would end the helper's doc comment/,
    ],
    [
      "links to operations that exist",
      (spec: JsonObject) => {
        operation(spec, "/boxes/{box-id}/open", "put").description = "See [x](#operation/nothing).";
      },
      /which is not an operation/,
    ],
  ])("refuses an operation without %s", (_, change, message) => {
    expect(() => render(miniSpec(change))).toThrow(message);
  });
});

describe("the generated helpers", () => {
  const generated = readFileSync(new URL("../../generated/helpers.ts", import.meta.url), "utf8");

  it("name in @throws only error classes the package exports", () => {
    const named = new Set(Array.from(generated.matchAll(/@throws (\w+)/g), (match) => match[1] as string));
    expect(named.size).toBeGreaterThan(5);
    for (const name of named) {
      const exported = (client as Record<string, unknown>)[name];
      expect(typeof exported === "function" && exported.prototype instanceof client.ZuoraError, name).toBe(true);
    }
  });

  it("hold types only, so the client's bundle does not grow", () => {
    expect(generated.match(/^export (interface|type) /gm)?.length).toBe(generated.match(/^export /gm)?.length);
  });
});
