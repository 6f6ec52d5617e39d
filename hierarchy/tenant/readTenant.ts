import type { ZuoraClient } from "../../src/index.js";
import { childrenByParentId } from "../childrenByParent.js";
import type { ReadEvent } from "../events.js";
import type { ConnectionStatus, TenantConnection, TenantEntity, TenantState } from "../model.js";
import { runLimited } from "./runLimited.js";

/** How many requests the reading sends at once, unless told: Terraform's default parallelism. */
export const DEFAULT_PARALLELISM = 10;

/** How the tenant is read. */
export interface ReadOptions {
  /** Requests at once when reading each entity's connections (and each user's access). Defaults to 10. */
  parallelism?: number;
  /** Aborts the reading. */
  signal?: AbortSignal;
  /** Told how far the reading is, as each entity's connections have been read. */
  onProgress?: (event: ReadEvent) => void;
  /**
   * Called as each provisioned entity's connections have been read: how many so far, of how many.
   *
   * @deprecated Use `onProgress`, which says the same (`connections-read`) and more.
   */
  onConnectionsRead?: (done: number, of: number) => void;
}

/**
 * Reads a tenant's entities (`listEntities`) and connections. Zuora lists the connections of the calling entity, so
 * they are read as each provisioned entity (`Zuora-Entity-Ids`), outbound only: every connection has one source, and
 * only a provisioned entity can be one. Only reads.
 */
export async function readTenant(zuora: ZuoraClient, options: ReadOptions = {}): Promise<TenantState> {
  const signal = options.signal;
  const listed = await zuora.listEntities(undefined, signal ? { signal } : {});
  const entities: TenantEntity[] = listed.entities.map((e) => ({
    id: e.id,
    name: e.name,
    displayName: e.displayName ?? e.name,
    locale: e.locale ?? "",
    timezone: e.timezone ?? "",
    status: e.status === "Provisioned" ? "Provisioned" : "Unprovisioned",
    parentId: e.parentId ?? null,
  }));
  const sources = entities.filter((e) => e.status === "Provisioned");
  options.onProgress?.({ type: "entities-listed", entities: entities.length, provisioned: sources.length });
  let read = 0;
  const perSource = await runLimited(sources, options.parallelism ?? DEFAULT_PARALLELISM, async (source) => {
    const found: TenantConnection[] = [];
    const iterate = zuora.allConnections(
      { type: "outbound", pageSize: 300 },
      { entityIds: source.id, ...(signal ? { signal } : {}) },
    );
    for await (const c of iterate) {
      found.push({
        id: c.id,
        sourceEntityId: c.sourceEntityId,
        targetEntityId: c.targetEntityId,
        status: c.status as ConnectionStatus,
      });
    }
    read++;
    options.onProgress?.({ type: "connections-read", done: read, of: sources.length });
    options.onConnectionsRead?.(read, sources.length);
    return found;
  });
  return { entities: parentsFirst(entities), connections: perSource.flat() };
}

/** The entities with every parent before its children (Zuora lists them in its own order). */
function parentsFirst(entities: TenantEntity[]): TenantEntity[] {
  const tree = childrenByParentId(entities);
  return tree.parentsFirst(tree.childrenOf(null));
}
