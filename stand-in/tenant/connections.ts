import type { components } from "../../generated/schema.js";
import type { Entities } from "./entities.js";
import { RecordsById } from "./ids.js";
import { Category, type Outcome, ok, refuse } from "./reasons.js";

type Schemas = components["schemas"];

/** A connection as the stand-in holds it. */
export type StandInConnection = Schemas["Connection"];
/** Which side of a connection the calling entity is on: it received the request, or sent it. */
export type ConnectionDirection = "inbound" | "outbound";

/** A connection to seed, in any status (defaults to `Pending`). */
export interface ConnectionSeed {
  /** Defaults to the next generated ID. */
  id?: string;
  sourceEntityId: string;
  targetEntityId: string;
  /** Defaults to `Pending`. */
  status?: Schemas["ConnectionStatus"];
}

const STATUSES: readonly Schemas["ConnectionStatus"][] = ["Pending", "Connected", "Disconnected"];

const notFound = (id: string) => refuse(Category.notFound, `The connection ${id} does not exist.`);
/** The body field of `initiateConnection` that names the target. */
const TARGET = "targetEntityId";

/**
 * The connections between the entities of one tenant: a request from a source entity to a target entity is
 * `Pending` until the target accepts it (`Connected`); either side may then disconnect it (`Disconnected`).
 *
 * Denying a request withdraws it: it is no longer listed, and the pair may be asked again. The spec's statuses have
 * none for a denied request, and `Disconnected` is what an established connection becomes; so a denied request,
 * like one never made, leaves nothing behind (docs/testing-with-the-stand-in.md, "The rules it applies").
 */
export class Connections {
  readonly #byId = new RecordsById<StandInConnection>("8a8c");
  /** The pending or connected connection of each pair of entities (at most one), by {@link pairKey}. */
  readonly #openByPair = new Map<string, StandInConnection>();
  /** Each entity's connections, either side, in creation order. */
  readonly #byEntity = new Map<string, Set<StandInConnection>>();
  readonly #entities: Entities;

  /** @param entities - The hierarchy whose entities connect. */
  constructor(entities: Entities) {
    this.#entities = entities;
  }

  /**
   * A `Pending` request from `sourceId` (the calling entity) to `targetId`. Refused: an unknown entity, the entity
   * itself, an unprovisioned entity on either side, and a pair that already has a pending or established connection.
   */
  initiate(sourceId: string, targetId: string): Outcome<StandInConnection> {
    const source = this.#entities.get(sourceId);
    if (!source.ok) return refuse(Category.notFound, `The source entity ${sourceId} does not exist.`);
    const target = this.#entities.get(targetId);
    if (!target.ok) return refuse(Category.notFound, `The target entity ${targetId} does not exist.`, TARGET);
    if (sourceId === targetId) return refuse(Category.rule, "An entity cannot connect to itself.", TARGET);
    if (source.value.status !== "Provisioned" || target.value.status !== "Provisioned") {
      return refuse(Category.rule, "Both entities must be provisioned before they can be connected.", TARGET);
    }
    const open = this.#openByPair.get(pairKey(sourceId, targetId));
    if (open) {
      return refuse(
        Category.rule,
        `The entities already have a ${open.status.toLowerCase()} connection (${open.id}).`,
        TARGET,
      );
    }
    return ok(this.seed({ sourceEntityId: sourceId, targetEntityId: targetId }));
  }

  /** The target entity accepts a `Pending` request: it becomes `Connected`. */
  accept(id: string, callerId: string): Outcome<StandInConnection> {
    const found = this.#pendingForTarget(id, callerId, "accepted");
    if (found.ok) found.value.status = "Connected";
    return found;
  }

  /** The target entity denies a `Pending` request: the request is withdrawn, and no longer listed. */
  deny(id: string, callerId: string): Outcome<StandInConnection> {
    const found = this.#pendingForTarget(id, callerId, "denied");
    if (found.ok) this.#forget(found.value);
    return found;
  }

  /** Either side disconnects a `Connected` connection: it becomes `Disconnected`. */
  disconnect(id: string, callerId: string): Outcome<StandInConnection> {
    const connection = this.#byId.get(id);
    if (!connection) return notFound(id);
    if (callerId !== connection.sourceEntityId && callerId !== connection.targetEntityId) {
      return refuse(Category.permission, "Only the source or the target entity can disconnect a connection.");
    }
    if (connection.status !== "Connected") {
      return refuse(
        Category.rule,
        `Only a connected connection can be disconnected; this one is ${connection.status}.`,
      );
    }
    connection.status = "Disconnected";
    this.#openByPair.delete(pairKey(connection.sourceEntityId, connection.targetEntityId));
    return ok(connection);
  }

