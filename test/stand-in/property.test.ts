import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { responseContract } from "../../scripts/verify/responseContract.js";
import { createStandIn, type StandIn, type TenantSnapshot } from "../../stand-in/index.js";

// Random sequences of valid and invalid operations, sent to the stand-in as a careless caller would (raw fetch, no
// client checks): every answer must follow the spec (its status, headers and body schema, checked by Ajv against the
// OpenAPI document), and after every step the tenant must keep its invariants. fast-check shrinks a failure to the
// shortest sequence that breaks one.

const RUNS = 500;
const BASE = "https://rest.test.zuora.com";
const contract = responseContract();

/** An entity or connection by its place in the current state (modulo its length), or an ID that does not exist. */
const ref = fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 30 }) }, fc.constant("8a8e00000000000000000000000000ff"));

/** Values for each field: the right type and shape, and what a careless caller sends instead. */
const values = {
  name: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom("Acme", "Acme-EU", "Acme Asia", "B.2", "C") },
    fc.constantFrom(null, 7, "", "bad_name!", "n".repeat(256), ["Acme"]),
  ),
  displayName: fc.constantFrom(undefined, "Shown", null, "d".repeat(256), false),
  locale: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("en_US", "zh_CN", "en_GB") },
    fc.constantFrom("english", "EN_us", null, 5, "x".repeat(300)),
  ),
  timezone: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("America/Los_Angeles", "Asia/Harbin", "Europe/Rome", "UTC") },
    fc.constantFrom("Mars/Phobos", "+01:00", null, true),
  ),
};
/** Fields an answer carries, copied into a request body as a careless "clone" would. */
const readOnly = fc.record(
  {
    id: fc.oneof(ref, fc.constant(null)),
    status: fc.constantFrom("Provisioned", "Unprovisioned", "Gone"),
    tenantId: fc.constantFrom("1", null),
    success: fc.boolean(),
  },
  { requiredKeys: [] },
);

type Step =
  | { op: "create"; parent: number | string; body: Record<string, unknown>; extra: Record<string, unknown> }
  | { op: "update"; target: number | string; body: Record<string, unknown>; extra: Record<string, unknown> }
  | { op: "delete" | "provision" | "get"; target: number | string }
  | { op: "list"; provisioned: string | undefined }
  | { op: "initiate"; caller: number | string; target: number | string }
  | { op: "accept" | "deny" | "disconnect"; caller: number | string; connection: number | string }
  | { op: "connections"; caller: number | string; query: string }
  | { op: "junk"; kind: "not json" | "text/plain" | "array" | "empty" };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant("create" as const),
      parent: ref,
      body: fc.record(values, { requiredKeys: [] }),
      extra: readOnly,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("update" as const),
      target: ref,
      body: fc.record(values, { requiredKeys: [] }),
      extra: readOnly,
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom("delete", "provision", "get" as const), target: ref }) },
  fc.record({ op: fc.constant("list" as const), provisioned: fc.constantFrom(undefined, "true", "false", "yes") }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant("initiate" as const), caller: ref, target: ref }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constantFrom("accept", "deny", "disconnect" as const),
      caller: ref,
      connection: ref,
    }),
  },
  fc.record({
    op: fc.constant("connections" as const),
    caller: ref,
    query: fc.constantFrom("", "?type=inbound", "?type=sideways", "?page=2&pageSize=1", "?pageSize=301", "?page=0"),
  }),
  fc.record({ op: fc.constant("junk" as const), kind: fc.constantFrom("not json", "text/plain", "array", "empty") }),
);

/** The ID a reference names in the current state: an index into `ids` (modulo), or the unknown ID itself. */
function resolve(reference: number | string, ids: readonly string[]): string {
  return typeof reference === "string" || ids.length === 0 ? String(reference) : (ids[reference % ids.length] ?? "");
}

/** The request a step makes, against the state before it. */
function requestOf(s: Step, state: TenantSnapshot): { method: string; path: string; init: RequestInit } {
  const entities = state.entities.map((e) => e.id);
  const connections = state.connections.map((c) => c.id);
  const headers: Record<string, string> = { authorization: "Bearer t", "content-type": "application/json" };
  const as = (caller: number | string) => ({ ...headers, "zuora-entity-ids": resolve(caller, entities) });
  const json = (body: unknown) => JSON.stringify(body);
  switch (s.op) {
    case "create": {
      const body: Record<string, unknown> = { ...s.extra, ...s.body, parentId: resolve(s.parent, entities) };
      if (typeof body.id === "number") body.id = resolve(body.id, entities);
      return { method: "POST", path: "/v1/entities", init: { headers, body: json(body) } };
    }
    case "update": {
      const body: Record<string, unknown> = { ...s.extra, ...s.body };
      if (typeof body.id === "number") body.id = resolve(body.id, entities);
      return {
        method: "PUT",
        path: `/v1/entities/${resolve(s.target, entities)}`,
        init: { headers, body: json(body) },
      };
    }
    case "delete":
      return { method: "DELETE", path: `/v1/entities/${resolve(s.target, entities)}`, init: { headers } };
    case "provision":
      return { method: "PUT", path: `/v1/entities/${resolve(s.target, entities)}/provision`, init: { headers } };
    case "get":
      return { method: "GET", path: `/v1/entities/${resolve(s.target, entities)}`, init: { headers } };
    case "list":
      return {
        method: "GET",
        path: `/v1/entities${s.provisioned === undefined ? "" : `?provisioned=${s.provisioned}`}`,
        init: { headers },
      };
    case "initiate":
      return {
        method: "POST",
        path: "/v1/entity-connections",
        init: { headers: as(s.caller), body: json({ targetEntityId: resolve(s.target, entities) }) },
      };
    case "accept":
    case "deny":
    case "disconnect":
      return {
        method: "PUT",
        path: `/v1/entity-connections/${resolve(s.connection, connections)}/${s.op}`,
        init: { headers: as(s.caller) },
      };
    case "connections":
      return { method: "GET", path: `/v1/entity-connections${s.query}`, init: { headers: as(s.caller) } };
    case "junk": {
      const body = { "not json": "{oops", "text/plain": "{}", array: "[]", empty: "" }[s.kind];
      const type = s.kind === "text/plain" ? "text/plain" : "application/json";
      return { method: "POST", path: "/v1/entities", init: { headers: { ...headers, "content-type": type }, body } };
    }
  }
}

