import {
  DISPLAY_NAME,
  ENTITY_ID,
  ENTITY_NAME,
  isDisplayName,
  isEntityId,
  isEntityName,
  placeProblem,
} from "../../../rules/tenantValues.js";
import type { EntitySeed } from "../entities.js";
import type { Tenant } from "../tenant.js";
import { type EntityRef, isRecord, knownKeysOnly, type Report, str } from "./reading.js";

const ENTITY_KEYS = new Set(["id", "parent", "displayName", "locale", "timezone", "provisioned"]);

/** A seed's entities, checked and ordered to be added. */
export interface SeedEntities {
  /** Every entity the seed names (sound or not), by name. */
  names: Set<string>;
  /** The names of the seed's entities that give their ID, by that ID. */
  nameById: Map<string, string>;
  /** The global entity's new values (its name among them), when the seed describes it. */
  global: { name: string; values: Omit<EntitySeed, "id" | "name" | "parentId" | "status"> } | undefined;
  /** The other entities, parents before children. */
  ordered: { name: string; values: Omit<EntitySeed, "name" | "parentId">; parent: EntityRef }[];
}

/**
 * Checks a seed's `entities` against the tenant, reporting every problem: the entity without `parent` must be the
 * global entity (by its ID, or by its name when no ID is given); the others need a parent in the seed or the tenant
 * (no cycle), a name and an ID nobody has (an ID of the spec's shape, no connection's), values the contract takes
 * (a display name of 1 to 255 characters), and a provisioned parent to be provisioned.
 */
