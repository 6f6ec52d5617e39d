/** Where something is in the hierarchy file: 1-based line and column. */
export interface Location {
  line: number;
  column: number;
}

/** An entity as the file wants it, defaults filled in. */
export interface DesiredEntity {
  /** Unique in a tenant; the file's key. */
  name: string;
  /** The parent's name; undefined for the global entity (the one root). */
  parent: string | undefined;
  /** Defaults to `name`, as Zuora's does. */
  displayName: string;
  /** `ll_CC`, e.g. `en_GB`. */
  locale: string;
  /** An IANA time zone name, e.g. `Europe/London`. */
  timezone: string;
  /** Whether the entity should be provisioned; undefined when the file does not say (false, except for the root). */
  provisioned: boolean | undefined;
  /** Where the entity's key is in the file. */
  at?: Location | undefined;
}

/** A connection's status in Zuora. */
export type ConnectionStatus = "Pending" | "Connected" | "Disconnected";

/** A connection as the file wants it: `from` asks, `to` accepts. */
export interface DesiredConnection {
  from: string;
  to: string;
  status: ConnectionStatus;
  at?: Location | undefined;
}

/**
 * A user's access as the file wants it. The user exists already (Zuora's API cannot create users): the file says
 * which entities it may work in, and the plan requests, accepts or (with `--prune`) denies access to match.
 */
export interface DesiredUser {
  /** The user's name in Zuora (often an email address); the file's key. */
  username: string;
  /**
   * The entity the user was created in, by name; undefined when the file does not say (Zuora's API does not return
   * it). Requests for access go from it, so the file must give it for the plan to request access.
   */
  home: string | undefined;
  /** The entities, by name, the user may work in; the home entity is one of them even when not listed. */
  access: string[];
  at?: Location | undefined;
}

/**
 * A product of the global entity and the entities it is shared with (`shareProduct`). Each share goes over the
 * file's connection from the global entity to that entity: while it is Connected the product is shared over it;
 * once the file says Disconnected, the share ends with it.
 */
export interface DesiredShare {
  /** The product's ID in Zuora's catalog; the file's key. */
  product: string;
  /** The entities, by name, the product is shared with. */
  entities: string[];
  at?: Location | undefined;
}

/**
 * A hierarchy file, read and checked for shape (the planner checks what it means): the plain data a hierarchy file
 * holds, with every name as the file writes it.
 */
export interface Hierarchy {
  version: 1;
  /** In the order of the file, each with its parent by name. */
  entities: DesiredEntity[];
  /** Each between two entities, by name. */
  connections: DesiredConnection[];
  /** The users whose access the file manages, by username. Defaults to none (a file written before users). */
  users?: DesiredUser[] | undefined;
  /** The products shared, by product ID. Defaults to none. */
  shares?: DesiredShare[] | undefined;
  /**
   * What `export` could not read from the tenant, in words (shares, users' home entities): said in the file so that
   * nothing is dropped silently. Informational; the plan does not read it.
   */
  unread?: string[] | undefined;
  /** The file's name, for messages (`hierarchy.yaml:12:5`). */
  source?: string | undefined;
}

/** An entity as the tenant holds it. */
export interface TenantEntity {
  id: string;
  name: string;
  displayName: string;
  locale: string;
  timezone: string;
  status: "Provisioned" | "Unprovisioned";
  /** Null for the global entity. */
  parentId: string | null;
}

/** A connection as the tenant holds it. */
export interface TenantConnection {
  id: string;
  sourceEntityId: string;
  targetEntityId: string;
  status: ConnectionStatus;
}

/** A user as the tenant shows it (`listAccessibleEntities`): the entities it can access. */
export interface TenantUser {
  username: string;
  /** Whether the tenant has the user (it answered not found otherwise). */
  exists: boolean;
  /** The IDs of the entities the user can access, its home included; empty when it does not exist. */
  entityIds: string[];
}

/**
 * What was read from a tenant: every entity and every connection, and the access of the users asked for (Zuora's API
 * lists no users, and publishes no read of a product's shares).
 */