/** The tenant's invariants, as readable violations (none when it is sound). */
function invariantViolations(state: TenantSnapshot, globalId: string, before: TenantSnapshot): string[] {
  const out: string[] = [];
  const byId = new Map(state.entities.map((e) => [e.id, e]));
  const tops = state.entities.filter((e) => e.parentId === null);
  if (tops.length !== 1 || tops[0]?.id !== globalId || tops[0].status !== "Provisioned") {
    out.push("not exactly one global entity, provisioned, at the top");
  }
  if (new Set(state.entities.map((e) => e.name)).size !== state.entities.length) out.push("two entities share a name");
  if (byId.size !== state.entities.length) out.push("two entities share an id");
  for (const entity of state.entities) {
    const seen = new Set<string>();
    for (let at = entity; at.parentId !== null; ) {
      const parent = byId.get(at.parentId);
      if (!parent) {
        out.push(`${entity.id} hangs under a missing parent`);
        break;
      }
      if (seen.has(parent.id)) {
        out.push(`${entity.id} is in a cycle`);
        break;
      }
      seen.add(parent.id);
      at = parent;
    }
    const parent = entity.parentId === null ? undefined : byId.get(entity.parentId);
    if (entity.status === "Provisioned" && parent && parent.status !== "Provisioned") {
      out.push(`${entity.id} is provisioned under an unprovisioned parent`);
    }
  }
  const open = new Set<string>();
  for (const c of state.connections) {
    if (!byId.has(c.sourceEntityId) || !byId.has(c.targetEntityId)) out.push(`${c.id} has an end that does not exist`);
    const pair = [c.sourceEntityId, c.targetEntityId].sort().join(" ");
    if (c.status !== "Disconnected" && open.has(pair)) out.push(`${c.id}: a second open connection of one pair`);
    if (c.status !== "Disconnected") open.add(pair);
  }
  // Statuses only move forward: Unprovisioned → Provisioned; Pending → Connected → Disconnected.
  const entityRank = { Unprovisioned: 0, Provisioned: 1 };
  const connectionRank = { Pending: 0, Connected: 1, Disconnected: 2 };
  for (const old of before.entities) {
    const now = byId.get(old.id);
    if (now && entityRank[now.status] < entityRank[old.status]) out.push(`${old.id} went back to ${now.status}`);
    if (!now && old.status === "Provisioned") out.push(`the provisioned ${old.id} disappeared`);
  }
  const connections = new Map(state.connections.map((c) => [c.id, c]));
  for (const old of before.connections) {
    const now = connections.get(old.id);
    if (now && connectionRank[now.status] < connectionRank[old.status])
      out.push(`${old.id} went back to ${now.status}`);
  }
  return out;
}

/** Sends one step and returns every violation of the spec or the invariants it led to. */
async function play(standIn: StandIn, s: Step): Promise<string[]> {
  const before = standIn.state();
  const { method, path, init } = requestOf(s, before);
  const response = await standIn.fetch(`${BASE}${path}`, { ...init, method });
  const body = await response.text();
  const { pathname } = new URL(path, BASE);
  const violations = contract.check(method, pathname, { status: response.status, headers: response.headers, body });
  const after = standIn.state();
  // What every later GET would serve: the whole list, checked against the spec's list answer.
  const list = JSON.stringify({ entities: after.entities, success: true });
  const served = contract.check("GET", "/v1/entities", { status: 200, headers: response.headers, body: list });
  return [...violations, ...served, ...invariantViolations(after, standIn.globalEntityId, before)];
}

describe("the stand-in under random sequences of valid and invalid operations", () => {
  it(`answers by the spec and keeps the tenant's invariants (${RUNS} sequences)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const standIn = createStandIn({ global: { name: "Global" } });
        standIn.seed({ entities: [{ id: "seeded-p", name: "Seeded", status: "Provisioned" }] });
        for (const s of steps) expect(await play(standIn, s)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("finds a broken invariant, so a pass means something", () => {
    const state: TenantSnapshot = {
      entities: [
        {
          id: "g",
          name: "G",
          displayName: "G",
          locale: "en_US",
          timezone: "UTC",
          status: "Provisioned",
          parentId: null,
          tenantId: "1",
        },
        {
          id: "a",
          name: "A",
          displayName: "A",
          locale: "en_US",
          timezone: "UTC",
          status: "Provisioned",
          parentId: "b",
          tenantId: "1",
        },
        {
          id: "b",
          name: "A",
          displayName: "B",
          locale: "en_US",
          timezone: "UTC",
          status: "Unprovisioned",
          parentId: "a",
          tenantId: "1",
        },
      ],
      connections: [{ id: "c", sourceEntityId: "a", targetEntityId: "gone", status: "Pending" }],
      users: [],
      products: [],
    };
    expect(invariantViolations(state, "g", { entities: [], connections: [], users: [], products: [] })).toEqual([
      "two entities share a name",
      "a is in a cycle",
      "a is provisioned under an unprovisioned parent",
      "b is in a cycle",
      "c has an end that does not exist",
    ]);
  });
});
