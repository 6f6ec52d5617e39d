import { type ConnectionSeed, Connections, type StandInConnection } from "./connections.js";
import { Entities, type EntitySeed, type StandInEntity } from "./entities.js";
import { type ProductSeed, Products, type StandInProduct } from "./products.js";
import type { Outcome } from "./reasons.js";
import { type StandInUser, type UserAccess, type UserSeed, Users } from "./users.js";

export type { UserAccess, UserSeed } from "./users.js";

/** How a fresh tenant looks. */
export interface TenantOptions {
  /** The `tenantId` of every entity. Defaults to `"9999"`. */
  tenantId?: string;
  /** The global entity, provisioned, at the top of the hierarchy. Defaults to `{ name: "Global" }`. */
  global?: Omit<EntitySeed, "parentId" | "status">;
  /** The users `listAccessibleEntities` knows, by username. Defaults to `{ admin: "all" }`. */
  users?: Record<string, UserAccess | UserSeed>;
}

/** A state to start from: entities (parents before children), connections, users, products. */
export interface TenantSeed {
  entities?: readonly EntitySeed[];
  connections?: readonly ConnectionSeed[];
  /** By username: the entities the user can access, or the user in full (home, access, pending requests). */
  users?: Record<string, UserAccess | UserSeed>;
  /** Catalog products, each owned by an entity and possibly shared with others. */
  products?: readonly ProductSeed[];
}

/** Everything a tenant holds, as plain data (copies: changing them changes nothing). */
export interface TenantSnapshot {
  entities: StandInEntity[];
  connections: StandInConnection[];
  users: StandInUser[];
  products: StandInProduct[];
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
  /** The users, their home entities, their access and their pending access requests. */
  readonly users: Users;
  /** The catalog products and the entities each is shared with. */
  readonly products: Products;

  constructor(options: TenantOptions = {}) {
    this.entities = new Entities(options.tenantId ?? "9999", options.global ?? { name: "Global" });
    this.connections = new Connections(this.entities);
    this.users = new Users(this.entities);
    this.products = new Products(this.entities, this.connections);
    for (const [name, access] of Object.entries(options.users ?? { admin: "all" })) this.users.seed(name, access);
  }

  /** Removes an unprovisioned entity, the entities under it, and the connections of them all. */
  deleteEntity(id: string): Outcome<StandInEntity[]> {
    const removed = this.entities.remove(id);
    if (removed.ok) this.connections.forgetEntities(removed.value.map((e) => e.id));
    return removed;
  }

  /** The entities the user may access, in creation order; an unknown user is not found. */
  accessibleEntities(username: string): Outcome<StandInEntity[]> {
    return this.users.accessibleEntities(username);
  }

  /**
   * Adds the seed's entities, connections, users and products, in that order; throws a TypeError on the first
   * unfit one. Answers what was added.
   */
  seed(seed: TenantSeed): TenantSnapshot {
    const entities = (seed.entities ?? []).map((e) => this.entities.seed(e));
    const connections = (seed.connections ?? []).map((c) => this.connections.seed(c));
    const users = Object.entries(seed.users ?? {}).map(([name, user]) => this.users.seed(name, user));
    const products = (seed.products ?? []).map((p) => this.products.seed(p));
    return copies(entities, connections, users, products);
  }

  /** A copy of every entity, connection, user and product. */
  snapshot(): TenantSnapshot {
    return copies(this.entities.list(), this.connections.all(), this.users.all(), this.products.all());
  }
}

/**
 * Copies for the caller: entities and connections are flat records (every field a primitive), so a spread each, many
 * times cheaper than structuredClone for a large tenant; users and products hold lists, and are few.
 */
function copies(
  entities: readonly StandInEntity[],
  connections: readonly StandInConnection[],
  users: readonly StandInUser[],
  products: readonly StandInProduct[],
): TenantSnapshot {
  return {
    entities: entities.map((e) => ({ ...e })),
    connections: connections.map((c) => ({ ...c })),
    users: structuredClone(users) as StandInUser[],
    products: structuredClone(products) as StandInProduct[],
  };
}
