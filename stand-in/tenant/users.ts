import type { Entities, StandInEntity } from "./entities.js";
import { Category, type Outcome, ok, refuse } from "./reasons.js";

/** Which entities a user may access: a list of entity IDs, or `"all"` (present and future). */
export type UserAccess = readonly string[] | "all";

/** A user to seed, in full: where it was created, what it can reach, and what it has asked for. */
export interface UserSeed {
  /** The entity the user was created in. Defaults to the global entity. */
  home?: string;
  /** Entities the user can access besides its home entity. Defaults to none. */
  access?: UserAccess;
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
  /** The entities the user has asked to access, in the order asked. */
  pending: string[];
}

interface User {
  home: string;
  access: Set<string> | "all";
  pending: Set<string>;
}

/**
 * The users of one tenant and their access across entities. A user is created in a home entity; an administrator
 * of that entity asks access to other entities for it (pending), and each of those entities accepts (the user can
 * then access it) or denies (the request is dropped, and may be made again).
 *
 * Administrators are not modelled: a call made in an entity stands for its administrator, who can reach every
 * entity (the stand-in's tokens are valid for all of them), so the rule that the asking administrator must reach
 * the targets never refuses here.
 */
export class Users {
  readonly #byName = new Map<string, User>();
  readonly #entities: Entities;

  /** @param entities - The hierarchy the users work in. */
  constructor(entities: Entities) {
    this.#entities = entities;
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
   * Asks, from `callerId`, access for the user to every entity in `targetIds`: all of them pending, or none.
   * Refused: an unknown user or entity (not found), a caller other than the user's home entity (permission), and
   * an entity the user can already access or has already asked for (rule).
   */
  requestAccess(username: string, callerId: string, targetIds: readonly string[]): Outcome<StandInUser> {
    const user = this.#byName.get(username);
    if (!user) return unknownUser(username);
    for (const id of targetIds) {
      if (!this.#entities.has(id)) return refuse(Category.notFound, `The entity ${id} does not exist.`);
    }
    if (callerId !== user.home) {
      return refuse(
        Category.permission,
        `Only an administrator of ${username}'s home entity (${user.home}) can ask access for the user.`,
      );
    }
    for (const id of targetIds) {
      if (user.access === "all" || user.access.has(id)) {
        return refuse(Category.rule, `The user ${username} can already access the entity ${id}.`);
      }
      if (user.pending.has(id)) {
        return refuse(Category.rule, `The user ${username} already has a pending request for the entity ${id}.`);
      }
    }
    for (const id of targetIds) user.pending.add(id);
    return ok(view(username, user));
  }

  /** The entity `callerId` accepts the user's pending request to it: the user can access it from now on. */
  accept(username: string, callerId: string): Outcome<StandInUser> {
    const found = this.#pending(username, callerId, "accepted");
    if (!found.ok) return found;
    const user = found.value;
    user.pending.delete(callerId);
    if (user.access !== "all") user.access.add(callerId);
    return ok(view(username, user));
  }

  /** The entity `callerId` denies the user's pending request to it: the request is dropped, nothing granted. */
  deny(username: string, callerId: string): Outcome<StandInUser> {
    const found = this.#pending(username, callerId, "denied");
    if (!found.ok) return found;
    found.value.pending.delete(callerId);
    return ok(view(username, found.value));
  }

  /**
   * Adds (or replaces) a user, bypassing the API's rules. A list or `"all"` is the user's access, its home the
   * first entity listed (the global entity for `"all"` or an empty list), and its IDs are not checked, so that
   * they may name entities seeded later. A {@link UserSeed} is checked: its home and pending entities must exist
   * (a TypeError names the first that does not).
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
    return { home, access: access === "all" ? "all" : new Set([home, ...access]), pending: new Set() };
  }

  #fromSeed(username: string, seed: UserSeed): User {
    const home = seed.home ?? this.#entities.globalId;
    for (const id of [home, ...(seed.pending ?? [])]) {
      if (!this.#entities.has(id)) throw new TypeError(`seed: user ${username}: the entity ${id} does not exist`);
    }
    const access = seed.access === "all" ? "all" : new Set([home, ...(seed.access ?? [])]);
    return { home, access, pending: new Set(seed.pending ?? []) };
  }

  #pending(username: string, callerId: string, done: "accepted" | "denied"): Outcome<User> {
    const user = this.#byName.get(username);
    if (!user) return unknownUser(username);
    if (!user.pending.has(callerId)) {
      return refuse(
        Category.rule,
        `The user ${username} has no pending access request to the entity ${callerId} to be ${done}.`,
      );
    }
    return ok(user);
  }
}

const unknownUser = (username: string) => refuse(Category.notFound, `The user ${username} does not exist.`);

function isAccessList(seed: UserAccess | UserSeed): seed is UserAccess {
  return seed === "all" || Array.isArray(seed);
}

function view(username: string, user: User): StandInUser {
  return {
    username,
    homeEntityId: user.home,
    access: user.access === "all" ? "all" : [...user.access],
    pending: [...user.pending],
  };
}
