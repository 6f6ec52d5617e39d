import type { components } from "../../generated/schema.js";
import type { Entities } from "./entities.js";
import { idMaker } from "./ids.js";
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

const notFound = (id: string) => refuse(Category.notFound, `The connection ${id} does not exist.`);

/**
 * The connections between the entities of one tenant: a request from a source entity to a target entity is
 * `Pending` until the target accepts it (`Connected`); either side may then disconnect it (`Disconnected`).
 *
 * Denying a request withdraws it: it is no longer listed, and the pair may be asked again. The spec's statuses have
 * none for a denied request, and `Disconnected` is what an established connection becomes; so a denied request,
 * like one never made, leaves nothing behind (README, "The stand-in").
 */
export class Connections {
  readonly #byId = new Map<string, StandInConnection>();
  readonly #entities: Entities;
  readonly #newId = idMaker("8a8c");

  /** @param entities - The hierarchy whose entities connect. */
  constructor(entities: Entities) {
    this.#entities = entities;
  }

  /**
   * A `Pending` request from `sourceId` (the calling entity) to `targetId`. Refused: an unknown entity, the entity
   * itself, an unprovisioned entity on either side, and a pair that already has a pending or established connection.
   */
  initiate(sourceId: string, targetId: string): Outcome<StandInConnection> {
    if (!this.#entities.has(sourceId))
      return refuse(Category.notFound, `The source entity ${sourceId} does not exist.`);
    const target = this.#entities.get(targetId);
    if (!target.ok) return refuse(Category.notFound, `The target entity ${targetId} does not exist.`);
    if (sourceId === targetId) return refuse(Category.rule, "An entity cannot connect to itself.");
    const source = this.#entities.get(sourceId);
    if (source.ok && (source.value.status !== "Provisioned" || target.value.status !== "Provisioned")) {
      return refuse(Category.rule, "Both entities must be provisioned before they can be connected.");
    }
    const open = [...this.#byId.values()].find(
      (c) =>
        c.status !== "Disconnected" &&
        ((c.sourceEntityId === sourceId && c.targetEntityId === targetId) ||
          (c.sourceEntityId === targetId && c.targetEntityId === sourceId)),
    );
    if (open) {
      return refuse(Category.rule, `The entities already have a ${open.status.toLowerCase()} connection (${open.id}).`);
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
    if (found.ok) this.#byId.delete(id);
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
    return ok(connection);
  }

  /** The connections of an entity, in creation order: to it (`inbound`), from it (`outbound`), or both. */
  list(entityId: string, direction?: ConnectionDirection): Outcome<StandInConnection[]> {
    if (!this.#entities.has(entityId)) return refuse(Category.notFound, `The entity ${entityId} does not exist.`);
    return ok(
      [...this.#byId.values()].filter(
        (c) =>
          (direction !== "outbound" && c.targetEntityId === entityId) ||
          (direction !== "inbound" && c.sourceEntityId === entityId),
      ),
    );
  }

  /** Every connection, in creation order. */
  all(): StandInConnection[] {
    return [...this.#byId.values()];
  }

  /** Forgets the connections of these entities (they were removed). */
  forgetEntities(entityIds: ReadonlySet<string>): void {
    for (const [id, c] of this.#byId) {
      if (entityIds.has(c.sourceEntityId) || entityIds.has(c.targetEntityId)) this.#byId.delete(id);
    }
  }

  /**
   * Adds a connection as given, in any status, bypassing the API's rules. Throws a TypeError for an unknown entity
   * or an ID already taken.
   */
  seed(seed: ConnectionSeed): StandInConnection {
    for (const id of [seed.sourceEntityId, seed.targetEntityId]) {
      if (!this.#entities.has(id)) throw new TypeError(`seed: the entity ${id} does not exist`);
    }
    const id = seed.id ?? this.#newId();
    if (this.#byId.has(id)) throw new TypeError(`seed: the connection ${id} exists`);
    const connection: StandInConnection = {
      id,
      sourceEntityId: seed.sourceEntityId,
      targetEntityId: seed.targetEntityId,
      status: seed.status ?? "Pending",
    };
    this.#byId.set(id, connection);
    return connection;
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
