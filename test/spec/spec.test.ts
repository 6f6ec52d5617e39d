import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { deref, isObject, type Json, type JsonObject, readSpec } from "../../scripts/codegen/spec.js";

// These tests pin the reference pages' requirements as the spec states them, so that a change to the spec
// which drops one of them fails here (and is then a visible, reviewed decision).
const spec = readSpec();

function at(path: string): JsonObject {
  const node = deref(spec, { $ref: `#/${path}` });
  if (!isObject(node)) throw new Error(`${path} is not an object`);
  return node;
}
const schema = (name: string) => at(`components/schemas/${name}`);
const header = (name: string) => at(`components/parameters/${name}`);
const operation = (path: string) => at(`paths/${path.replaceAll("/", "~1")}/post`);
const pattern = (node: JsonObject) => new RegExp(String(node.pattern), "u");
/** Every operation of the spec as [path, method, operation]. */
function operations(): [string, string, JsonObject][] {
  return Object.entries(spec.paths as JsonObject).flatMap(([path, item]) =>
    Object.entries(item as JsonObject).map(
      ([method, op]) => [path, method, op as JsonObject] as [string, string, JsonObject],
    ),
  );
}

describe("createEntity request", () => {
  const body = schema("CreateEntityRequest");
  const props = body.properties as JsonObject;

  it("requires a body", () => {
    expect((operation("/v1/entities").requestBody as JsonObject).required).toBe(true);
  });

  it("requires locale, name, parentId and timezone, and not displayName", () => {
    expect([...(body.required as string[])].sort()).toEqual(["locale", "name", "parentId", "timezone"]);
  });

  it("limits name and displayName to 255 characters", () => {
    expect((props.name as JsonObject).maxLength).toBe(255);
    expect((props.displayName as JsonObject).maxLength).toBe(255);
  });

  it("allows only letters, digits, space, period and hyphen in a name", () => {
    const name = pattern(props.name as JsonObject);
    for (const ok of ["Acme-Asia", "Acme Asia 2.0", "a", "Z9"]) expect(name.test(ok), ok).toBe(true);
    for (const bad of ["", "Acme_Asia", "Acme/Asia", "Åcme", "Acme:Asia", "tab\there"]) {
      expect(name.test(bad), bad).toBe(false);
    }
  });
});

describe("initiateConnection request", () => {
  it("requires a targetEntityId of at most 32 characters", () => {
    const body = schema("InitiateConnectionRequest");
    expect(body.required).toEqual(["targetEntityId"]);
    expect(((body.properties as JsonObject).targetEntityId as JsonObject).maxLength).toBe(32);
  });
});

describe("request headers", () => {
  it("limits Idempotency-Key to 255 characters, on POST and PATCH only", () => {
    const key = header("IdempotencyKey");
    expect((key.schema as JsonObject).maxLength).toBe(255);
    expect(key["x-methods"]).toEqual(["POST", "PATCH"]);
  });

  it("limits Zuora-Track-Id to 64 US-ASCII characters without : ; \" '", () => {
    const trackId = header("ZuoraTrackId").schema as JsonObject;
    expect(trackId.maxLength).toBe(64);
    const rule = pattern(trackId);
    expect(rule.test("order-sync 2026/11/22 #1 (retry) <a@b.c>")).toBe(true);
    for (const bad of [":", ";", '"', "'", "é", "日本", "\u007f", "\n"]) expect(rule.test(`x${bad}y`), bad).toBe(false);
  });

  it("offers every header the pages list, to both operations, as reusable parameters", () => {
    for (const path of ["/v1/entities", "/v1/entity-connections"]) {
      const refs = (operation(path).parameters as JsonObject[]).map((p) => p.$ref);
      expect(refs).toEqual([
        "#/components/parameters/IdempotencyKey",
        "#/components/parameters/AcceptEncoding",
        "#/components/parameters/ContentEncoding",
        "#/components/parameters/ZuoraTrackId",
        "#/components/parameters/ZuoraEntityIds",
      ]);
    }
  });

  it("carries Authorization as a bearer security scheme, not a header parameter", () => {
    expect(at("components/securitySchemes/bearerAuth")).toMatchObject({ type: "http", scheme: "bearer" });
    expect(spec.security).toEqual([{ bearerAuth: [] }]);
    const names = Object.values(at("components/parameters")).map((p) => (p as JsonObject).name);
    expect(names).not.toContain("Authorization");
    expect(operation("/oauth/token").security).toEqual([]);
  });
});

