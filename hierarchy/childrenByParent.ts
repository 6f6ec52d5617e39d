import type { DesiredEntity, TenantEntity } from "./model.js";

/**
 * Items grouped under their parent, each group in the items' order: the one children-by-parent index of the
 * hierarchy, over a file's entities (keyed by name) or a tenant's (keyed by ID).
 */
export interface ChildrenByParent<T, K> {
  /** The items whose parent is `key`, in the items' order; none when it has no children. */
  childrenOf(key: K): readonly T[];
  /** `top`, then every item under them, level by level: each parent before its children, siblings in order. */
  parentsFirst(top: readonly T[]): T[];
}

/** A tenant's entities under their parent's ID (`null` for the global entity's). */
export function childrenByParentId(entities: readonly TenantEntity[]): ChildrenByParent<TenantEntity, string | null> {
  return childrenByParent(
    entities,
    (e) => e.id,
    (e) => e.parentId,
  );
}

/** A file's entities under their parent's name (`undefined` for the root's). */
export function childrenByParentName(
  entities: readonly DesiredEntity[],
): ChildrenByParent<DesiredEntity, string | undefined> {
  return childrenByParent(
    entities,
    (e) => e.name,
    (e) => e.parent,
  );
}

/** `items` by their parent's key; `keyOf` gives an item's own key, as its children's `parentOf` gives it. */
function childrenByParent<T, K>(
  items: readonly T[],
  keyOf: (item: T) => K,
  parentOf: (item: T) => K,
): ChildrenByParent<T, K> {
  const children = new Map<K, T[]>();
  for (const item of items) {
    const parent = parentOf(item);
    const siblings = children.get(parent);
    if (siblings) siblings.push(item);
    else children.set(parent, [item]);
  }
  const none: readonly T[] = [];
  return {
    childrenOf: (key) => children.get(key) ?? none,
    parentsFirst(top) {
      const out = [...top];
      for (let i = 0; i < out.length; i++) out.push(...(children.get(keyOf(out[i] as T)) ?? none));
      return out;
    },
  };
}
