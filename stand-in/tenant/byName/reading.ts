import type { Tenant } from "../tenant.js";

/** Notes one problem of a seed, where it is (`["entities", "EMEA", "parent"]`). */
export type Report = (path: (string | number)[], message: string) => void;

/** An entity as a seed names it: one of the seed's own (by name, added later), or one the tenant has (by ID). */
export type EntityRef = { seed: string } | { id: string };

/** One text per entity, whichever way a seed named it (a seed's entity by name, the tenant's by ID). */
export function refKey(ref: EntityRef): string {
  return "id" in ref ? `id:${ref.id}` : `seed:${ref.seed}`;
}

/** Turns the names a seed gives into entities, noting each name that is no entity. */
export interface Resolver {
  /** One name (or ID): the seed's entity, the tenant's by name, or the tenant's by ID; undefined for none. */
  one(name: unknown): EntityRef | undefined;
  /** A list of names (or `"all"` where `all` allows it), each unknown one reported at its index. */
  list(path: (string | number)[], list: unknown, what: string, all: boolean): EntityRef[] | "all";
}

/**
 * A resolver for a seed: `seed` names its own entities (and the IDs some give), and `globalName` is the name its
 * global entity goes by (the tenant's global entity, whatever name the seed gives it).
 */
export function resolver(
  tenant: Tenant,
  seed: { names: ReadonlySet<string>; nameById: ReadonlyMap<string, string> },
  globalName: string | undefined,
  report: Report,
): Resolver {
  const one = (name: unknown): EntityRef | undefined => {
    if (typeof name !== "string") return undefined;
    if (name === globalName) return { id: tenant.entities.globalId };
    if (seed.names.has(name)) return { seed: name };
    const id = tenant.entities.idOf(name) ?? (tenant.entities.has(name) ? name : undefined);
    if (id !== undefined) return { id };
    const named = seed.nameById.get(name);
    return named === undefined ? undefined : { seed: named };
  };
  return {
    one,
    list(path, list, what, all) {
      if (all && list === "all") return "all";
      if (!Array.isArray(list)) {
        report(path, `${what} must be a list of entity names${all ? ', or "all"' : ""}`);
        return [];
      }
      return list.flatMap((name, i) => {
        const found = one(name);
        if (!found) report([...path, i], unknownEntity(name));
        return found ? [found] : [];
      });
    },
  };
}

/**
 * The mappings of a seed's list `key` (`connections`, `products`), each with its path, in order; reports a value
 * that is not a list, and each item that is not a mapping (`a connection must be a mapping { from, to, status }`)
 * as the walk reaches it, so that problems come in the list's order.
 */
export function* listOfMappings(
  raw: unknown,
  key: string,
  item: { one: string; shape: string },
  report: Report,
): Generator<{ path: (string | number)[]; value: Record<string, unknown> }> {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) {
    report([key], `\`${key}\` must be a list of ${item.shape}`);
    return;
  }
  for (const [i, value] of (raw as unknown[]).entries()) {
    const path = [key, i];
    if (isRecord(value)) yield { path, value };
    else report(path, `${item.one} must be a mapping ${item.shape}`);
  }
}

/** Reports each key of `value` that `known` does not have; answers whether there was none. */
export function knownKeysOnly(
  path: (string | number)[],
  value: Record<string, unknown>,
  known: ReadonlySet<string>,
  report: Report,
): boolean {
  let fine = true;
  for (const key of Object.keys(value)) {
    if (known.has(key)) continue;
    report([...path, key], `unknown key \`${key}\` (it takes ${[...known].join(", ")})`);
    fine = false;
  }
  return fine;
}

/** What to say of a name that is no entity. */
export function unknownEntity(name: unknown): string {
  return typeof name === "string"
    ? `no entity named ${name}, in the seed or in the tenant`
    : "must be an entity's name (a string)";
}

/** The value if it is a string. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Whether a value is a JSON object (a mapping). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