describe("responses", () => {
  // 413 and 415: a body over the size limit, or in another media type.
  const statuses = ["200", "400", "401", "403", "404", "409", "413", "415", "422", "429", "500", "502", "503", "504"];

  it.each(["/v1/entities", "/v1/entity-connections"])("%s documents every status Zuora answers", (path) => {
    expect(Object.keys(operation(path).responses as JsonObject)).toEqual(statuses);
  });

  it("sends Retry-After on 429 and 503, and WWW-Authenticate on 401", () => {
    expect(Object.keys(at("components/responses/TooManyRequests").headers as JsonObject)).toContain("Retry-After");
    expect(Object.keys(at("components/responses/ServiceUnavailable").headers as JsonObject)).toContain("Retry-After");
    expect(Object.keys(at("components/responses/Unauthorized").headers as JsonObject)).toContain("WWW-Authenticate");
  });

  it("gives every response header an example and never declares Content-Encoding", () => {
    for (const [name, value] of Object.entries(at("components/headers"))) {
      expect((value as JsonObject).example, name).toBeDefined();
    }
    const responses = [
      ...Object.values(at("components/responses")),
      ...operations().flatMap(([, , op]) => Object.values(op.responses as JsonObject)),
    ];
    const declared = responses.flatMap((r) => Object.keys(((r as JsonObject).headers as JsonObject) ?? {}));
    expect(declared.length).toBeGreaterThan(50);
    expect(declared.map((name) => name.toLowerCase())).not.toContain("content-encoding");
  });

  it("types entity status as Provisioned or Unprovisioned", () => {
    const status = (schema("CreateEntityResponse").properties as JsonObject).status as JsonObject;
    expect(status.enum).toEqual(["Provisioned", "Unprovisioned"]);
  });
});

describe("the operations beyond the two writes", () => {
  const param = (name: string) => at(`components/parameters/${name}`);
  const schemaOf = (name: string) => param(name).schema as JsonObject;

  it("names the seventeen operations as the client's helpers are named", () => {
    expect(operations().map(([, , op]) => op.operationId)).toEqual([
      "createEntity",
      "listEntities",
      "getEntity",
      "updateEntity",
      "deleteEntity",
      "provisionEntity",
      "listAccessibleEntities",
      "requestUserAccess",
      "acceptUserAccess",
      "denyUserAccess",
      "initiateConnection",
      "listConnections",
      "acceptConnection",
      "denyConnection",
      "disconnectConnection",
      "shareProduct",
      "createToken",
    ]);
  });

  it("keeps an entity or connection id to one path segment of 1 to 32 letters, digits and hyphens", () => {
    for (const name of ["EntityId", "ConnectionId"]) {
      const rule = schemaOf(name);
      expect(rule.maxLength).toBe(32);
      for (const ok of ["8a80825555a3c7a10155b460f53858e6", "a", "1a2b-3c"])
        expect(pattern(rule).test(ok), ok).toBe(true);
      for (const bad of ["", "a/b", "..", "x?y=1", "#", " ", "a b"]) expect(pattern(rule).test(bad), bad).toBe(false);
    }
  });

  it.each(["Username", "ProductId"])("refuses an empty %s and the dot segments . and .., and nothing else", (name) => {
    const rule = schemaOf(name);
    expect(rule.minLength).toBe(1);
    for (const ok of ["jane.doe@example.com", "a/b", "x?y=1", "#", " ", "...", ".a"]) {
      expect(pattern(rule).test(ok), ok).toBe(true);
    }
    for (const bad of [".", ".."]) expect(pattern(rule).test(bad), bad).toBe(false);
  });

  it("makes provisioned a boolean, type an enum, page ≥ 1 and pageSize 1..300 with Zuora's defaults", () => {
    expect(schemaOf("Provisioned")).toEqual({ type: "boolean" });
    expect(schemaOf("ConnectionType").enum).toEqual(["inbound", "outbound"]);
    expect(schemaOf("Page")).toMatchObject({ type: "integer", minimum: 1, default: 1 });
    expect(schemaOf("PageSize")).toMatchObject({ type: "integer", minimum: 1, maximum: 300, default: 30 });
  });

  it("closes the entity and connection status lists on purpose, and says why", () => {
    expect(schema("EntityStatus").enum).toEqual(["Provisioned", "Unprovisioned"]);
    expect(schema("ConnectionStatus").enum).toEqual(["Connected", "Pending", "Disconnected"]);
    for (const name of ["EntityStatus", "ConnectionStatus"]) {
      expect(String(schema(name).description)).toContain("breaking change");
    }
  });

  it("gives Idempotency-Key only to the POST operations", () => {
    for (const [path, method, op] of operations()) {
      const refs = ((op.parameters as JsonObject[] | undefined) ?? []).map((p) => p.$ref);
      expect(refs.includes("#/components/parameters/IdempotencyKey"), `${method} ${path}`).toBe(
        method === "post" && path !== "/oauth/token",
      );
    }
  });
});

