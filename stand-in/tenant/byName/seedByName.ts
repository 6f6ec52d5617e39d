import { SeedError, type SeedProblem } from "../seedError.js";
import type { Tenant } from "../tenant.js";
import type { UserSeed } from "../users.js";
import { readConnections } from "./readConnections.js";
import { readEntities } from "./readEntities.js";
import { type EntityRef, isRecord, type Report, resolver } from "./reading.js";
import { readProducts } from "./readProducts.js";
import { readOAuthClients, readUsers } from "./readUsers.js";
import type { TenantByName } from "./types.js";

const TOP_KEYS = new Set([
  "$schema",
  "version",
  "tenantId",
  "entities",
  "connections",
  "users",
  "products",
  "oauthClients",
]);

/**
 * Adds a seed by names to the tenant, bypassing the API's rules but keeping the hierarchy sound. Every problem is
 * found before anything is added, and thrown together as a {@link SeedError}: an entity without `parent` that is not
 * the global entity, an unknown or cyclic parent, a provisioned entity under an unprovisioned one, a name or ID
 * already taken, a value the contract refuses, a name that is no entity, a second open connection between two
 * entities, a product shared where no Connected connection goes from its owner, a key the shape does not have. A saved
 * state is restored through it: it is held to the same rules.
 */
export function seedByName(tenant: Tenant, seed: TenantByName): void {
  const problems: SeedProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  if (!isRecord(seed)) throw new SeedError([{ path: [], message: "a seed must be a mapping (a JSON object)" }]);
  for (const key of Object.keys(seed)) {
    if (!TOP_KEYS.has(key)) report([key], `unknown key \`${key}\` (it takes ${[...TOP_KEYS].join(", ")})`);
  }
  if (seed.version !== undefined && seed.version !== 1) report(["version"], "`version` must be 1");
  const global = tenant.entities.get(tenant.entities.globalId);
  if (seed.tenantId !== undefined && global.ok && seed.tenantId !== global.value.tenantId) {
    report(["tenantId"], `the tenant's ID is ${global.value.tenantId}, not ${String(seed.tenantId)}`);
  }
  const entities = readEntities(tenant, seed.entities, report);
  const resolve = resolver(tenant, entities, entities.global?.name, report);
  const connections = readConnections(tenant, seed.connections, resolve, entities.nameById, report);
  const users = readUsers(seed.users, resolve, report);
  const products = readProducts(tenant, seed.products, resolve, connections, report);
  const oauthClients = readOAuthClients(tenant, seed.oauthClients, users, report);
  if (problems.length > 0) throw new SeedError(problems);

  // Sound: add it all, parents first.
  const added = new Map<string, string>();
  const idOf = (ref: EntityRef): string => {
    const id = "id" in ref ? ref.id : added.get(ref.seed);
    if (id === undefined) throw new Error(`unreachable: ${"seed" in ref ? ref.seed : ""} was not added first`);
    return id;
  };
  const idsOf = (list: EntityRef[] | "all"): string[] | "all" => (list === "all" ? "all" : list.map(idOf));
  if (entities.global) tenant.entities.seedGlobal({ name: entities.global.name, ...entities.global.values });
  for (const { name, values, parent } of entities.ordered) {
    added.set(name, tenant.entities.seed({ ...values, name, parentId: idOf(parent) }).id);
  }
  for (const { values, from, to } of connections) {
    tenant.connections.seed({ ...values, sourceEntityId: idOf(from), targetEntityId: idOf(to) });
  }
  for (const u of users) {
    if (u.short) {
      tenant.users.seed(u.username, idsOf(u.access));
      continue;
    }
    const user: UserSeed = { access: idsOf(u.access), administers: idsOf(u.administers), pending: u.pending.map(idOf) };
    if (u.home) user.home = idOf(u.home);
    tenant.users.seed(u.username, user);
  }
  for (const p of products) {
    tenant.products.seed({
      ...(p.id === undefined ? {} : { id: p.id }),
      ...(p.name === undefined ? {} : { name: p.name }),
      ...(p.owner === undefined ? {} : { ownerEntityId: idOf(p.owner) }),
      sharedWith: p.sharedWith.map(idOf),
    });
  }
  if (Object.keys(oauthClients).length > 0) tenant.seed({ oauthClients });
}
