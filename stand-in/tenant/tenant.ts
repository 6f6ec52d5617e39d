import { seedByName } from "./byName/seedByName.js";
import { globalOfSeed } from "./byName/seedForms.js";
import { stateByName } from "./byName/stateByName.js";
import type { TenantByName, TenantStateByName } from "./byName/types.js";
import { type ConnectionSeed, Connections, type StandInConnection } from "./connections.js";
import { Entities, type EntitySeed, type StandInEntity } from "./entities.js";
import { type ProductSeed, Products, type StandInProduct } from "./products.js";
import type { Outcome } from "./reasons.js";
import { type StandInUser, type UserAccess, type UserSeed, Users } from "./users.js";

export type { UserAccess, UserSeed } from "./users.js";

/** The users of a fresh tenant: `admin`, who can access and administers every entity. */
const DEFAULT_USERS: Record<string, UserSeed> = { admin: { access: "all", administers: "all" } };

/**
 * An OAuth client created for a user of the tenant: the tokens `POST /oauth/token` issues to it act as that user
 * (its home entity, the entities it can access and administers), and each operation allows or refuses them by
 * Zuora's permissions.
 */
export interface OAuthClientSeed {
  /** The client's secret: `client_secret` of the token request. */
  secret: string;
  /** The username of the user the client's tokens act as; the user must exist (seeded before, or with, the client). */
  user: string;
}

/** How a fresh tenant looks. */
export interface TenantOptions {
  /** The `tenantId` of every entity. Defaults to `"9999"`. */
  tenantId?: string;
  /** The global entity, provisioned, at the top of the hierarchy. Defaults to `{ name: "Global" }`. */
  global?: Omit<EntitySeed, "parentId" | "status">;
  /**
   * The users the tenant starts with, by username. Defaults to `{ admin: { access: "all", administers: "all" } }`:
   * the user `admin`, who can access and administers every entity.
   */
  users?: Record<string, UserAccess | UserSeed>;
  /** The OAuth clients the tenant starts with, by client ID, each acting as one of `users`. Defaults to none. */
  oauthClients?: Record<string, OAuthClientSeed>;
  /**
   * The tenant to start from, by names, in the hierarchy file's shape (see {@link TenantByName}): its entity without
   * `parent` is the global entity (then leave `global` out), and the rest is added after `users`. Defaults to none.
   */
  seed?: TenantByName | undefined;
}

/** A state to start from: entities (parents before children), connections, users, products, OAuth clients. */
export interface TenantSeed {
  entities?: readonly EntitySeed[];
  connections?: readonly ConnectionSeed[];
  /**
   * By username: the entities the user can access, or the user in full (home, access, the entities it administers,
   * pending requests).
   */
  users?: Record<string, UserAccess | UserSeed>;
  /** Catalog products, each owned by an entity and possibly shared with others. */
  products?: readonly ProductSeed[];
  /** By client ID: OAuth clients whose tokens act as a user (added last; never listed in `state()`). */
  oauthClients?: Record<string, OAuthClientSeed>;
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

  readonly #oauthClients = new Map<string, OAuthClientSeed>();

  constructor(options: TenantOptions = {}) {
    const start = options.seed;
    const global = start === undefined ? undefined : globalOfSeed(start);
    if (global !== undefined && options.global !== undefined) {
      throw new TypeError(
        `createStandIn: options.global and options.seed's ${global.name} (its entity without parent) both describe the global entity: give one`,
      );
    }
    const seededTenantId = typeof start?.tenantId === "string" ? start.tenantId : undefined;
    this.entities = new Entities(
      options.tenantId ?? seededTenantId ?? "9999",
      global ?? options.global ?? { name: "Global" },
    );
    this.connections = new Connections(this.entities);
    this.users = new Users(this.entities);
    this.products = new Products(this.entities, this.connections);
    for (const [name, user] of Object.entries(options.users ?? DEFAULT_USERS)) this.users.seed(name, user);
    if (start !== undefined) seedByName(this, start);
    for (const [id, client] of Object.entries(options.oauthClients ?? {})) this.#seedClient(id, client);
  }

  /**
   * A tenant made from `options` but starting from `state` instead of `options.seed` (a whole tenant by names, as
   * {@link Tenant.stateByName} gives it): the state's entity without parent is the global entity, in place of
   * `options.global`.
   */
  static restored(options: TenantOptions, state: TenantByName): Tenant {
    const { global, ...rest } = options;
    return new Tenant(globalOfSeed(state) === undefined ? { ...options, seed: state } : { ...rest, seed: state });
  }

  /**
   * Removes an unprovisioned entity and the entities under it, with what hangs on them: their connections, the users
   * created in them, other users' access and pending requests to them, their products and the shares they received.
   */
  deleteEntity(id: string): Outcome<StandInEntity[]> {
    const removed = this.entities.remove(id);
    if (removed.ok) {
      const ids = removed.value.map((e) => e.id);
      this.connections.forgetEntities(ids);
      this.users.forgetEntities(ids);
      this.products.forgetEntities(ids);
    }
    return removed;
  }

  /** Disconnects a connection (as `callerId`, one of its ends), breaking what its source shared over it. */
  disconnect(id: string, callerId: string): Outcome<StandInConnection> {
    const done = this.connections.disconnect(id, callerId);
    if (done.ok) this.products.forgetShares(done.value.sourceEntityId, done.value.targetEntityId);
    return done;
  }

  /** The OAuth client with this ID, if the tenant has one. */
  oauthClient(clientId: string): OAuthClientSeed | undefined {
    return this.#oauthClients.get(clientId);
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
    for (const [id, client] of Object.entries(seed.oauthClients ?? {})) this.#seedClient(id, client);
    return copies(entities, connections, users, products);
  }

  /**
   * Adds a seed by names (the hierarchy file's shape): every problem is found first and thrown together as a
   * `SeedError`, and then nothing was added.
   */
  seedByName(seed: TenantByName): void {
    seedByName(this, seed);
  }

  /** The whole tenant by names, IDs included, in the hierarchy file's shape. */
  stateByName(): TenantStateByName {
    return stateByName(this);
  }

  #seedClient(clientId: string, client: OAuthClientSeed): void {
    if (typeof client !== "object" || client === null || typeof client.secret !== "string" || client.secret === "") {
      throw new TypeError(`seed: OAuth client ${clientId}: secret must be a non-empty string`);
    }
    if (typeof client.user !== "string" || !this.users.rights(client.user)) {
      throw new TypeError(`seed: OAuth client ${clientId}: the user ${String(client.user)} does not exist`);
    }
    this.#oauthClients.set(clientId, { secret: client.secret, user: client.user });
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
