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

/** A hierarchy file, read and checked for shape (the planner checks what it means). */
export interface Hierarchy {
  version: 1;
  /** In the order of the file. */
  entities: DesiredEntity[];
  connections: DesiredConnection[];
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

/** What was read from a tenant: every entity and every connection. */
export interface TenantState {
  entities: TenantEntity[];
  connections: TenantConnection[];
}

/** What one step does. */
export type Action = "create" | "update" | "provision" | "delete" | "initiate" | "accept" | "deny" | "disconnect";

/**
 * The steps that cannot be undone: a provisioned entity stays so, a deleted one is gone, a disconnection may lose
 * mappings.
 */
export const IRREVERSIBLE: ReadonlySet<Action> = new Set<Action>(["provision", "delete", "disconnect"]);

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
  /** The two ends (connection steps). */
  from?: string;
  to?: string;
}

/** What changes at one address, as `plan --json` shows it. */
export interface Change {
  address: string;
  actions: Action[];
  irreversible: boolean;
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
