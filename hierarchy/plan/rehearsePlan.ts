import { createZuoraClient } from "../../src/index.js";
import { createStandIn } from "../../stand-in/index.js";
import { connectionAddress, entityAddress } from "../addresses.js";
import { applyPlan, reasonCodeOf } from "../apply/applyPlan.js";
import type { Hierarchy, Location, Plan, Refusal, TenantState } from "../model.js";
import { readTenant } from "../tenant/readTenant.js";
import { planChanges } from "./planChanges.js";

/**
 * Applies a plan to a stand-in seeded with the tenant's state as the plan read it, before anything reaches the
 * tenant. Resolves to the refusals it found: every step the stand-in refused (with Zuora's reason code; the steps
 * that wait for a refused one are not tried), and, should the
 * planner have missed something, changes that remain after the rehearsal. Nothing is sent to the tenant.
 */
export async function rehearsePlan(file: Hierarchy, plan: Plan): Promise<Refusal[]> {
  if (plan.refused.length > 0 || plan.steps.length === 0) return [];
  const { standIn, state } = seededStandIn(plan.tenant);
  const zuora = createZuoraClient({
    baseUrl: "https://rehearsal.stand-in.invalid",
    auth: "rehearsal",
    fetch: standIn.fetch,
    maxRetries: 0,
    // The rehearsal's requests are the plan run on an in-memory copy: their log lines would only repeat the plan.
    logLevel: "off",
  });
  // Every step the stand-in refuses is a refusal: one refused step does not hide the others.
  const result = await applyPlan(plan, zuora, { parallelism: 1, tenant: state, keepGoing: true });
  // A refusal names the file's line, as the planner's own do: where the file declares the entity or connection.
  const where = locations(file);
  if (!result.ok) {
    return result.failed.map(({ step, error, reason }) => ({
      address: step.address,
      reason: `the rehearsal on a stand-in of the tenant refused ${step.action}: ${reason}`,
      at: where.get(step.address),
      code: reasonCodeOf(error),
    }));
  }
  const after = planChanges(file, await readTenant(zuora), { prune: plan.prune });
  return after.changes.map((change) => ({
    address: change.address,
    reason: `after the rehearsal this still needs ${change.actions.join(", ")} (the plan does not reach the file)`,
    at: where.get(change.address),
  }));
}

/** Where the file declares each address (`entity.NAME`, `connection.FROM->TO`). */
function locations(file: Hierarchy): Map<string, Location | undefined> {
  const where = new Map<string, Location | undefined>();
  for (const entity of file.entities) where.set(entityAddress(entity.name), entity.at);
  for (const connection of file.connections)
    where.set(connectionAddress(connection.from, connection.to), connection.at);
  return where;
}

/**
 * A stand-in holding the tenant's entities and connections, under IDs of its own (`s-…`, `c-…`) that the IDs it
 * makes (hexadecimal) cannot meet, and the state with those IDs, which the rehearsal looks names up in.
 */
function seededStandIn(tenant: TenantState) {
  const ids = new Map<string, string>();
  for (const [i, e] of tenant.entities.entries()) ids.set(e.id, `s-${i}`);
  const id = (old: string) => ids.get(old) ?? old;
  const state: TenantState = {
    entities: tenant.entities.map((e) => ({
      ...e,
      id: id(e.id),
      parentId: e.parentId === null ? null : id(e.parentId),
    })),
    connections: tenant.connections.map((c, i) => ({
      ...c,
      id: `c-${i}`,
      sourceEntityId: id(c.sourceEntityId),
      targetEntityId: id(c.targetEntityId),
    })),
  };
  const [global, ...others] = state.entities;
  if (!global || global.parentId !== null) throw new TypeError("the tenant's state must list its global entity first");
  const { status: _status, parentId: _parentId, ...globalSeed } = global;
  const standIn = createStandIn({ global: globalSeed });
  standIn.seed({
    entities: others.map(({ parentId, ...e }) => ({ ...e, parentId: parentId ?? global.id })),
    connections: state.connections,
  });
  return { standIn, state };
}