describe("examples", () => {
  // Ajv with JSON Schema 2020-12 (OpenAPI 3.1's dialect); the whole spec is one schema resource so $refs resolve.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...spec, $id: "spec" });
  const validate = (ref: JsonObject, value: unknown) => {
    const check = ajv.compile({ $ref: `spec${String(ref.$ref)}` });
    return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };

  // Walk every media type with a schema and examples, in paths and components/responses.
  const media: { where: string; schema: JsonObject; examples: [string, unknown][] }[] = [];
  const collect = (where: string, content: JsonObject) => {
    for (const [type, raw] of Object.entries(content)) {
      if (!isObject(raw) || !isObject(raw.schema)) continue;
      const examples: [string, unknown][] = [];
      if (raw.example !== undefined) examples.push(["example", raw.example]);
      for (const [name, ex] of Object.entries(isObject(raw.examples) ? raw.examples : {})) {
        examples.push([name, (deref(spec, ex) as JsonObject).value]);
      }
      media.push({ where: `${where} ${type}`, schema: raw.schema, examples });
    }
  };
  for (const [path, method, op] of operations()) {
    const body = op.requestBody as JsonObject | undefined;
    if (body) collect(`${method} ${path} request`, body.content as JsonObject);
    for (const [status, response] of Object.entries(op.responses as JsonObject)) {
      const resolved = deref(spec, response) as JsonObject;
      if (isObject(resolved.content)) collect(`${method} ${path} ${status}`, resolved.content);
    }
  }

  it("finds the examples to check", () => {
    expect(media.flatMap((m) => m.examples).length).toBeGreaterThanOrEqual(20);
  });

  it("validates every example against its own schema", () => {
    const failures: string[] = [];
    for (const m of media) {
      const ref = isObject(m.schema) && m.schema.$ref ? m.schema : null;
      const check = ref ? (value: unknown) => validate(ref, value) : (value: unknown) => inline(m.schema, value);
      for (const [name, value] of m.examples) {
        const errors = check(value);
        if (errors.length > 0) failures.push(`${m.where} ${name}: ${errors.join("; ")}`);
      }
    }
    expect(failures).toEqual([]);
  });

  function inline(schemaNode: JsonObject, value: unknown) {
    // Inline schemas (the 200 oneOf) hold only $refs into components, so give them the spec's base.
    const rewritten = JSON.parse(JSON.stringify(schemaNode).replaceAll('"#/components', '"spec#/components'));
    const check = ajv.compile(rewritten);
    return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  }
});

describe("patterns", () => {
  /** Every schema in the spec that has a `pattern`, with where it is. */
  function withPattern(
    node: Json | undefined,
    where: string,
    found: [string, JsonObject][] = [],
  ): [string, JsonObject][] {
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) withPattern(item, `${where}/${index}`, found);
    } else if (isObject(node)) {
      if (typeof node.pattern === "string") found.push([where, node]);
      for (const [key, value] of Object.entries(node)) withPattern(value, `${where}/${key}`, found);
    }
    return found;
  }

  it("says each pattern's rule in words next to it, for the client's messages", () => {
    const patterns = withPattern(spec, "#");
    expect(patterns.length).toBeGreaterThanOrEqual(3);
    for (const [where, node] of patterns) {
      expect(typeof node["x-pattern-description"], `${where} has x-pattern-description`).toBe("string");
      expect(String(node["x-pattern-description"])).not.toMatch(/[\\^$[\]]/);
    }
  });
});

describe("versions", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

  it("gives the spec the package's version, as the CHANGELOG promises", () => {
    expect((spec.info as JsonObject).version).toBe(pkg.version);
  });

  it("has a dated CHANGELOG entry for the package's version", () => {
    const changelog = readFileSync(new URL("../../CHANGELOG.md", import.meta.url), "utf8");
    const heading = new RegExp(`^## \\[${pkg.version.replaceAll(".", "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m");
    expect(changelog).toMatch(heading);
  });
});
