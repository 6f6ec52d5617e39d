import type { Tenant } from "../tenant.js";
import type { EntityStateByName, TenantStateByName, UserStateByName } from "./types.js";

/** The tenant by names: every entity, connection, user and product, with their IDs. */
export function stateByName(tenant: Tenant): TenantStateByName {
  const nameOf = new Map<string, string>();
  // Keyed by names through entries, as JSON.parse does: a name such as `__proto__` is a key like any other.
  const entities: [string, EntityStateByName][] = [];
  let tenantId = "";
  for (const e of tenant.entities.list()) {
    nameOf.set(e.id, e.name);
    tenantId = e.tenantId;
    const parent = e.parentId === null ? undefined : nameOf.get(e.parentId);
    entities.push([
      e.name,
      {
        id: e.id,
        ...(parent === undefined ? {} : { parent }),
        displayName: e.displayName,
        locale: e.locale,
        timezone: e.timezone,
        provisioned: e.status === "Provisioned",
      },
    ]);
  }
  const name = (id: string) => nameOf.get(id) ?? id;
  const names = (ids: string[] | "all") => (ids === "all" ? "all" : ids.map(name));
  const users = tenant.users.all().map((u): [string, UserStateByName] => [
    u.username,
    {
      home: name(u.homeEntityId),
      access: names(u.access),
      administers: names(u.administers),
      pending: u.pending.map(name),
    },
  ]);
  return {
    version: 1,
    tenantId,
    entities: Object.fromEntries(entities),
    connections: tenant.connections.all().map((c) => ({
      id: c.id,
      from: name(c.sourceEntityId),
      to: name(c.targetEntityId),
      status: c.status,
    })),
    users: Object.fromEntries(users),
    products: tenant.products.all().map((p) => ({
      id: p.id,
      name: p.name,
      owner: name(p.ownerEntityId),
      sharedWith: p.sharedWith.map(name),
    })),
  };
}
