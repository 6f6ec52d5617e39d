import type { Entities, StandInEntity } from "./entities.js";
import { Category, type Outcome, ok, refuse } from "./reasons.js";

/** Which entities a user may access, or administers: a list of entity IDs, or `"all"` (present and future). */
export type UserAccess = readonly string[] | "all";

/** A user to seed, in full: where it was created, what it can reach and administer, and what it has asked for. */
export interface UserSeed {
  /** The entity the user was created in. Defaults to the global entity. */
  home?: string;
  /** Entities the user can access besides its home entity. Defaults to none. */
  access?: UserAccess;
  /**
   * Entities the user is an administrator of (its home entity included only if listed). The user can access each of
   * them, so they need not be listed in `access` too. Defaults to none: a user who administers nothing.
   */
  administers?: UserAccess;
  /** Entities the user has asked to access, each waiting for that entity to accept or deny. Defaults to none. */
  pending?: readonly string[];
}

/** A user as the stand-in holds it (a copy, in `state()`). */
export interface StandInUser {
  username: string;
  /** The entity the user was created in. */
  homeEntityId: string;
  /** The entities the user can access (its home entity included), or `"all"`. */
  access: string[] | "all";
  /** The entities the user is an administrator of, or `"all"`. */
  administers: string[] | "all";
  /** The entities the user has asked to access, in the order asked. */
  pending: string[];
}

/** What a user may do, as the caller of a request sees it. */
export interface UserRights {
  /** The entity the user was created in. */
  readonly home: string;
  /** Whether the user can work in the entity. */
  canAccess(entityId: string): boolean;
  /** Whether the user is an administrator of the entity. */
  administers(entityId: string): boolean;
  /** The entities the user can access, or `"all"`. */
  accessible(): readonly string[] | "all";
}

/** The side of a user-access request that asks: the entity the call runs in, and whom it is an administrator of. */
export interface Asker {
  /** The entity the request is sent from. */
  entityId: string;
  /** Whether the asker is also an administrator of the entity: then the request is accepted at once. */
  administers(entityId: string): boolean;
}

interface User {
  home: string;
  access: Set<string> | "all";
  administers: Set<string> | "all";
  pending: Set<string>;
}

/**
 * The users of one tenant and their access across entities. A user is created in a home entity; an administrator
 * of that entity asks access to other entities for it, and each of those entities accepts (the user can then access
 * it) or denies; an entity may also deny a user who already has access, which takes the access away. A request is
 * accepted at once where the administrator who sends it also administers the entity asked for.
 */
export class Users {
  readonly #byName = new Map<string, User>();
  readonly #entities: Entities;

  /** @param entities - The hierarchy the users work in. */
  constructor(entities: Entities) {
    this.#entities = entities;
  }

  /** What the user may do, or undefined for an unknown user. */
  rights(username: string): UserRights | undefined {
    const user = this.#byName.get(username);
    if (!user) return undefined;
    const has = (set: Set<string> | "all", id: string) => set === "all" || set.has(id);
    return {
      home: user.home,
      canAccess: (id) => has(user.access, id),
      administers: (id) => has(user.administers, id),
      accessible: () => (user.access === "all" ? "all" : [...user.access]),
    };
  }

  /** The entities the user may access, in creation order; an unknown user is not found. */
  accessibleEntities(username: string): Outcome<StandInEntity[]> {
    const user = this.#byName.get(username);
    if (!user) return unknownUser(username);
    const all = this.#entities.list();
    const { access } = user;
    return ok(access === "all" ? all : all.filter((e) => access.has(e.id)));
  }

