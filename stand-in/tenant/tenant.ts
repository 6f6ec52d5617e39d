import { type ConnectionSeed, Connections, type StandInConnection } from "./connections.js";
import { Entities, type EntitySeed, type StandInEntity } from "./entities.js";
import { Category, type Outcome, ok, refuse } from "./reasons.js";

/** Who may see which entities in `listAccessibleEntities`: a list of entity IDs, or `"all"` (present and future). */
export type UserAccess = readonly string[] | "all";

/** How a fresh tenant looks. */
export interface TenantOptions {
  /** The `tenantId` of every entity. Defaults to `"9999"`. */
  tenantId?: string;
  /** The global entity, provisioned, at the top of the hierarchy. Defaults to `{ name: "Global" }`. */
  global?: Omit<EntitySeed, "parentId" | "status">;
  /** The users `listAccessibleEntities` knows, by username. Defaults to `{ admin: "all" }`. */
  users?: Record<string, UserAccess>;
}

/** A state to start from: entities (parents before children), connections, users. */
export interface TenantSeed {
  entities?: readonly EntitySeed[];
  connections?: readonly ConnectionSeed[];
  users?: Record<string, UserAccess>;
}

/** Everything a tenant holds, as plain data (copies: changing them changes nothing). */
export interface TenantSnapshot {
  entities: StandInEntity[];
  connections: StandInConnection[];
}

/**
 * One Multi-entity tenant in memory: its entity hierarchy, the connections between its entities, and its users.
 * Every operation returns an {@link Outcome}: the rule a request breaks is data, which the HTTP layer turns into
 * Zuora's `success: false` answer.
 */
export class Tenant {
  /** The entity hierarchy. */
  readonly entities: Entities;
  /** The connections between entities. */
  readonly connections: Connections;
  readonly #users = new Map<string, UserAccess>();

  constructor(options: TenantOptions = {}) {
    this.entities = new Entities(options.tenantId ?? "9999", options.global ?? { name: "Global" });
    this.connections = new Connections(this.entities);
    for (const [name, access] of Object.entries(options.users ?? { admin: "all" })) this.#users.set(name, access);
  }

  /** Removes an unprovisioned entity, the entities under it, and the connections of them all. */
  deleteEntity(id: string): Outcome<StandInEntity[]> {
    const removed = this.entities.remove(id);
    if (removed.ok) this.connections.forgetEntities(removed.value.map((e) => e.id));
    return removed;
  }

  /** The entities the user may access, in creation order; an unknown user is not found. */
  accessibleEntities(username: string): Outcome<StandInEntity[]> {
    const access = this.#users.get(username);
    if (access === undefined) return refuse(Category.notFound, `The user ${username} does not exist.`);
    if (access === "all") return ok(this.entities.list());
    const allowed = new Set(access);
    return ok(this.entities.list().filter((e) => allowed.has(e.id)));
  }

  /** Adds the seed's entities, connections and users, in that order; throws a TypeError on the first unfit one. */
  seed(seed: TenantSeed): TenantSnapshot {
    for (const [name, access] of Object.entries(seed.users ?? {})) {
      if (access !== "all" && !(Array.isArray(access) && access.every((id) => typeof id === "string"))) {
        throw new TypeError(`seed: the access of user ${name} must be "all" or a list of entity IDs`);
      }
    }
    const entities = (seed.entities ?? []).map((e) => this.entities.seed(e));
    const connections = (seed.connections ?? []).map((c) => this.connections.seed(c));
    for (const [name, access] of Object.entries(seed.users ?? {})) this.#users.set(name, access);
    return copies(entities, connections);
  }

  /** A copy of every entity and connection. */
  snapshot(): TenantSnapshot {
    return copies(this.entities.list(), this.connections.all());
  }
}

/** Copies of flat records (every field a primitive): a spread each, many times cheaper than structuredClone. */
function copies(entities: readonly StandInEntity[], connections: readonly StandInConnection[]): TenantSnapshot {
  return { entities: entities.map((e) => ({ ...e })), connections: connections.map((c) => ({ ...c })) };
}
