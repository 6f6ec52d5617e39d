import { stringify } from "yaml";
import type { DesiredConnection, DesiredEntity, DesiredUser, Hierarchy, TenantState } from "../model.js";
import { indexTenant } from "../tenant/tenantIndex.js";

/** What `export` says in the file that it could not read, so that nothing is dropped silently. */
export const UNREAD = {
  shares:
    "shares: Zuora publishes no read of which entities a product is shared with; list the shares you manage under `shares`",
  homes:
    "users' home entities: Zuora's API does not say in which entity a user was created; give `home` to let the plan request access for a user",
  users: "users: Zuora's API lists no users; only those named (export --user NAME) are in the file",
} as const;

/**
 * The tenant's state as a hierarchy file that plans to no change: every entity (parents first) with its fields and
 * status, each pair's connection that counts (the open one, else the last disconnected one), and the access of the
 * users read (every entity each can access; a user the tenant does not have is left out). What Zuora publishes no
 * read of (shares, users' home entities) is said in `unread`. Pure.
 */
export function exportHierarchy(state: TenantState): Hierarchy {
  const tenant = indexTenant(state);
  const entities: DesiredEntity[] = tenant.subtree(tenant.global).map((e) => ({
    name: e.name,
    parent: tenant.parentName(e),
    displayName: e.displayName,
    locale: e.locale,
    timezone: e.timezone,
    provisioned: e.parentId === null ? undefined : e.status === "Provisioned",
  }));
  const connections: DesiredConnection[] = tenant.currentConnections().map((c) => ({
    from: tenant.byId.get(c.sourceEntityId)?.name ?? c.sourceEntityId,
    to: tenant.byId.get(c.targetEntityId)?.name ?? c.targetEntityId,
    status: c.status,
  }));
  const order = new Map(entities.map((e, i) => [e.name, i]));
  const users: DesiredUser[] = (state.users ?? [])
    .filter((u) => u.exists)
    .map((u) => ({
      username: u.username,
      home: undefined,
      access: u.entityIds
        .map((id) => tenant.byId.get(id)?.name)
        .filter((name): name is string => name !== undefined)
        .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    }));
  const unread: string[] = [UNREAD.shares, ...(users.length > 0 ? [UNREAD.homes] : []), UNREAD.users];
  return { version: 1, unread, entities, connections, users, shares: [] };
}

/** How a hierarchy is written. */
export type HierarchyFormat = "yaml" | "json";

/** How {@link formatHierarchy} writes a file. */
export interface FormatOptions {
  /**
   * Where the file's JSON Schema is, for editors: a `# yaml-language-server: $schema=…` first line in YAML, a
   * `$schema` key in JSON. Defaults to none.
   */
  schema?: string | undefined;
}

/**
 * Writes a hierarchy as a file's text: what `parseHierarchy` reads back to the same hierarchy. `displayName` is left
 * out where it is the name, `provisioned` where it is false, users and shares where there are none, as a person would
 * write them.
 */
export function formatHierarchy(
  hierarchy: Hierarchy,
  format: HierarchyFormat = "yaml",
  options: FormatOptions = {},
): string {
  const entities: Record<string, Record<string, unknown>> = {};
  for (const e of hierarchy.entities) {
    entities[e.name] = {
      ...(e.parent === undefined ? {} : { parent: e.parent }),
      ...(e.displayName === e.name ? {} : { displayName: e.displayName }),
      locale: e.locale,
      timezone: e.timezone,
      ...(e.provisioned === true && e.parent !== undefined ? { provisioned: true } : {}),
    };
  }
  const connections = hierarchy.connections.map((c) => ({ from: c.from, to: c.to, status: c.status }));
  const users: Record<string, Record<string, unknown>> = {};
  for (const u of hierarchy.users ?? []) {
    users[u.username] = { ...(u.home === undefined ? {} : { home: u.home }), access: u.access };
  }
  const shares: Record<string, string[]> = {};
  for (const s of hierarchy.shares ?? []) shares[s.product] = s.entities;
  const document = {
    ...(format === "json" && options.schema !== undefined ? { $schema: options.schema } : {}),
    version: 1,
    ...(hierarchy.unread && hierarchy.unread.length > 0 ? { unread: hierarchy.unread } : {}),
    entities,
    connections,
    ...(Object.keys(users).length > 0 ? { users } : {}),
    ...(Object.keys(shares).length > 0 ? { shares } : {}),
  };
  if (format === "json") return `${JSON.stringify(document, null, 2)}\n`;
  const header = options.schema === undefined ? "" : `# yaml-language-server: $schema=${options.schema}\n`;
  return `${header}${stringify(document, { lineWidth: 0 })}`;
}