  /**
   * Asks, as `asker`, access for the user to every entity in `targetIds`: all of them, or none. An entity the asker
   * also administers accepts at once; the others wait for their administrators. Refused: an unknown user or entity
   * (not found), an asker in another entity than the user's home (permission), an unprovisioned entity, and an
   * entity the user can already access or has already asked for (rule).
   */
  requestAccess(username: string, asker: Asker, targetIds: readonly string[]): Outcome<StandInUser> {
    const user = this.#byName.get(username);
    if (!user) return unknownUser(username);
    for (const id of targetIds) {
      if (!this.#entities.has(id)) return refuse(Category.notFound, `The entity ${id} does not exist.`, TARGETS);
    }
    if (asker.entityId !== user.home) {
      return refuse(
        Category.permission,
        `Only an administrator of ${username}'s home entity (${user.home}) can ask access for the user.`,
      );
    }
    for (const id of targetIds) {
      if (!this.#provisioned(id)) {
        return refuse(Category.rule, `The entity ${id} is not provisioned: it cannot give users access yet.`, TARGETS);
      }
      if (user.access === "all" || user.access.has(id)) {
        return refuse(Category.rule, `The user ${username} can already access the entity ${id}.`, TARGETS);
      }
      if (user.pending.has(id)) {
        return refuse(
          Category.rule,
          `The user ${username} already has a pending request for the entity ${id}.`,
          TARGETS,
        );
      }
    }
    for (const id of targetIds) {
      if (asker.administers(id) && user.access !== "all") user.access.add(id);
      else user.pending.add(id);
    }
    return ok(view(username, user));
  }

  /** The entity accepts the user's pending request to it: the user can access it from now on. */
  accept(username: string, entityId: string): Outcome<StandInUser> {
    const user = this.#byName.get(username);
    if (!user) return unknownUser(username);
    if (!user.pending.has(entityId)) {
      return refuse(
        Category.rule,
        `The user ${username} has no pending access request to the entity ${entityId} to be accepted.`,
      );
    }
    user.pending.delete(entityId);
    if (user.access !== "all") user.access.add(entityId);
    return ok(view(username, user));
  }

  /**
   * The entity denies the user: a pending request to it is dropped (and may be made again), and an access the user
   * has is taken away, administration with it. Refused: the user's home entity, and a user with neither (rule).
   */
  deny(username: string, entityId: string): Outcome<StandInUser> {
    const user = this.#byName.get(username);
    if (!user) return unknownUser(username);
    if (user.pending.delete(entityId)) return ok(view(username, user));
    if (entityId === user.home) {
      return refuse(Category.rule, `The user ${username} was created in the entity ${entityId}: it cannot be denied.`);
    }
    if (user.access !== "all" && !user.access.has(entityId)) {
      return refuse(
        Category.rule,
        `The user ${username} has neither access nor a pending access request to the entity ${entityId} to be denied.`,
      );
    }
    user.access = this.#without(user.access, entityId);
    user.administers = this.#without(user.administers, entityId);
    return ok(view(username, user));
  }

  /** Forgets removed entities: their users go with them, and every other user's access and requests to them. */
  forgetEntities(entityIds: readonly string[]): void {
    const gone = new Set(entityIds);
    for (const [name, user] of this.#byName) {
      if (gone.has(user.home)) {
        this.#byName.delete(name);
        continue;
      }
      for (const id of gone) {
        user.pending.delete(id);
        if (user.access !== "all") user.access.delete(id);
        if (user.administers !== "all") user.administers.delete(id);
      }
    }
  }

  /**
   * Adds (or replaces) a user, bypassing the API's rules. A list or `"all"` is the user's access, its home the
   * first entity listed (the global entity for `"all"` or an empty list), and its IDs are not checked, so that
   * they may name entities seeded later; such a user administers nothing. A {@link UserSeed} is checked: its home
   * and pending entities must exist (a TypeError names the first that does not).
   */
  seed(username: string, seed: UserAccess | UserSeed): StandInUser {
    const user = isAccessList(seed) ? this.#fromAccess(seed) : this.#fromSeed(username, seed);
    this.#byName.set(username, user);
    return view(username, user);
  }

  /** Every user, in the order added. */
  all(): StandInUser[] {
    return [...this.#byName].map(([name, user]) => view(name, user));
  }

  #fromAccess(access: UserAccess): User {
    const home = access === "all" ? this.#entities.globalId : (access[0] ?? this.#entities.globalId);
    return {
      home,
      access: access === "all" ? "all" : new Set([home, ...access]),
      administers: new Set(),
      pending: new Set(),
    };
  }

  #fromSeed(username: string, seed: UserSeed): User {
    const home = seed.home ?? this.#entities.globalId;
    for (const id of [home, ...(seed.pending ?? [])]) {
      if (!this.#entities.has(id)) throw new TypeError(`seed: user ${username}: the entity ${id} does not exist`);
    }
    const administers = seed.administers === "all" ? "all" : new Set(seed.administers ?? []);
    const access =
      seed.access === "all" || administers === "all" ? "all" : new Set([home, ...(seed.access ?? []), ...administers]);
    return { home, access, administers, pending: new Set(seed.pending ?? []) };
  }

  /** A set without one entity; `"all"` becomes every entity there is now but that one. */
  #without(set: Set<string> | "all", entityId: string): Set<string> {
    const out = set === "all" ? new Set(this.#entities.list().map((e) => e.id)) : set;
    out.delete(entityId);
    return out;
  }

  #provisioned(id: string): boolean {
    const entity = this.#entities.get(id);
    return entity.ok && entity.value.status === "Provisioned";
  }
}

/** The body field that names the entities a user asks access to. */
const TARGETS = "targetEntityIds";

const unknownUser = (username: string) => refuse(Category.notFound, `The user ${username} does not exist.`);

function isAccessList(seed: UserAccess | UserSeed): seed is UserAccess {
  return seed === "all" || Array.isArray(seed);
}

function view(username: string, user: User): StandInUser {
  return {
    username,
    homeEntityId: user.home,
    access: user.access === "all" ? "all" : [...user.access],
    administers: user.administers === "all" ? "all" : [...user.administers],
    pending: [...user.pending],
  };
}
