import { accessAddress, userAddress } from "../addresses.js";
import type { Hierarchy } from "../model.js";
import type { TenantIndex } from "../tenant/tenantIndex.js";
import { type Draft, refusal, stepKey } from "./draft.js";
import type { EntityOutcome } from "./planEntities.js";

/**
 * Plans the users' access, after the entities (an entity gives access once provisioned): for each entity the file
 * gives a user and the tenant does not, a request from the user's home entity, then the entity's accept (which apply
 * skips when Zuora granted the request at once); for each entity the tenant gives and the file leaves out, a deny
 * from that entity with `prune` (it takes the access away), drift otherwise. Refused: a user the tenant does not have
 * (Zuora's API cannot create users), a home the user cannot access, and access to an entity that will not be
 * provisioned. Without the user's home in the file (Zuora's API does not say it), a missing access is drift.
 */
export function planUsers(
  file: Hierarchy,
  tenant: TenantIndex,
  entities: EntityOutcome,
  prune: boolean,
  draft: Draft,
): void {
  const read = new Map((tenant.users ?? []).map((u) => [u.username, u]));
  for (const [rank, user] of (file.users ?? []).entries()) {
    const { username } = user;
    const found = read.get(username);
    if (!found?.exists) {
      draft.refused.push(
        refusal(
          userAddress(username),
          `does not exist in the tenant: Zuora's API cannot create users; create ${username} in Zuora, then plan again`,
          user.at,
        ),
      );
      continue;
    }
    const current = new Set(found.entityIds.map((id) => tenant.byId.get(id)?.name).filter((n) => n !== undefined));
    const wanted = new Set([...(user.home === undefined ? [] : [user.home]), ...user.access]);
    if (user.home !== undefined && !current.has(user.home)) {
      draft.refused.push(
        refusal(
          userAddress(username),
          `the file says its home is ${user.home}, but the tenant shows ${username} cannot access ${user.home}: a user can always access its home (the entity it was created in)`,
          user.at,
        ),
      );
      continue;
    }
    const view = (name: string, access: boolean) => ({ user: username, entity: name, access });
    for (const name of wanted) {
      if (current.has(name)) continue;
      const address = accessAddress(username, name);
      if (!entities.willBeProvisioned(name)) {
        draft.refused.push(
          refusal(address, `${name} will not be provisioned: access is only to provisioned entities`, user.at),
        );
        continue;
      }
      if (user.home === undefined) {
        // A difference the plan cannot make without the file's help: kept, with what to write.
        draft.drift.push({
          address,
          before: view(name, false),
          reason: `${username} cannot access ${name}, which the file gives it: kept, as a request goes from the user's home entity, which Zuora's API does not say; give ${username}'s \`home\` in the file`,
        });
        continue;
      }
      const ready = [entities.readyKey(name), entities.readyKey(user.home)].filter((k) => k !== undefined);
      const base = { address, rank, user: username, from: user.home, to: name };
      draft.steps.push({ ...base, action: "request-access", after: ready, reason: `requested by ${user.home}` });
      draft.steps.push({
        ...base,
        action: "accept-access",
        after: [stepKey("request-access", address)],
        reason: `accepted by ${name} (unless Zuora granted it at once)`,
      });
      draft.views.set(address, { before: view(name, false), after: view(name, true) });
    }
    for (const name of current) {
      // An entity the plan deletes takes the access with it.
      if (wanted.has(name) || entities.staying(name) === undefined) continue;
      const address = accessAddress(username, name);
      if (!prune) {
        draft.drift.push({
          address,
          before: view(name, true),
          reason: `${username} can access ${name}, which the file leaves out: kept (run with --prune to deny it)`,
        });
        continue;
      }
      draft.steps.push({
        address,
        action: "deny-access",
        after: [],
        rank,
        user: username,
        to: name,
        reason: `not in the file (--prune): ${name} denies ${username}, which takes the access away`,
      });
      draft.views.set(address, { before: view(name, true), after: view(name, false) });
    }
  }
}