export function readEntities(tenant: Tenant, raw: unknown, report: Report): SeedEntities {
  const out: SeedEntities = { names: new Set(), nameById: new Map(), global: undefined, ordered: [] };
  if (raw === undefined) return out;
  if (!isRecord(raw)) {
    report(["entities"], "`entities` must be a mapping of entity names to entities");
    return out;
  }
  const global = tenant.entities.get(tenant.entities.globalId);
  const globalEntity = global.ok ? global.value : undefined;
  const ids = new Set<string>();
  const sound = new Map<string, { values: Omit<EntitySeed, "name" | "parentId">; parent: string }>();
  for (const [name, given] of Object.entries(raw)) {
    const path = ["entities", name];
    // `EMEA:` with nothing under it (YAML's null) is an entity with every default.
    const entity = given === null ? {} : given;
    if (!isRecord(entity)) {
      report(path, `entity ${name} must be a mapping`);
      continue;
    }
    out.names.add(name);
    let fine = knownKeysOnly(path, entity, ENTITY_KEYS, report);
    for (const key of ["id", "parent", "displayName", "locale", "timezone"] as const) {
      const value = entity[key];
      if (value !== undefined && (typeof value !== "string" || value === "")) {
        report([...path, key], `\`${key}\` must be a non-empty string`);
        fine = false;
      }
    }
    if (typeof entity.id === "string" && entity.id !== "" && !isEntityId(entity.id)) {
      report([...path, "id"], `\`id\` must be ${ENTITY_ID.words}, at most ${ENTITY_ID.maxLength} characters`);
      fine = false;
    } else if (typeof entity.id === "string" && tenant.connections.has(entity.id)) {
      report([...path, "id"], `${entity.id} is the ID of a connection`);
      fine = false;
    }
    if (typeof entity.displayName === "string" && entity.displayName !== "" && !isDisplayName(entity.displayName)) {
      report([...path, "displayName"], `\`displayName\` must be 1 to ${DISPLAY_NAME.maxLength} characters`);
      fine = false;
    }
    if (entity.provisioned !== undefined && typeof entity.provisioned !== "boolean") {
      report([...path, "provisioned"], "`provisioned` must be true or false");
      fine = false;
    }
    if (!isEntityName(name)) {
      report(path, `entity name "${name}": must be ${ENTITY_NAME.words}, at most ${ENTITY_NAME.maxLength} characters`);
      fine = false;
    }
    const place = placeProblem({ locale: str(entity.locale), timezone: str(entity.timezone) });
    if (place) {
      report(path, place);
      fine = false;
    }
    const id = str(entity.id);
    const values = {
      ...(id === undefined ? {} : { id }),
      ...(str(entity.displayName) === undefined ? {} : { displayName: str(entity.displayName) }),
      ...(str(entity.locale) === undefined ? {} : { locale: str(entity.locale) }),
      ...(str(entity.timezone) === undefined ? {} : { timezone: str(entity.timezone) }),
    };
    const owner = tenant.entities.idOf(name);
    if (entity.parent === undefined) {
      // The global entity: the tenant's own, by its ID, or by its name when the seed gives no ID.
      const isGlobal = id === undefined ? name === globalEntity?.name : id === globalEntity?.id;
      if (out.global || !isGlobal) {
        report(path, `${name} has no \`parent\`: only the global entity (${globalEntity?.name}) may have none`);
      } else if (owner !== undefined && owner !== globalEntity?.id) {
        report(path, `an entity named ${name} already exists`);
      } else if (entity.provisioned === false) {
        report([...path, "provisioned"], "the global entity is always provisioned");
      } else if (fine) {
        const { id: _id, ...own } = values;
        out.global = { name, values: own };
      }
      continue;
    }
    if (id !== undefined && id === globalEntity?.id) {
      report([...path, "id"], `${id} is the global entity's ID, and the global entity has no parent`);
      fine = false;
    } else if (id !== undefined && (ids.has(id) || tenant.entities.has(id))) {
      report([...path, "id"], `the entity ${id} exists`);
      fine = false;
    }
    if (id !== undefined) {
      ids.add(id);
      out.nameById.set(id, name);
    }
    if (owner !== undefined) {
      report(path, `an entity named ${name} already exists`);
      fine = false;
    }
    if (fine) {
      const status = entity.provisioned === true ? "Provisioned" : "Unprovisioned";
      sound.set(name, { values: { ...values, status }, parent: entity.parent as string });
    }
  }

  // Parents first, in the seed's order where it already is: an entity is placed once its parent is (the tenant's,
  // the global entity, or one of the seed's placed before), and one whose parent comes later waits for it.
  const provisioned = new Map<string, boolean>();
  const waiting = new Map<string, string[]>();
  const reported = new Set<string>();
  const place = (name: string, parentRef: EntityRef, parentProvisioned: boolean) => {
    const queue = [{ name, parentRef, parentProvisioned }];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      const entry = sound.get(next.name) as { values: Omit<EntitySeed, "name" | "parentId">; parent: string };
      const isProvisioned = entry.values.status === "Provisioned";
      if (isProvisioned && !next.parentProvisioned) {
        report(
          ["entities", next.name, "provisioned"],
          `${next.name} cannot be provisioned under the unprovisioned ${entry.parent}`,
        );
      }
      provisioned.set(next.name, isProvisioned);
      out.ordered.push({ name: next.name, values: entry.values, parent: next.parentRef });
      const children = waiting.get(next.name) ?? [];
      waiting.delete(next.name);
      for (let i = children.length - 1; i >= 0; i--) {
        queue.push({ name: children[i] as string, parentRef: { seed: next.name }, parentProvisioned: isProvisioned });
      }
    }
  };
  for (const [name, { parent }] of sound) {
    if (parent === out.global?.name) {
      place(name, { id: tenant.entities.globalId }, true);
    } else if (provisioned.has(parent)) {
      place(name, { seed: parent }, provisioned.get(parent) === true);
    } else if (out.names.has(parent)) {
      const list = waiting.get(parent);
      if (list) list.push(name);
      else waiting.set(parent, [name]);
    } else {
      const id = tenant.entities.idOf(parent) ?? (tenant.entities.has(parent) ? parent : undefined);
      const existing = id === undefined ? undefined : tenant.entities.get(id);
      if (existing?.ok) {
        place(name, { id: existing.value.id }, existing.value.status === "Provisioned");
      } else {
        report(["entities", name, "parent"], `its parent ${parent} is neither in the seed nor in the tenant`);
        reported.add(name);
      }
    }
  }
  // What was never placed is in a cycle of parents, under one, or under an entity refused above.
  const parentOf = (name: string) => sound.get(name)?.parent ?? "";
  const unplaced = (name: string) => sound.has(name) && !provisioned.has(name) && !reported.has(name);
  for (const name of sound.keys()) {
    if (!unplaced(name)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let at = name;
    while (unplaced(at) && !onPath.has(at)) {
      path.push(at);
      onPath.add(at);
      at = parentOf(at);
    }
    const cycle = onPath.has(at) ? [...path.slice(path.indexOf(at)), at] : undefined;
    const why =
      cycle === undefined
        ? `its parent ${parentOf(name)} was refused`
        : cycle[0] === name
          ? `a cycle of parents: ${cycle.join(" → ")}`
          : `it hangs from a cycle of parents (at ${at})`;
    report(["entities", name, "parent"], why);
  }
  return out;
}
