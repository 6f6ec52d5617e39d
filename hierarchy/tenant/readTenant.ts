import type { ZuoraClient } from "../../src/index.js";
import { childrenByParentId } from "../childrenByParent.js";
import type { ReadEvent } from "../events.js";
import type { ConnectionStatus, TenantConnection, TenantEntity, TenantState, TenantUser } from "../model.js";
import { isNotFound } from "../notFound.js";
import { runLimited } from "./runLimited.js";

/** How many requests the reading sends at once, unless told: Terraform's default parallelism. */
export const DEFAULT_PARALLELISM = 10;

/** How the tenant is read. */
export interface ReadOptions {
  /** Requests at once when reading each entity's connections (and each user's access). Defaults to 10. */
  parallelism?: number;
  /** Aborts the reading. */
  signal?: AbortSignal;
  /**
   * The users whose access to read (`listAccessibleEntities`, one request each): Zuora's API lists no users, so only
   * those named are read. Defaults to none.
   */
  users?: readonly string[];
  /** Told how far the reading is, as each entity's connections (and each user's access) have been read. */
  onProgress?: (event: ReadEvent) => void;
  /**
   * Called as each provisioned entity's connections have been read: how many so far, of how many.
   *
   * @deprecated Use `onProgress`, which says the same (`connections-read`) and more.
   */
  onConnectionsRead?: (done: number, of: number) => void;
}

/**
 * Reads a tenant's entities (`listEntities`) and connections, and the access of the users named. Zuora lists the
 * connections of the calling entity, so they are read as each provisioned entity (`Zuora-Entity-Ids`), outbound
 * only: every connection has one source, and only a provisioned entity can be one. A user Zuora does not know is
 * read as one that does not exist. Only reads.
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
  const names = [...new Set(options.users ?? [])];
  let usersRead = 0;
  const users = await runLimited(names, options.parallelism ?? DEFAULT_PARALLELISM, async (username) => {
    const user = await readUser(zuora, username, signal);
    usersRead++;
    options.onProgress?.({ type: "users-read", done: usersRead, of: names.length });
    return user;
  });
  const state: TenantState = { entities: parentsFirst(entities), connections: perSource.flat() };
  if (names.length > 0) state.users = users;
  return state;
}

/** A user's accessible entities, or a user that does not exist when Zuora answers not found (category 40). */
async function readUser(zuora: ZuoraClient, username: string, signal: AbortSignal | undefined): Promise<TenantUser> {
  try {
    const listed = await zuora.listAccessibleEntities(username, signal ? { signal } : {});
    return { username, exists: true, entityIds: listed.entities.map((e) => e.id) };
  } catch (error) {
    if (isNotFound(error)) return { username, exists: false, entityIds: [] };
    throw error;
  }
}

/** The entities with every parent before its children (Zuora lists them in its own order). */
function parentsFirst(entities: TenantEntity[]): TenantEntity[] {
  const tree = childrenByParentId(entities);
  return tree.parentsFirst(tree.childrenOf(null));
}
