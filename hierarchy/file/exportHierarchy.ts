import { stringify } from "yaml";
import type { DesiredConnection, DesiredEntity, Hierarchy, TenantState } from "../model.js";
import { indexTenant } from "../tenant/tenantIndex.js";

/**
 * The tenant's state as a hierarchy file that plans to no change: every entity (parents first) with its fields and
 * status, and each pair's connection that counts (the open one, else the last disconnected one). Pure.
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
  return { version: 1, entities, connections };
}

/** How a hierarchy is written. */
export type HierarchyFormat = "yaml" | "json";

/**
 * Writes a hierarchy as a file's text: what `parseHierarchy` reads back to the same hierarchy. `displayName` is left
 * out where it is the name, `provisioned` where it is false, as a person would write them.
 */
export function formatHierarchy(hierarchy: Hierarchy, format: HierarchyFormat = "yaml"): string {
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
  const document = { version: 1, entities, connections };
  return format === "json" ? `${JSON.stringify(document, null, 2)}\n` : stringify(document, { lineWidth: 0 });
}
