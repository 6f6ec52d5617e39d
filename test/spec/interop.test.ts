import { describe, expect, it } from "vitest";
import { deref, isObject, type JsonObject, readSpec } from "../../scripts/codegen/spec.js";
import { type Constraints, publishedOperations, publishedPathParam, type Stated } from "./zuoraPublished.js";

// Interoperability with Zuora's published reference: every operation it describes is in this contract with the same
// method and path, the same path and query parameters, the same required fields, and every constraint the
// reference gives (in its schemas, or in words). A constraint the reference does not give may be added only where
// the contract says it is inferred, so that tightening a request beyond Zuora's is always a visible decision.

const spec = readSpec();
const KEYS = [
  "type",
  "enum",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "default",
  "minItems",
  "maxItems",
  "pattern",
] as const;

const resolve = (node: unknown): JsonObject => {
  const value = deref(spec, node as JsonObject);
  if (!isObject(value)) throw new Error(`not an object: ${JSON.stringify(node)}`);
  return value;
};
const inferred = (...descriptions: unknown[]) => descriptions.some((d) => String(d ?? "").includes("*Inferred"));

/**
 * The differences between one schema of ours and the reference's: a published or stated constraint we lack or give
 * another value, or a constraint of ours the reference does not give, unless `mayAdd` (said to be inferred).
 */
function differences(where: string, ours: JsonObject, published: Constraints, stated: Stated, mayAdd: boolean) {
  const found: string[] = [];
  for (const key of KEYS) {
    const expected = stated[key] ?? published[key];
    const actual = ours[key];
    if (expected === "stated") {
      if (actual === undefined) found.push(`${where}: lacks the ${key} the reference states in words`);
    } else if (expected !== undefined) {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        found.push(`${where}: ${key} is ${JSON.stringify(actual)}, the reference's is ${JSON.stringify(expected)}`);
      }
    } else if (actual !== undefined && !mayAdd) {
      found.push(`${where}: adds ${key} ${JSON.stringify(actual)} without saying it is inferred`);
    }
  }
  if (published.items) {
    const items = isObject(ours.items) ? resolve(ours.items) : {};
    found.push(...differences(`${where}[]`, items, published.items, stated.items ?? {}, mayAdd));
  }
  return found;
}

/** Our operation's parameters of one location, by name, resolved. */
function parameters(operation: JsonObject, location: string): Map<string, JsonObject> {
  const list = ((operation.parameters as unknown[] | undefined) ?? []).map(resolve);
  return new Map(list.filter((p) => p.in === location).map((p) => [String(p.name), p]));
}

describe("interop with Zuora's published reference", () => {
  it("covers seventeen operations: the sixteen Multi-entity ones and the token", () => {
    const ours = Object.values(spec.paths as JsonObject).flatMap((item) => Object.keys(item as JsonObject));
    expect(publishedOperations).toHaveLength(17);
    expect(ours).toHaveLength(17);
  });

  it.each(publishedOperations.map((p) => [`${p.publishedId} (${p.method.toUpperCase()} ${p.path})`, p] as const))(
    "%s: same method, path, parameters, required fields and constraints; additions only where inferred",
    (_, published) => {
      const operation = resolve((spec.paths as JsonObject)[published.path] as JsonObject)[published.method];
      if (!isObject(operation)) throw new Error(`no ${published.method.toUpperCase()} ${published.path} here`);
      expect(operation.operationId).toBe(published.operationId);
      const stated = published.stated ?? {};
      const found: string[] = [];

      const path = parameters(operation, "path");
      expect([...path.keys()]).toEqual(published.pathParams);
      for (const [name, parameter] of path) {
        const schema = resolve(parameter.schema);
        found.push(...differences(`path.${name}`, schema, publishedPathParam, {}, inferred(parameter.description)));
      }
      const query = parameters(operation, "query");
      expect([...query.keys()].sort()).toEqual(Object.keys(published.query ?? {}).sort());
      for (const [name, parameter] of query) {
        const schema = resolve(parameter.schema);
        const mayAdd = inferred(parameter.description);
        found.push(
          ...differences(`query.${name}`, schema, published.query?.[name] ?? {}, stated[`query.${name}`] ?? {}, mayAdd),
        );
      }
      expect(parameters(operation, "header").has("Idempotency-Key")).toBe(published.idempotencyKey);

      const requestBody = operation.requestBody === undefined ? undefined : resolve(operation.requestBody);
      expect(requestBody !== undefined, "takes a body").toBe(published.body !== undefined);
      if (requestBody && published.body) {
        if (published.body.required) expect(requestBody.required).toBe(true);
        const media = Object.values(requestBody.content as JsonObject)[0] as JsonObject;
        const schema = resolve(media.schema);
        expect([...((schema.required as string[]) ?? [])].sort()).toEqual([...published.body.requiredFields].sort());
        const fields = schema.properties as JsonObject;
        expect(Object.keys(fields).sort()).toEqual(Object.keys(published.body.fields).sort());
        for (const [name, expected] of Object.entries(published.body.fields)) {
          const field = resolve(fields[name]);
          const mayAdd = inferred(field.description);
          found.push(...differences(`body.${name}`, field, expected, stated[`body.${name}`] ?? {}, mayAdd));
        }
      }
      expect(found).toEqual([]);
    },
  );

  it.each(publishedOperations.map((p) => [p.operationId, p] as const))(
    "%s links to Zuora's reference page of the operation it models (the helper's @see)",
    (_, published) => {
      const operation = resolve((spec.paths as JsonObject)[published.path] as JsonObject)[published.method];
      const docs = isObject(operation) && isObject(operation.externalDocs) ? operation.externalDocs : {};
      expect(docs.url).toMatch(
        new RegExp(`^https://developer\\.zuora\\.com/v1-api-reference/[a-z-]+/operation/${published.publishedId}$`),
      );
    },
  );

  it("would notice a constraint dropped, changed or added without a word", () => {
    const field = { type: "array", maxItems: 2, items: { type: "string", maxLength: 32 } };
    const published: Constraints = { type: "array", items: { type: "string" } };
    expect(differences("f", field, published, { minItems: 1, maxItems: 1, pattern: "stated" }, false)).toEqual([
      "f: minItems is undefined, the reference's is 1",
      "f: maxItems is 2, the reference's is 1",
      "f: lacks the pattern the reference states in words",
      "f[]: adds maxLength 32 without saying it is inferred",
    ]);
    expect(differences("f", field, published, { maxItems: 2 }, true)).toEqual([]);
  });
});
