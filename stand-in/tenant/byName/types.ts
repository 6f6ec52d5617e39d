import type { components } from "../../../generated/schema.js";
import type { OAuthClientSeed } from "../tenant.js";
import type { UserAccess } from "../users.js";

type ConnectionStatus = components["schemas"]["ConnectionStatus"];

/**
 * An entity of a {@link TenantByName}, under its name: the hierarchy file's entity (`parent`, `displayName`,
 * `locale`, `timezone`, `provisioned`), and its ID if it must have one.
 */
export interface EntityByName {
  /** Defaults to the next generated ID. */
  id?: string | undefined;
  /** The parent's name (or ID). Left out for the global entity, and only for it. */
  parent?: string | undefined;
  /** Defaults to the entity's name. */
  displayName?: string | undefined;
  /** `ll_CC`, e.g. `en_GB`. Defaults to `en_US`. */
  locale?: string | undefined;
  /** An IANA time zone, e.g. `Europe/London`. Defaults to `America/Los_Angeles`. */
  timezone?: string | undefined;
  /** Defaults to false (true for the global entity, which always is). */
  provisioned?: boolean | undefined;
}

/** A connection of a {@link TenantByName}: `from` asked, `to` received (entity names, or IDs). */
export interface ConnectionByName {
  /** Defaults to the next generated ID. */
  id?: string | undefined;
  from: string;
  to: string;
  /** Defaults to `Pending`. */
  status?: ConnectionStatus | undefined;
}

/**
 * A user of a {@link TenantByName}, under its username. Entities are named by name (or ID); `"all"` is every entity,
 * present and future.
 */
export interface UserByName {
  /** The entity the user was created in. Defaults to the global entity. */
  home?: string | undefined;
  /** The entities the user can access (its home entity may be listed or not). Defaults to its home entity alone. */
  access?: readonly string[] | "all" | undefined;
  /** The entities the user is an administrator of (each one it can access too). Defaults to none. */
  administers?: readonly string[] | "all" | undefined;
  /** The entities the user has asked to access, each waiting for that entity's answer. Defaults to none. */
  pending?: readonly string[] | undefined;
}

/** A catalog product of a {@link TenantByName}: its owner and the entities it is shared with, by name (or ID). */
export interface ProductByName {
  /** Defaults to the next generated ID. */
  id?: string | undefined;
  /** Defaults to the ID. */
  name?: string | undefined;
  /** Defaults to the global entity. */
  owner?: string | undefined;
  /** Defaults to none. */
  sharedWith?: readonly string[] | undefined;
}

/**
 * A tenant by names, in the shape of the `zuora-entities` hierarchy file: entities under their names with their
 * parent's name, connections between names, users with their home entity and access by names, and products with
 * their owner and shares by names. As a seed every part may be left out, and an entity may be named by its ID
 * instead; `GET /__stand-in/state` (and `standIn.stateByName()`) answers a whole tenant in this shape, IDs included,
 * which seeds a fresh stand-in into the same tenant.
 */
export interface TenantByName {
  /** The format's version: 1. */
  version?: 1 | undefined;
  /** The `tenantId` of every entity. */
  tenantId?: string | undefined;
  /** By name. The one entity without `parent` is the global entity. */
  entities?: Record<string, EntityByName> | undefined;
  connections?: readonly ConnectionByName[] | undefined;
  /** By username: the user in full, or just the entities it can access (a list, or `"all"`). */
  users?: Record<string, UserByName | UserAccess> | undefined;
  products?: readonly ProductByName[] | undefined;
  /** By client ID: OAuth clients whose tokens act as a user. Seed only: a state never lists them (nor their secrets). */
  oauthClients?: Record<string, OAuthClientSeed> | undefined;
}

/** An entity in a {@link TenantStateByName}. */
export interface EntityStateByName {
  id: string;
  /** The parent's name; absent for the global entity. */
  parent?: string;
  displayName: string;
  locale: string;
  timezone: string;
  provisioned: boolean;
}

/** A connection in a {@link TenantStateByName}. */
export interface ConnectionStateByName {
  id: string;
  from: string;
  to: string;
  status: ConnectionStatus;
}

/** A user in a {@link TenantStateByName}: entity names, or `"all"`. */
export interface UserStateByName {
  home: string;
  /** Every entity the user can access, its home entity included. */
  access: string[] | "all";
  administers: string[] | "all";
  pending: string[];
}

/** A product in a {@link TenantStateByName}. */
export interface ProductStateByName {
  id: string;
  name: string;
  owner: string;
  sharedWith: string[];
}

/** A whole tenant by names, as {@link TenantByName} describes it, with every value and ID filled in. */
export interface TenantStateByName {
  version: 1;
  tenantId: string;
  /** By name, parents before children. */
  entities: Record<string, EntityStateByName>;
  connections: ConnectionStateByName[];
  users: Record<string, UserStateByName>;
  products: ProductStateByName[];
}
