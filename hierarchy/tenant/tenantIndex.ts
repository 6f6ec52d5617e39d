import { childrenByParentId } from "../childrenByParent.js";
import type { TenantConnection, TenantEntity, TenantState, TenantUser } from "../model.js";

/** A tenant's state, indexed for the planner: every lookup it makes is a map's. */
export interface TenantIndex {
  entities: readonly TenantEntity[];
  /** The users read, if any. */
  users: readonly TenantUser[] | undefined;
  byName: ReadonlyMap<string, TenantEntity>;
  byId: ReadonlyMap<string, TenantEntity>;
  /** The global entity (the one without a parent). */
  global: TenantEntity;
  parentName(entity: TenantEntity): string | undefined;
  /** The entity and every entity under it, parents first. */
  subtree(entity: TenantEntity): TenantEntity[];
  /** The entity's place in the tenant's list. */
  position(entity: TenantEntity): number;
  /**
   * The connection between two entities that counts: the open one (Pending or Connected), else the last
   * Disconnected.
   */
  connectionBetween(a: string, b: string): TenantConnection | undefined;
  /** Every pair's connection that counts. */
  currentConnections(): TenantConnection[];
}

/** Indexes a tenant's state. Throws a TypeError when it has no global entity. */
export function indexTenant(state: TenantState): TenantIndex {
  const byName = new Map(state.entities.map((e) => [e.name, e]));
  const byId = new Map(state.entities.map((e) => [e.id, e]));
  const positions = new Map(state.entities.map((e, i) => [e.id, i]));
  const tree = childrenByParentId(state.entities);
  const global = state.entities.find((e) => e.parentId === null);
  if (!global) throw new TypeError("the tenant has no global entity (an entity without a parent)");
  const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const byPair = new Map<string, TenantConnection>();
  for (const c of state.connections) {
    const key = pairKey(c.sourceEntityId, c.targetEntityId);
    const held = byPair.get(key);
    if (!held || held.status === "Disconnected") byPair.set(key, c);
  }
  return {
    entities: state.entities,
    users: state.users,
    byName,
    byId,
    global,
    parentName: (e) => (e.parentId === null ? undefined : byId.get(e.parentId)?.name),
    subtree: (entity) => tree.parentsFirst([entity]),
    position: (e) => positions.get(e.id) ?? 0,
    connectionBetween: (a, b) => byPair.get(pairKey(a, b)),
    currentConnections: () => [...byPair.values()],
  };
}
