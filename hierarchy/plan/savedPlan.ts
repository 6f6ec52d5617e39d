import { accessAddress, connectionAddress, entityAddress, userAddress } from "../addresses.js";
import type { Plan, TenantConnection, TenantEntity, TenantState } from "../model.js";
import { PHASES } from "./planChanges.js";

const KIND = "zuora-entities-plan";

/**
 * A plan as a file (`plan --out`): the plan with what it read, which `apply PLAN` checks the tenant against, and the
 * tenant's URL (`tenantUrl`), so that it runs on that tenant only.
 */
export function formatSavedPlan(plan: Plan, tenantUrl?: string): string {
  const url = tenantUrl ?? plan.tenantUrl;
  return `${JSON.stringify({ kind: KIND, ...plan, ...(url === undefined ? {} : { tenantUrl: url }) }, null, 2)}\n`;
}

/** Whether a file's text is a saved plan (rather than a hierarchy). */
export function isSavedPlan(text: string): boolean {
  try {
    const value = JSON.parse(text) as { kind?: unknown };
    return value.kind === KIND;
  } catch {
    return false;
  }
}

/** Reads a saved plan. Throws a TypeError when it is not one this version can run. */
export function parseSavedPlan(text: string): Plan {
  const value = JSON.parse(text) as Partial<Plan> & { kind?: unknown };
  if (value.kind !== KIND || value.formatVersion !== "1") {
    throw new TypeError(`not a saved plan of format 1 (kind ${KIND})`);
  }
  const tenant = value.tenant as Partial<TenantState> | null | undefined;
  const tenantRead = Array.isArray(tenant?.entities) && Array.isArray(tenant?.connections);
  if (!Array.isArray(value.steps) || !Array.isArray(value.refused) || !tenantRead) {
    throw new TypeError(
      "the saved plan is incomplete: steps, refused and tenant (its entities and connections) are required",
    );
  }
  // A step of another version (or an edit) would go unsent and be said done: the whole plan is refused instead.
  const known = new Set<unknown>(PHASES);
  const odd = value.steps.findIndex((step: unknown) => !known.has((step as { action?: unknown } | null)?.action));
  if (odd !== -1) {
    throw new TypeError(
      `step ${odd + 1} of the saved plan is not one this version of zuora-entities can run (its action is not one of ${PHASES.join(", ")}): plan again with this version`,
    );
  }
  const { kind: _kind, ...plan } = value;
  return plan as Plan;
}

/**
 * What changed in the tenant since a plan read it, one line per resource (empty when nothing did). A saved plan runs
 * only on the tenant it was made for.
 */
export function changesSince(read: TenantState, now: TenantState): string[] {
  const names = new Map([...read.entities, ...now.entities].map((e) => [e.id, e.name]));
  const name = (id: string) => names.get(id) ?? id;
  const out: string[] = [];
  const compare = <T extends TenantEntity | TenantConnection>(
    before: readonly T[],
    after: readonly T[],
    label: (item: T) => string,
  ) => {
    const afterById = new Map(after.map((x) => [x.id, x]));
    const beforeIds = new Set(before.map((x) => x.id));
    for (const b of before) {
      const a = afterById.get(b.id);
      if (!a) {
        out.push(`${label(b)} is gone`);
        continue;
      }
      const fields = (Object.keys(b) as (keyof T)[]).filter((k) => b[k] !== a[k]);
      if (fields.length > 0) {
        out.push(`${label(b)}: ${fields.map((f) => `${String(f)} ${String(b[f])} → ${String(a[f])}`).join(", ")}`);
      }
    }
    for (const a of after) if (!beforeIds.has(a.id)) out.push(`${label(a)} is new`);
  };
  compare(read.entities, now.entities, (e) => entityAddress(e.name));
  compare(read.connections, now.connections, (c) => connectionAddress(name(c.sourceEntityId), name(c.targetEntityId)));
  const users = new Map((now.users ?? []).map((u) => [u.username, u]));
  for (const before of read.users ?? []) {
    const after = users.get(before.username);
    const had = new Set(before.entityIds);
    const has = new Set(after?.entityIds ?? []);
    if ((after?.exists ?? false) !== before.exists) {
      out.push(`${userAddress(before.username)} ${before.exists ? "is gone" : "is new"}`);
      continue;
    }
    for (const id of has) if (!had.has(id)) out.push(`${accessAddress(before.username, name(id))} is new`);
    for (const id of had) if (!has.has(id)) out.push(`${accessAddress(before.username, name(id))} is gone`);
  }
  return out;
}
