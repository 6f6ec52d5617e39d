import { readHierarchy } from "../hierarchy/file/readHierarchy.js";
import type { Hierarchy, Location } from "../hierarchy/model.js";
import type { SeedProblem, TenantByName } from "../stand-in/node.js";

/** A hierarchy file read for a seed: the seed by names, and where each of its parts is in the file. */
export interface SeedFile {
  seed: TenantByName;
  /** `file:line:column` of the part of the file a problem of the seed is about (the file alone if unknown). */
  locate(problem: SeedProblem): string;
}

/**
 * Reads a `zuora-entities` hierarchy file (YAML or JSON) with the hierarchy's own reader, which checks its shape and
 * throws a `HierarchyFileError` naming the line; its entities and connections become a seed by names, the file's
 * root the global entity. Users and product shares join when the file has them.
 */
export async function readSeedFile(path: string): Promise<SeedFile> {
  const hierarchy = await readHierarchy(path);
  return { seed: seedOf(hierarchy), locate: locator(hierarchy, path) };
}

/** The file's entities and connections as a seed by names. */
export function seedOf(hierarchy: Hierarchy): TenantByName {
  const entities: NonNullable<TenantByName["entities"]> = {};
  for (const e of hierarchy.entities) {
    entities[e.name] = {
      ...(e.parent === undefined ? {} : { parent: e.parent }),
      displayName: e.displayName,
      locale: e.locale,
      timezone: e.timezone,
      ...(e.provisioned === undefined ? {} : { provisioned: e.provisioned }),
    };
  }
  return {
    entities,
    connections: hierarchy.connections.map(({ from, to, status }) => ({ from, to, status })),
  };
}

/** Finds, for a problem of the seed, the line of the entity or connection of the file it is about. */
function locator(hierarchy: Hierarchy, source: string): (problem: SeedProblem) => string {
  const entities = new Map(hierarchy.entities.map((e) => [e.name, e.at]));
  return ({ path: [part, key] }) => {
    let at: Location | undefined;
    if (part === "entities" && typeof key === "string") at = entities.get(key);
    if (part === "connections" && typeof key === "number") at = hierarchy.connections[key]?.at;
    return at === undefined ? source : `${source}:${at.line}:${at.column}`;
  };
}
