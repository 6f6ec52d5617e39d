import { assumedHome } from "../hierarchy/assumedHome.js";
import { type FileProblem, HierarchyFileError, readHierarchy } from "../hierarchy/file/readHierarchy.js";
import type { Hierarchy, Location } from "../hierarchy/model.js";
import { validateHierarchy } from "../hierarchy/plan/validateHierarchy.js";
import type { SeedProblem, TenantByName } from "../stand-in/node.js";
import { notARegularFile } from "./regularFile.js";

/** A hierarchy file read for a seed: the seed by names, and where each of its parts is in the file. */
export interface SeedFile {
  seed: TenantByName;
  /** `file:line:column` of the part of the file a problem of the seed is about (the file alone if unknown). */
  locate(problem: SeedProblem): string;
}

/**
 * Reads a `zuora-entities` hierarchy file (YAML or JSON) as a seed by names. The file is refused, with a
 * `HierarchyFileError` naming the line of every problem, for what `zuora-entities validate` refuses: its shape (the
 * hierarchy's own reader), then what it means (one root, parents and connections between entities of the file,
 * users' entities in the file, each share over a connection from the global entity). A path that is no regular file
 * (a folder, a pipe) is refused with an Error saying so, before it is read.
 */
export async function readSeedFile(path: string): Promise<SeedFile> {
  const notAFile = await notARegularFile(path);
  if (notAFile !== undefined) throw new Error(notAFile);
  const hierarchy = await readHierarchy(path);
  const problems: FileProblem[] = validateHierarchy(hierarchy).map((refusal) => ({
    at: refusal.at,
    problem: `${refusal.address}: ${refusal.reason}`,
  }));
  // In the order of the file, as `zuora-entities validate` lists them.
  problems.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0));
  if (problems.length > 0) throw new HierarchyFileError(path, problems);
  return { seed: seedOf(hierarchy), locate: locator(hierarchy, path) };
}

/**
 * A sound file (see {@link readSeedFile}) as a seed by names: its root the global entity; its entities and connections
 * as the file says; each user with the access the file gives it, its home the file's or, when the file does not say
 * (Zuora's API does not), the one the rehearsal of a plan assumes (the global entity when the user may access it,
 * else the first of its `access`); each product of `shares` owned by the global entity and shared with the entities
 * whose connection from the global entity is Connected (over a Disconnected one, the share ended with it).
 */
export function seedOf(hierarchy: Hierarchy): TenantByName {
  const root = hierarchy.entities.find((e) => e.parent === undefined)?.name;
  if (root === undefined) throw new TypeError("seedOf: the file has no global entity (readSeedFile refuses it)");
  // Built from entries, as JSON.parse builds objects: a name such as `__proto__` is a key like any other.
  const entities: NonNullable<TenantByName["entities"]> = Object.fromEntries(
    hierarchy.entities.map((e) => [
      e.name,
      {
        ...(e.parent === undefined ? {} : { parent: e.parent }),
        displayName: e.displayName,
        locale: e.locale,
        timezone: e.timezone,
        ...(e.provisioned === undefined ? {} : { provisioned: e.provisioned }),
      },
    ]),
  );
  const users: NonNullable<TenantByName["users"]> = Object.fromEntries(
    (hierarchy.users ?? []).map(({ username, home, access }) => [
      username,
      { home: home ?? assumedHome(root, access, new Set(access)), access },
    ]),
  );
  const connected = new Set(
    hierarchy.connections.filter((c) => c.from === root && c.status === "Connected").map((c) => c.to),
  );
  return {
    entities,
    connections: hierarchy.connections.map(({ from, to, status }) => ({ from, to, status })),
    users,
    products: (hierarchy.shares ?? []).map(({ product, entities: names }) => ({
      id: product,
      owner: root,
      sharedWith: names.filter((name) => connected.has(name)),
    })),
  };
}

/** Finds, for a problem of the seed, the line of the entity, connection, user or share of the file it is about. */
function locator(hierarchy: Hierarchy, source: string): (problem: SeedProblem) => string {
  const entities = new Map(hierarchy.entities.map((e) => [e.name, e.at]));
  const users = new Map((hierarchy.users ?? []).map((u) => [u.username, u.at]));
  return ({ path: [part, key] }) => {
    let at: Location | undefined;
    if (part === "entities" && typeof key === "string") at = entities.get(key);
    if (part === "connections" && typeof key === "number") at = hierarchy.connections[key]?.at;
    if (part === "users" && typeof key === "string") at = users.get(key);
    // The seed's products are the file's shares, in the same order.
    if (part === "products" && typeof key === "number") at = hierarchy.shares?.[key]?.at;
    return at === undefined ? source : `${source}:${at.line}:${at.column}`;
  };
}
