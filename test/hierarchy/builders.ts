import type { DesiredConnection, DesiredEntity, Hierarchy, TenantState } from "../../hierarchy/index.js";

/** A file's entity: `en_US`, `America/Los_Angeles`, display name = name, unless told. */
export function entity(name: string, parent: string | undefined, more: Partial<DesiredEntity> = {}): DesiredEntity {
  return {
    name,
    parent,
    displayName: name,
    locale: "en_US",
    timezone: "America/Los_Angeles",
    provisioned: undefined,
    ...more,
  };
}

/** A file from its entities and connections; the global entity `Global` first unless given. */
export function file(entities: DesiredEntity[], connections: DesiredConnection[] = []): Hierarchy {
  const hasRoot = entities.some((e) => e.parent === undefined);
  return { version: 1, entities: hasRoot ? entities : [entity("Global", undefined), ...entities], connections };
}

type TenantEntitySpec = { name: string; parent?: string; status?: "Provisioned" | "Unprovisioned" } & Partial<
  Record<"displayName" | "locale" | "timezone", string>
>;

/** A tenant: `Global` (provisioned) and the entities given (IDs `id-NAME`), connections by names. */
export function tenant(
  entities: TenantEntitySpec[] = [],
  connections: { from: string; to: string; status: "Pending" | "Connected" | "Disconnected" }[] = [],
): TenantState {
  const all = [{ name: "Global", status: "Provisioned" as const }, ...entities];
  return {
    entities: all.map((e) => ({
      id: `id-${e.name}`,
      name: e.name,
      displayName: e.displayName ?? e.name,
      locale: e.locale ?? "en_US",
      timezone: e.timezone ?? "America/Los_Angeles",
      status: e.status ?? "Unprovisioned",
      parentId: e.name === "Global" ? null : `id-${e.parent ?? "Global"}`,
    })),
    connections: connections.map((c, i) => ({
      id: `conn-${i}`,
      sourceEntityId: `id-${c.from}`,
      targetEntityId: `id-${c.to}`,
      status: c.status,
    })),
  };
}
