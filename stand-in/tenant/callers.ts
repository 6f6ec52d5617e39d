import { Category, type Outcome, ok, refuse } from "./reasons.js";
import type { Tenant } from "./tenant.js";

/** Who makes a call, and the entity it runs in. */
export interface Caller {
  /** The entity the call runs in: the one `Zuora-Entity-Ids` names, or the token's only entity. */
  readonly entityId: string;
  /** The user behind the token, or undefined for the stand-in's default caller. */
  readonly username: string | undefined;
  /** Whether the caller is an administrator of the entity. */
  administers(entityId: string): boolean;
  /** Whether the caller can work in the entity. */
  canAccess(entityId: string): boolean;
}

/**
 * The caller of a request: a user (the token was issued to an OAuth client of that user), or, for any other token,
 * the stand-in's default caller, an administrator of the entity the call runs in who can access every entity (so
 * that a call made in the global entity is a global entity administrator's, as today's tests expect).
 *
 * The entity the call runs in is the one `Zuora-Entity-Ids` names, which must exist (not found) and be one the
 * caller can access (permission); without the header, the global entity for the default caller, and the user's only
 * entity for a user (a user who can access several must name one: permission). Nothing can be done in an entity
 * that is not provisioned yet, which Zuora has not set up (rule).
 *
 * @param username - The user the token acts as, or undefined for the default caller. The user must exist.
 * @param header - The request's `Zuora-Entity-Ids`, or null.
 */
export function resolveCaller(tenant: Tenant, username: string | undefined, header: string | null): Outcome<Caller> {
  const rights = username === undefined ? undefined : tenant.users.rights(username);
  const named = header?.trim() ?? "";
  let entityId: string;
  if (named !== "") {
    if (!tenant.entities.has(named)) {
      return refuse(Category.notFound, `The entity ${named} in Zuora-Entity-Ids does not exist.`);
    }
    if (rights && !rights.canAccess(named)) {
      return refuse(Category.permission, `The user ${username} cannot access the entity ${named} (Zuora-Entity-Ids).`);
    }
    entityId = named;
  } else if (!rights) {
    entityId = tenant.entities.globalId;
  } else {
    const accessible = rights.accessible();
    const only = accessible === "all" ? undefined : accessible.length === 1 ? accessible[0] : undefined;
    if (only === undefined) {
      return refuse(
        Category.permission,
        `The user ${username} can access several entities: name the one the call runs in with Zuora-Entity-Ids.`,
      );
    }
    entityId = only;
  }
  const entity = tenant.entities.get(entityId);
  if (entity.ok && entity.value.status !== "Provisioned") {
    return refuse(Category.rule, `The entity ${entityId} is not provisioned: nothing can be done in it until it is.`);
  }
  if (!rights) {
    return ok({ entityId, username: undefined, administers: (id) => id === entityId, canAccess: () => true });
  }
  return ok({ entityId, username, administers: rights.administers, canAccess: rights.canAccess });
}
