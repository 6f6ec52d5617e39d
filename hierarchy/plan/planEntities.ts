import { entityAddress } from "../addresses.js";
import { childrenByParentName } from "../childrenByParent.js";
import type { DesiredEntity, EntityFields, Hierarchy, TenantEntity } from "../model.js";
import { plural } from "../plural.js";
import type { TenantIndex } from "../tenant/tenantIndex.js";
import { type Draft, entityView, refusal, stepKey } from "./draft.js";

/** What the connections' planning needs to know of the entities' outcome. */
export interface EntityOutcome {
  /** Whether the entity will be provisioned once the plan has run. */
  willBeProvisioned(name: string): boolean;
  /** The tenant entity that stays (not deleted by the plan), by name. */
  staying(name: string): TenantEntity | undefined;
  /** The key of the step that provisions the entity (or creates it provisioned), if the plan has one. */
  readyKey(name: string): string | undefined;
}

const FIELDS = ["displayName", "locale", "timezone"] as const;

/**
 * Plans the entities: deletes (with `prune` only, of unprovisioned entities, the topmost of a removed subtree),
 * creates parents first, updates, provisions parents first; and refuses what Zuora cannot do or what cannot be undone.
 * Assumes the file's structure is sound ({@link soundPart}). Undefined when the file's root is not the tenant's global
 * entity: nothing else can be planned then.
 */
