import { placeProblem } from "../../../rules/tenantValues.js";
import type { EntitySeed } from "../entities.js";
import { isRecord } from "./reading.js";
import type { TenantByName } from "./types.js";

/**
 * Whether a seed names entities by ID, in the form `standIn.seed()` takes (`entities` a list, connections with
 * `sourceEntityId`, products with `ownerEntityId`), rather than by name. The control endpoint takes both; a seed
 * with neither mark (users or OAuth clients alone) reads the same either way, as a name may be an ID.
 */
export function isSeedById(seed: unknown): boolean {
  if (!isRecord(seed)) return false;
  const { entities, connections, products } = seed;
  const has = (list: unknown, keys: string[]) =>
    Array.isArray(list) && list.some((item) => isRecord(item) && keys.some((key) => key in item));
  return (
    Array.isArray(entities) ||
    has(connections, ["sourceEntityId", "targetEntityId"]) ||
    has(products, ["ownerEntityId"])
  );
}

/**
 * The global entity a seed describes, to make a tenant with: its entity without `parent`, if it has one (the seed's
 * other problems are found when it is applied).
 */
export function globalOfSeed(seed: TenantByName): Omit<EntitySeed, "parentId" | "status"> | undefined {
  const entities = isRecord(seed) && isRecord(seed.entities) ? seed.entities : {};
  for (const [name, raw] of Object.entries(entities)) {
    const entity = isRecord(raw) ? raw : {};
    if (entity.parent !== undefined) continue;
    const values: Omit<EntitySeed, "parentId" | "status"> = { name };
    for (const field of ["id", "displayName", "locale", "timezone"] as const) {
      if (typeof entity[field] === "string") values[field] = entity[field];
    }
    // A locale or zone the tenant refuses is left to the seed's check, which names where it is.
    return placeProblem(values) === undefined
      ? values
      : { name, ...(values.id === undefined ? {} : { id: values.id }) };
  }
  return undefined;
}
