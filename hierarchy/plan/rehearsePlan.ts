import { createZuoraClient } from "../../src/index.js";
import { createStandIn, type UserSeed } from "../../stand-in/index.js";
import { accessAddress, connectionAddress, entityAddress, shareAddress, userAddress } from "../addresses.js";
import { applyPlan, reasonCodeOf } from "../apply/applyPlan.js";
import { assumedHome } from "../assumedHome.js";
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
  const { standIn, state } = seededStandIn(plan.tenant, file);
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
  const users = (file.users ?? []).map((u) => u.username);
  const after = planChanges(file, await readTenant(zuora, { users }), { prune: plan.prune });
  // A share over a standing connection is planned each time: Zuora shows nothing that says it is done.
  return after.changes
    .filter((change) => change.unchecked !== true)
    .map((change) => ({
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
  for (const user of file.users ?? []) {
    where.set(userAddress(user.username), user.at);
    for (const name of [...user.access, ...(user.home === undefined ? [] : [user.home])]) {
      where.set(accessAddress(user.username, name), user.at);
    }
  }
  for (const share of file.shares ?? []) {
    for (const name of share.entities) where.set(shareAddress(share.product, name), share.at);
  }
  return where;
}

/**
 * A stand-in holding the tenant's entities, connections and the users read, under IDs of its own (`s-…`, `c-…`) that
 * the IDs it makes (hexadecimal) cannot meet, and the state with those IDs, which the rehearsal looks names up in.
 * Zuora publishes no read of users' home entities or of products: a user's home is the file's, else an entity it can
 * access that the file keeps (the global entity first); the products are those the file shares, owned by the global
 * entity and shared with none yet.
 */
function seededStandIn(tenant: TenantState, file: Hierarchy) {
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
  const byName = new Map(state.entities.map((e) => [e.name, e.id]));
  const wanted = new Map((file.users ?? []).map((u) => [u.username, u]));
  const users: Record<string, UserSeed> = {};
  for (const user of tenant.users ?? []) {
    if (!user.exists) continue;
    const access = user.entityIds.map(id);
    const desired = wanted.get(user.username);
    const given = new Set((desired?.access ?? []).flatMap((name) => byName.get(name) ?? []));
    const home =
      (desired?.home === undefined ? undefined : byName.get(desired.home)) ?? assumedHome(global.id, access, given);
    users[user.username] = { home, access };
  }
  const products = [...new Set((file.shares ?? []).map((s) => s.product))].map((product) => ({
    id: product,
    ownerEntityId: global.id,
  }));
  const standIn = createStandIn({ global: globalSeed });
  standIn.seed({
    entities: others.map(({ parentId, ...e }) => ({ ...e, parentId: parentId ?? global.id })),
    connections: state.connections,
    users,
    products,
  });
  return { standIn, state: { ...state, ...(tenant.users ? { users: tenant.users } : {}) } };
}