  /**
   * The connections of an entity, in creation order: to it (`inbound`), from it (`outbound`), or both; the first
   * `limit` of them (a page, and one more to know whether another page follows), or all.
   */
  list(
    entityId: string,
    direction?: ConnectionDirection,
    limit = Number.POSITIVE_INFINITY,
  ): Outcome<StandInConnection[]> {
    if (!this.#entities.has(entityId)) return refuse(Category.notFound, `The entity ${entityId} does not exist.`);
    const out: StandInConnection[] = [];
    for (const c of this.#byEntity.get(entityId) ?? []) {
      if (out.length >= limit) break;
      if (
        (direction !== "outbound" && c.targetEntityId === entityId) ||
        (direction !== "inbound" && c.sourceEntityId === entityId)
      ) {
        out.push(c);
      }
    }
    return ok(out);
  }

  /** Whether a `Connected` connection goes from `sourceId` to `targetId` (that way round). */
  connects(sourceId: string, targetId: string): boolean {
    const open = this.#openByPair.get(pairKey(sourceId, targetId));
    return open?.status === "Connected" && open.sourceEntityId === sourceId;
  }

  /** The pending or connected connection between two entities (either way round), if they have one. */
  openBetween(a: string, b: string): StandInConnection | undefined {
    return this.#openByPair.get(pairKey(a, b));
  }

  /** Whether a connection with this ID exists. */
  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** Every connection, in creation order. */
  all(): StandInConnection[] {
    return [...this.#byId.values()];
  }

  /** How many connections there are. */
  get size(): number {
    return this.#byId.size;
  }

  /** Forgets the connections of these entities (they were removed). */
  forgetEntities(entityIds: Iterable<string>): void {
    for (const entityId of entityIds) {
      for (const connection of this.#byEntity.get(entityId) ?? []) this.#forget(connection);
      this.#byEntity.delete(entityId);
    }
  }

  /**
   * Adds a connection as given, in any status, bypassing the API's rules. Throws a TypeError for an unknown entity,
   * an ID already taken, or a second pending or established connection between the same two entities.
   */
  seed(seed: ConnectionSeed): StandInConnection {
    if (typeof seed !== "object" || seed === null) throw new TypeError("seed: a connection must be an object");
    if (seed.id !== undefined && typeof seed.id !== "string")
      throw new TypeError("seed: a connection's id must be a string");
    if (seed.status !== undefined && !STATUSES.includes(seed.status)) {
      throw new TypeError(`seed: a connection's status must be one of ${STATUSES.join(", ")}`);
    }
    for (const id of [seed.sourceEntityId, seed.targetEntityId]) {
      if (!this.#entities.has(id)) throw new TypeError(`seed: the entity ${id} does not exist`);
    }
    if (seed.id !== undefined && this.#byId.has(seed.id)) throw new TypeError(`seed: the connection ${seed.id} exists`);
    const status = seed.status ?? "Pending";
    const pair = pairKey(seed.sourceEntityId, seed.targetEntityId);
    const open = status === "Disconnected" ? undefined : this.#openByPair.get(pair);
    if (open) throw new TypeError(`seed: the entities already have a ${open.status.toLowerCase()} connection`);
    const id = this.#byId.newId(seed.id);
    const connection: StandInConnection = {
      id,
      sourceEntityId: seed.sourceEntityId,
      targetEntityId: seed.targetEntityId,
      status,
    };
    this.#byId.set(id, connection);
    if (status !== "Disconnected") this.#openByPair.set(pair, connection);
    for (const end of [connection.sourceEntityId, connection.targetEntityId]) {
      const mine = this.#byEntity.get(end);
      if (mine) mine.add(connection);
      else this.#byEntity.set(end, new Set([connection]));
    }
    return connection;
  }

  #forget(connection: StandInConnection): void {
    this.#byId.delete(connection.id);
    const pair = pairKey(connection.sourceEntityId, connection.targetEntityId);
    if (this.#openByPair.get(pair) === connection) this.#openByPair.delete(pair);
    this.#byEntity.get(connection.sourceEntityId)?.delete(connection);
    this.#byEntity.get(connection.targetEntityId)?.delete(connection);
  }

  #pendingForTarget(id: string, callerId: string, done: "accepted" | "denied"): Outcome<StandInConnection> {
    const connection = this.#byId.get(id);
    if (!connection) return notFound(id);
    if (callerId !== connection.targetEntityId) {
      return refuse(Category.permission, `A connection request can only be ${done} by its target entity.`);
    }
    if (connection.status !== "Pending") {
      return refuse(
        Category.rule,
        `Only a pending connection request can be ${done}; this one is ${connection.status}.`,
      );
    }
    return ok(connection);
  }
}

/** One key for a pair of entities, whichever of the two sent the request. */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
