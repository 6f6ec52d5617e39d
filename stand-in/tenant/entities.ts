import type { components } from "../../generated/schema.js";
import { placeProblem } from "../../rules/tenantValues.js";
import { RecordsById } from "./ids.js";
import { Category, type Outcome, ok, refuse } from "./reasons.js";

type Schemas = components["schemas"];

/** An entity as the stand-in holds it: every field of the spec's `Entity`, always present. */
export type StandInEntity = Required<Schemas["Entity"]>;
/** The fields `createEntity` takes. */
export type NewEntity = Schemas["CreateEntityRequest"];
/** The fields `updateEntity` takes. */
export type EntityChanges = Schemas["UpdateEntityRequest"];

/** An entity to seed: a name is enough; it goes under the global entity, `Unprovisioned`, unless told otherwise. */
export interface EntitySeed {
  /** Defaults to the next generated ID. */
  id?: string | undefined;
  name: string;
  /** Defaults to the global entity. */
  parentId?: string | undefined;
  /** Defaults to `Unprovisioned`. */
  status?: Schemas["EntityStatus"] | undefined;
  /** Defaults to `name`. */
  displayName?: string | undefined;
  /** Defaults to `en_US`. */
  locale?: string | undefined;
  /** Defaults to `America/Los_Angeles`. */
  timezone?: string | undefined;
}

const EDITABLE = ["name", "displayName", "locale", "timezone"] as const;

const notFound = (id: string) => refuse(Category.notFound, `The entity ${id} does not exist.`);

/**
 * The entity hierarchy of one tenant, with Zuora's rules: one provisioned global entity at the top (no parent);
 * entities created `Unprovisioned` under an existing parent, with a name unique in the hierarchy; provisioning only
 * under a provisioned parent, and for good; removal only of an unprovisioned entity, with everything under it.
 *
 * Indexed by ID, by name and by parent, so every operation but a listing costs the same at any size.
 */
export class Entities {
  readonly #byId = new RecordsById<StandInEntity>("8a8e");
  readonly #idByName = new Map<string, string>();
  /** The IDs of each entity's children, in creation order. */
  readonly #children = new Map<string, Set<string>>();
  readonly #tenantId: string;
  /** The ID of the global entity. */
  readonly globalId: string;

  /**
   * @param tenantId - The `tenantId` of every entity.
   * @param global - The global entity (always `Provisioned`, without a parent).
   */
  constructor(tenantId: string, global: Omit<EntitySeed, "parentId" | "status">) {
    this.#tenantId = tenantId;
    const problem = placeProblem(global);
    if (problem) throw new TypeError(`global: ${problem}`);
    this.globalId = this.#add({ ...global, status: "Provisioned" }, null).id;
  }