export function planEntities(
  file: Hierarchy,
  tenant: TenantIndex,
  prune: boolean,
  draft: Draft,
): EntityOutcome | undefined {
  const desired = new Map(file.entities.map((e) => [e.name, e]));
  const order = topologicalOrder(file.entities);
  const depth = new Map<string, number>();
  for (const e of order) depth.set(e.name, e.parent === undefined ? 0 : (depth.get(e.parent) ?? 0) + 1);
  const ranks = new Map(order.map((e, i) => [e.name, (depth.get(e.name) ?? 0) * 1e6 + i]));
  const rank = (name: string) => ranks.get(name) ?? 0;
  const global = tenant.global;
  const root = order[0] as DesiredEntity;
  const wantProvisioned = (e: DesiredEntity) => e.parent === undefined || e.provisioned === true;
  // Provisioned once the plan has run: as the file wants, or as the tenant has it already (which cannot be undone).
  const willBeProvisioned = (e: DesiredEntity) => {
    const held = tenant.byName.get(e.name);
    return wantProvisioned(e) || (held?.status === "Provisioned" && !gone.has(held.id));
  };

  if (root.name !== global.name) {
    draft.refused.push(
      refusal(
        entityAddress(root.name),
        `the root ${root.name} is not the tenant's global entity ${global.name} (its name is how the file names it)`,
        root.at,
      ),
    );
    return undefined;
  }
  if (root.provisioned === false) {
    draft.refused.push(
      refusal(
        entityAddress(root.name),
        "the global entity is always provisioned: provisioned: false cannot be",
        root.at,
      ),
    );
  }

  // What goes: moved unprovisioned entities (deleted and re-created) and, with prune, those the file leaves out.
  const gone = new Set<string>();
  const deleteReason = new Map<string, string>();
  for (const entity of order) {
    const current = tenant.byName.get(entity.name);
    if (!current || current.parentId === null) continue;
    const currentParent = tenant.parentName(current);
    if (currentParent === entity.parent) continue;
    const address = entityAddress(entity.name);
    if (current.status === "Provisioned") {
      draft.refused.push(
        refusal(
          address,
          `moves from ${currentParent} to ${entity.parent}: a provisioned entity keeps its parent`,
          entity.at,
        ),
      );
    } else if (!prune) {
      draft.refused.push(
        refusal(
          address,
          `moves from ${currentParent} to ${entity.parent}: Zuora cannot move an entity, so it would be deleted and re-created (with everything under it); run with --prune to allow`,
          entity.at,
        ),
      );
    } else {
      for (const e of tenant.subtree(current)) gone.add(e.id);
      deleteReason.set(current.id, `moves from ${currentParent} to ${entity.parent}: deleted, then created again`);
    }
  }
  // What the file leaves out: removed with prune where Zuora can remove it, else kept and shown as drift, once at the
  // top of each kept subtree (the tenant's entities come parents first).
  const keptUnder = new Map<string, string>();
  const keptCount = new Map<string, number>();
  for (const current of tenant.entities) {
    if (current.parentId === null || desired.has(current.name) || gone.has(current.id)) continue;
    const top = keptUnder.get(current.parentId);
    const removable = current.status === "Unprovisioned" && prune;
    if (top !== undefined && !removable) {
      keptUnder.set(current.id, top);
      keptCount.set(top, (keptCount.get(top) ?? 0) + 1);
      continue;
    }
    if (removable) {
      for (const e of tenant.subtree(current)) gone.add(e.id);
      deleteReason.set(current.id, "not in the file (--prune)");
      continue;
    }
    keptUnder.set(current.id, current.id);
  }
  for (const current of tenant.entities) {
    if (keptUnder.get(current.id) !== current.id) continue;
    const below = keptCount.get(current.id) ?? 0;
    const under = below > 0 ? ` (with ${plural(below, "entity", "entities")} under it)` : "";
    draft.drift.push({
      address: entityAddress(current.name),
      before: entityView(current, tenant.parentName(current)),
      reason:
        current.status === "Provisioned"
          ? `is provisioned and not in the file${under}: kept, as Zuora never deletes a provisioned entity; add it to the file`
          : `is not in the file${under}: kept (run with --prune to delete it)`,
    });
  }
  // One delete per removed subtree, at its top: Zuora deletes the sub-entities with it.
  const deleteKeyOf = new Map<string, string>();
  for (const current of tenant.entities) {
    if (!gone.has(current.id)) continue;
    const parent = current.parentId === null ? undefined : tenant.byId.get(current.parentId);
    if (parent && gone.has(parent.id)) {
      deleteKeyOf.set(current.id, deleteKeyOf.get(parent.id) ?? "");
      continue;
    }
    const address = entityAddress(current.name);
    const key = stepKey("delete", address);
    deleteKeyOf.set(current.id, key);
    const below = tenant.subtree(current).length - 1;
    draft.steps.push({
      address,
      action: "delete",
      after: [],
      rank: tenant.position(current),
      entity: current.name,
      reason: `${deleteReason.get(current.id) ?? "deleted"}${below > 0 ? ` (with ${plural(below, "entity", "entities")} under it)` : ""}`,
    });
    draft.views.set(address, { before: entityView(current, tenant.parentName(current)), after: null });
  }

  const readyKeys = new Map<string, string>();
  for (const entity of order) {
    const address = entityAddress(entity.name);
    const found = tenant.byName.get(entity.name);
    const current = found && !gone.has(found.id) ? found : undefined;
    const before = found ? entityView(found, tenant.parentName(found)) : null;
    const after: Record<string, unknown> = {
      ...(entity.parent === undefined ? {} : { parent: entity.parent }),
      displayName: entity.displayName,
      locale: entity.locale,
      timezone: entity.timezone,
      provisioned: willBeProvisioned(entity),
    };
    const parentReady = entity.parent === undefined ? undefined : readyKeys.get(entity.parent);
    const refusedBefore = draft.refused.length;
    if (entity.parent !== undefined && wantProvisioned(entity)) {
      const parent = desired.get(entity.parent);
      if (parent && !willBeProvisioned(parent)) {
        draft.refused.push(
          refusal(
            address,
            `is to be provisioned, but its parent ${parent.name} is not: Zuora provisions parents first`,
            entity.at,
          ),
        );
      }
    }

    if (current) {
      const provisioned = current.status === "Provisioned";
      if (provisioned && !wantProvisioned(entity)) {
        // The tenant is past the file, and nothing can bring it back: a difference kept, not a refusal.
        draft.drift.push({
          address,
          before: entityView(current, tenant.parentName(current)),
          reason: `is provisioned, and the file says provisioned: false${entity.provisioned === undefined ? " (the default)" : ""}: kept, as provisioning cannot be undone; write provisioned: true`,
        });
      }
      const changes: EntityFields = {};
      const said: string[] = [];
      for (const field of FIELDS) {
        if (entity[field] === current[field]) continue;
        if (field !== "displayName" && provisioned) {
          draft.refused.push(
            refusal(
              address,
              `the ${field} of a provisioned entity cannot change (${current[field]} → ${entity[field]})`,
              entity.at,
            ),
          );
        } else if (field === "displayName" && current.parentId === null) {
          draft.refused.push(
            refusal(
              address,
              `the display name of the global entity cannot change (${current.displayName} → ${entity.displayName})`,
              entity.at,
            ),
          );
        } else {
          changes[field] = entity[field];
          said.push(`${field} ${JSON.stringify(current[field])} → ${JSON.stringify(entity[field])}`);
        }
      }
      if (draft.refused.length > refusedBefore) continue;
      if (said.length > 0) {
        draft.steps.push({
          address,
          action: "update",
          after: [],
          rank: rank(entity.name),
          entity: entity.name,
          fields: changes,
          reason: said.join(", "),
        });
      }
      if (!provisioned && wantProvisioned(entity)) {
        const key = stepKey("provision", address);
        draft.steps.push({
          address,
          action: "provision",
          after: [stepKey("update", address), ...(parentReady ? [parentReady] : [])],
          rank: rank(entity.name),
          entity: entity.name,
          reason: "the file says provisioned: true",
        });
        readyKeys.set(entity.name, key);
      }
      if (said.length > 0 || (!provisioned && wantProvisioned(entity))) draft.views.set(address, { before, after });
      continue;
    }
    if (draft.refused.length > refusedBefore) continue;
    const createKey = stepKey("create", address);
    const parentCreate = entity.parent === undefined ? undefined : stepKey("create", entityAddress(entity.parent));
    const freedBy = found ? deleteKeyOf.get(found.id) : undefined;
    draft.steps.push({
      address,
      action: "create",
      after: [...(parentCreate ? [parentCreate] : []), ...(freedBy ? [freedBy] : [])],
      rank: rank(entity.name),
      entity: entity.name,
      ...(entity.parent === undefined ? {} : { parent: entity.parent }),
      fields: { displayName: entity.displayName, locale: entity.locale, timezone: entity.timezone },
      reason: found ? "created again (deleted by this plan)" : "not in the tenant",
    });
    readyKeys.set(entity.name, createKey);
    if (wantProvisioned(entity)) {
      const key = stepKey("provision", address);
      draft.steps.push({
        address,
        action: "provision",
        after: [createKey, ...(parentReady ? [parentReady] : [])],
        rank: rank(entity.name),
        entity: entity.name,
        reason: "the file says provisioned: true",
      });
      readyKeys.set(entity.name, key);
    }
    draft.views.set(address, { before: found ? before : null, after });
  }

  return {
    willBeProvisioned: (name) => {
      const e = desired.get(name);
      return e !== undefined && willBeProvisioned(e);
    },
    staying: (name) => {
      const e = tenant.byName.get(name);
      return e && !gone.has(e.id) ? e : undefined;
    },
    readyKey: (name) => {
      const key = readyKeys.get(name);
      return key?.startsWith("provision ") ? key : undefined;
    },
  };
}

/** The file's entities, parents before children (the root first), in the file's order otherwise. */
function topologicalOrder(entities: readonly DesiredEntity[]): DesiredEntity[] {
  const tree = childrenByParentName(entities);
  return tree.parentsFirst(tree.childrenOf(undefined));
}