export interface TenantState {
  entities: TenantEntity[];
  connections: TenantConnection[];
  /** The users read, by username; none unless asked for. */
  users?: TenantUser[] | undefined;
}

/** What one step does. */
export type Action =
  | "create"
  | "update"
  | "provision"
  | "delete"
  | "initiate"
  | "accept"
  | "deny"
  | "disconnect"
  /** Asks access for a user to an entity, from the user's home entity (`requestUserAccess`). */
  | "request-access"
  /** The entity accepts the user's request (`acceptUserAccess`), unless Zuora granted it at once. */
  | "accept-access"
  /** The entity takes a user's access away (`denyUserAccess`). */
  | "deny-access"
  /** The global entity shares a product with an entity (`shareProduct`). */
  | "share";

/**
 * The steps that cannot be undone: a provisioned entity stays so, a deleted one is gone, a disconnection breaks
 * what was shared over the connection (Zuora cannot recover it), and a share cannot be taken back through the API.
 */
export const IRREVERSIBLE: ReadonlySet<Action> = new Set<Action>(["provision", "delete", "disconnect", "share"]);

/** The entity fields a create or an update sends. */
export interface EntityFields {
  displayName?: string;
  locale?: string;
  timezone?: string;
}

/** One request of a plan, by names (IDs are looked up when it runs). */
export interface Step {
  /** Its position in {@link Plan.steps}. */
  index: number;
  /** `entity.NAME` or `connection.FROM->TO` (addresses.ts builds them). */
  address: string;
  action: Action;
  /** The indexes of the steps that must be done first. */
  dependsOn: number[];
  /** The entity's name (entity steps). */
  entity?: string;
  /** The parent's name (create). */
  parent?: string;
  /** What a create or update sends. */
  fields?: EntityFields;
  /**
   * The two ends (connection steps); for user access, `to` is the entity and `from` the user's home (the request's
   * sender); for a share, `from` is the global entity and `to` the entity shared with.
   */
  from?: string;
  to?: string;
  /** The user (access steps). */
  user?: string;
  /** The product's ID (share steps). */
  product?: string;
  /**
   * Zuora publishes no read that shows whether this step is needed (a product's shares): it is sent, and an answer
   * that it was done already counts as done. It does not count as a difference (`plan --detailed-exitcode`).
   */
  unchecked?: true;
}

/** What changes at one address, as `plan --json` shows it. */
export interface Change {
  address: string;
  actions: Action[];
  irreversible: boolean;
  /** The step cannot be checked before it runs (see {@link Step.unchecked}). */
  unchecked?: true;
  reason: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * A difference between the tenant and the file that the plan leaves as it is, and why: what the tenant has and the
 * file leaves out (kept unless `--prune` removes it, or kept for good where Zuora cannot remove it).
 */
export interface Drift {
  address: string;
  /** Why it stays, and how to end the difference (add it to the file, or `--prune`). */
  reason: string;
  /** What the tenant has there, as a change's `before`. */
  before: Record<string, unknown> | null;
}

/** A change the plan will not make, and why. */
export interface Refusal {
  address: string;
  reason: string;
  /** Where the file says it, when it does. */
  at?: Location | undefined;
  /** Zuora's reason code, when the rehearsal found it. */
  code?: string | undefined;
}

/** What `planChanges` decides: the changes, the steps that make them, and what it refuses. */
export interface Plan {
  formatVersion: "1";
  changes: Change[];
  steps: Step[];
  refused: Refusal[];
  /** Differences the plan leaves as they are: what the tenant has and the file leaves out. */
  drift: Drift[];
  /** Remarks that are not differences (what could not be read or checked). */
  notes: string[];
  /** Whether deletes of what the file leaves out were asked for. */
  prune: boolean;
  /** The tenant as read when planning (a saved plan refuses to run if it changed since). */
  tenant: TenantState;
  /** The tenant's base URL, once saved (`plan --out`): a saved plan runs on that tenant only. */
  tenantUrl?: string | undefined;
}