  /**
   * Creates an `Unprovisioned` entity under `parentId` from the request's fields alone (an `id`, `status` or
   * `tenantId` is not the caller's to choose: over HTTP such a field is refused before this runs); the name must be
   * new in the hierarchy.
   */
  create(input: NewEntity): Outcome<StandInEntity> {
    const problem = placeProblem(input);
    if (problem) return refuse(Category.invalidValue, problem);
    if (!this.#byId.has(input.parentId)) {
      return refuse(Category.notFound, `The parent entity ${input.parentId} does not exist.`, "parentId");
    }
    if (this.#idByName.has(input.name)) {
      return refuse(Category.rule, `An entity named ${input.name} already exists.`, "name");
    }
    const { name, displayName, locale, timezone } = input;
    const seed: EntitySeed = { name, locale, timezone, status: "Unprovisioned" };
    if (displayName !== undefined) seed.displayName = displayName;
    return ok(this.#add(seed, input.parentId));
  }

  /** The entity with this ID. */
  get(id: string): Outcome<StandInEntity> {
    const entity = this.#byId.get(id);
    return entity ? ok(entity) : notFound(id);
  }

  /** Whether an entity with this ID exists. */
  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** The ID of the entity with this name, if there is one (names are unique in a hierarchy). */
  idOf(name: string): string | undefined {
    return this.#idByName.get(name);
  }

  /** How many entities there are. */
  get size(): number {
    return this.#byId.size;
  }

  /** The entities in creation order: all of them (`provisioned` undefined), or the (un)provisioned ones. */
  list(provisioned?: boolean): StandInEntity[] {
    const all = [...this.#byId.values()];
    return provisioned === undefined ? all : all.filter((e) => (e.status === "Provisioned") === provisioned);
  }

  /**
   * Changes the fields given. Refused: an unsupported locale or time zone, the locale or time zone of a provisioned
   * entity, the display name of the global entity, and a name another entity has. A value equal to the current one
   * is no change, and passes.
   */
  update(id: string, changes: EntityChanges): Outcome<StandInEntity> {
    const entity = this.#byId.get(id);
    if (!entity) return notFound(id);
    const problem = placeProblem(changes);
    if (problem) return refuse(Category.invalidValue, problem);
    const changed = (field: keyof EntityChanges) => changes[field] !== undefined && changes[field] !== entity[field];
    if (entity.status === "Provisioned" && (changed("locale") || changed("timezone"))) {
      return refuse(Category.rule, "The locale and time zone of a provisioned entity cannot be edited.");
    }
    if (id === this.globalId && changed("displayName")) {
      return refuse(Category.rule, "The display name of the global entity cannot be edited.");
    }
    if (changed("name") && changes.name !== undefined && this.#idByName.has(changes.name)) {
      return refuse(Category.rule, `An entity named ${changes.name} already exists.`, "name");
    }
    if (changes.name !== undefined) {
      this.#idByName.delete(entity.name);
      this.#idByName.set(changes.name, id);
    }
    for (const field of EDITABLE) {
      const value = changes[field];
      if (value !== undefined) entity[field] = value;
    }
    return ok(entity);
  }

  /** Provisions an unprovisioned entity whose parent is provisioned. It cannot be undone. */
  provision(id: string): Outcome<StandInEntity> {
    const entity = this.#byId.get(id);
    if (!entity) return notFound(id);
    if (entity.status === "Provisioned") return refuse(Category.rule, "The entity is already provisioned.");
    const parent = entity.parentId === null ? undefined : this.#byId.get(entity.parentId);
    if (parent?.status !== "Provisioned") {
      return refuse(Category.rule, "The entity cannot be provisioned before its parent entity is provisioned.");
    }
    entity.status = "Provisioned";
    return ok(entity);
  }

  /**
   * Removes an unprovisioned entity and every entity under it (none of which can be provisioned: a provisioned
   * entity has a provisioned parent). Resolves to the removed entities, parents first.
   */
  remove(id: string): Outcome<StandInEntity[]> {
    const entity = this.#byId.get(id);
    if (!entity) return notFound(id);
    if (entity.status === "Provisioned") return refuse(Category.rule, "A provisioned entity cannot be removed.");
    const removed = this.#subtree(entity);
    if (entity.parentId !== null) this.#children.get(entity.parentId)?.delete(id);
    for (const gone of removed) {
      this.#byId.delete(gone.id);
      this.#idByName.delete(gone.name);
      this.#children.delete(gone.id);
    }
    return ok(removed);
  }

  /**
   * Adds an entity as given, bypassing the API's rules but keeping the hierarchy sound. Throws a TypeError naming the
   * problem: an unknown parent, a provisioned entity under an unprovisioned one, a name or ID already taken, an
   * unsupported locale or time zone.
   */
  seed(seed: EntitySeed): StandInEntity {
    const shape = seedShapeProblem(seed);
    if (shape) throw new TypeError(`seed: ${shape}`);
    const parentId = seed.parentId ?? this.globalId;
    const parent = this.#byId.get(parentId);
    if (!parent) throw new TypeError(`seed: the parent entity ${parentId} does not exist`);
    if (seed.status === "Provisioned" && parent.status !== "Provisioned") {
      throw new TypeError(`seed: ${seed.name} cannot be provisioned under the unprovisioned ${parent.name}`);
    }
    if (this.#idByName.has(seed.name)) throw new TypeError(`seed: an entity named ${seed.name} already exists`);
    if (seed.id !== undefined && this.#byId.has(seed.id)) throw new TypeError(`seed: the entity ${seed.id} exists`);
    const problem = placeProblem(seed);
    if (problem) throw new TypeError(`seed: ${problem}`);
    return this.#add(seed, parentId);
  }

  /**
   * Sets the global entity's own values as given, bypassing the API's rules (a seed describes it by name, display
   * name, locale and time zone; its ID, status and place are fixed). Throws a TypeError for a name another entity has,
   * or an unsupported locale or time zone.
   */
  seedGlobal(values: Omit<EntitySeed, "id" | "parentId" | "status">): StandInEntity {
    const global = this.#byId.get(this.globalId) as StandInEntity;
    const owner = this.#idByName.get(values.name);
    if (owner !== undefined && owner !== this.globalId) {
      throw new TypeError(`seed: an entity named ${values.name} already exists`);
    }
    const problem = placeProblem(values);
    if (problem) throw new TypeError(`seed: ${problem}`);
    this.#idByName.delete(global.name);
    this.#idByName.set(values.name, this.globalId);
    global.name = values.name;
    for (const field of ["displayName", "locale", "timezone"] as const) {
      const value = values[field];
      if (value !== undefined) global[field] = value;
    }
    return global;
  }

  /** Builds an entity and indexes it. */
  #add(seed: EntitySeed, parentId: string | null): StandInEntity {
    const id = this.#byId.newId(seed.id);
    const entity: StandInEntity = {
      id,
      name: seed.name,
      displayName: seed.displayName ?? seed.name,
      locale: seed.locale ?? "en_US",
      timezone: seed.timezone ?? "America/Los_Angeles",
      status: seed.status ?? "Unprovisioned",
      parentId,
      tenantId: this.#tenantId,
    };
    this.#byId.set(id, entity);
    this.#idByName.set(entity.name, id);
    if (parentId !== null) {
      const siblings = this.#children.get(parentId);
      if (siblings) siblings.add(id);
      else this.#children.set(parentId, new Set([id]));
    }
    return entity;
  }

  /** The entity and every entity under it, parents first: a walk with a queue, so any depth fits. */
  #subtree(top: StandInEntity): StandInEntity[] {
    const out = [top];
    for (let i = 0; i < out.length; i++) {
      for (const childId of this.#children.get(out[i]?.id ?? "") ?? []) {
        const child = this.#byId.get(childId);
        if (child) out.push(child);
      }
    }
    return out;
  }
}

/** What in a seed (which may come over HTTP, as any JSON) would make an entity break the spec's `Entity` schema. */
function seedShapeProblem(seed: EntitySeed): string | undefined {
  if (typeof seed !== "object" || seed === null) return "an entity must be an object with a name";
  if (typeof seed.name !== "string") return "an entity's name must be a string";
  for (const field of ["id", "parentId", "displayName", "locale", "timezone"] as const) {
    if (seed[field] !== undefined && typeof seed[field] !== "string") return `${seed.name}: ${field} must be a string`;
  }
  if (seed.status !== undefined && seed.status !== "Provisioned" && seed.status !== "Unprovisioned") {
    return `${seed.name}: status must be Provisioned or Unprovisioned`;
  }
  return undefined;
}
