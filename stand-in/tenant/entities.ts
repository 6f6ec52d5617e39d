import type { components } from "../../generated/schema.js";
import { idMaker } from "./ids.js";
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
  id?: string;
  name: string;
  /** Defaults to the global entity. */
  parentId?: string;
  /** Defaults to `Unprovisioned`. */
  status?: Schemas["EntityStatus"];
  /** Defaults to `name`. */
  displayName?: string;
  /** Defaults to `en_US`. */
  locale?: string;
  /** Defaults to `America/Los_Angeles`. */
  timezone?: string;
}

const notFound = (id: string) => refuse(Category.notFound, `The entity ${id} does not exist.`);

/**
 * The entity hierarchy of one tenant, with Zuora's rules: one provisioned global entity at the top (no parent);
 * entities created `Unprovisioned` under an existing parent, with a name unique in the hierarchy; provisioning only
 * under a provisioned parent, and for good; removal only of an unprovisioned entity, with everything under it.
 */
export class Entities {
  readonly #byId = new Map<string, StandInEntity>();
  readonly #tenantId: string;
  readonly #newId = idMaker("8a8e");
  /** The ID of the global entity. */
  readonly globalId: string;

  /**
   * @param tenantId - The `tenantId` of every entity.
   * @param global - The global entity (always `Provisioned`, without a parent).
   */
  constructor(tenantId: string, global: Omit<EntitySeed, "parentId" | "status">) {
    this.#tenantId = tenantId;
    const entity = this.#build({ ...global, status: "Provisioned" }, null);
    this.#byId.set(entity.id, entity);
    this.globalId = entity.id;
  }

  /** Creates an `Unprovisioned` entity under `parentId`; the name must be new in the hierarchy. */
  create(input: NewEntity): Outcome<StandInEntity> {
    if (!this.#byId.has(input.parentId)) {
      return refuse(Category.notFound, `The parent entity ${input.parentId} does not exist.`);
    }
    if (this.#nameTaken(input.name)) return refuse(Category.rule, `An entity named ${input.name} already exists.`);
    const entity = this.#build({ ...input, status: "Unprovisioned" }, input.parentId);
    this.#byId.set(entity.id, entity);
    return ok(entity);
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

  /** The entities in creation order: all of them (`provisioned` undefined), or the (un)provisioned ones. */
  list(provisioned?: boolean): StandInEntity[] {
    const all = [...this.#byId.values()];
    return provisioned === undefined ? all : all.filter((e) => (e.status === "Provisioned") === provisioned);
  }

  /**
   * Changes the fields given. Refused: the locale or time zone of a provisioned entity, the display name of the
   * global entity, and a name another entity has. A value equal to the current one is no change, and passes.
   */
  update(id: string, changes: EntityChanges): Outcome<StandInEntity> {
    const entity = this.#byId.get(id);
    if (!entity) return notFound(id);
    const changed = (field: keyof EntityChanges) => changes[field] !== undefined && changes[field] !== entity[field];
    if (entity.status === "Provisioned" && (changed("locale") || changed("timezone"))) {
      return refuse(Category.rule, "The locale and time zone of a provisioned entity cannot be edited.");
    }
    if (id === this.globalId && changed("displayName")) {
      return refuse(Category.rule, "The display name of the global entity cannot be edited.");
    }
    if (changed("name") && changes.name !== undefined && this.#nameTaken(changes.name)) {
      return refuse(Category.rule, `An entity named ${changes.name} already exists.`);
    }
    for (const field of ["name", "displayName", "locale", "timezone"] as const) {
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
    const removed = this.#subtree(id);
    for (const gone of removed) this.#byId.delete(gone.id);
    return ok(removed);
  }

  /**
   * Adds an entity as given, bypassing the API's rules but keeping the hierarchy sound. Throws a TypeError naming the
   * problem: an unknown parent, a provisioned entity under an unprovisioned one, a name or ID already taken.
   */
  seed(seed: EntitySeed): StandInEntity {
    const parentId = seed.parentId ?? this.globalId;
    const parent = this.#byId.get(parentId);
    if (!parent) throw new TypeError(`seed: the parent entity ${parentId} does not exist`);
    if (seed.status === "Provisioned" && parent.status !== "Provisioned") {
      throw new TypeError(`seed: ${seed.name} cannot be provisioned under the unprovisioned ${parent.name}`);
    }
    if (this.#nameTaken(seed.name)) throw new TypeError(`seed: an entity named ${seed.name} already exists`);
    if (seed.id !== undefined && this.#byId.has(seed.id)) throw new TypeError(`seed: the entity ${seed.id} exists`);
    const entity = this.#build(seed, parentId);
    this.#byId.set(entity.id, entity);
    return entity;
  }

  #build(seed: EntitySeed, parentId: string | null): StandInEntity {
    return {
      id: seed.id ?? this.#newId(),
      name: seed.name,
      displayName: seed.displayName ?? seed.name,
      locale: seed.locale ?? "en_US",
      timezone: seed.timezone ?? "America/Los_Angeles",
      status: seed.status ?? "Unprovisioned",
      parentId,
      tenantId: this.#tenantId,
    };
  }

  #nameTaken(name: string): boolean {
    return [...this.#byId.values()].some((e) => e.name === name);
  }

  /** The entity and every entity under it, parents first. */
  #subtree(id: string): StandInEntity[] {
    const out: StandInEntity[] = [];
    const visit = (parentId: string) => {
      const entity = this.#byId.get(parentId);
      if (entity) out.push(entity);
      for (const child of this.#byId.values()) if (child.parentId === parentId) visit(child.id);
    };
    visit(id);
    return out;
  }
}
