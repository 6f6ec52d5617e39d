import type { Caller } from "../tenant/callers.js";
import { Category, type Refusal } from "../tenant/reasons.js";
import type { Tenant } from "../tenant/tenant.js";
import type { OperationId } from "./match.js";

/**
 * Who may call an operation, as the "User Access Permission" of Zuora's reference page for it states (each
 * operation's description in the spec says it in our words; docs/stand-in-fidelity.md links each page):
 * - `anyUser`: any user of the entity the call runs in;
 * - `globalAdministrator`: an administrator of the global entity, calling in it;
 * - `administrator`: an administrator of the entity the call runs in; which entity that must be (the connection's
 *   target, the user's home, ...) is the operation's own rule, checked by the tenant. With `targets`, the
 *   administrator must also be able to access every entity the body names in that field.
 */
type Permission =
  | { who: "anyUser" }
  | { who: "globalAdministrator" }
  | { who: "administrator"; targets?: "targetEntityId" | "targetEntityIds" };

const anyUser: Permission = { who: "anyUser" };
const globalAdministrator: Permission = { who: "globalAdministrator" };
const administrator: Permission = { who: "administrator" };

/** Each operation's permission. `createToken` takes no bearer token, so no caller. */
export const PERMISSIONS: Record<Exclude<OperationId, "createToken">, Permission> = {
  listEntities: anyUser,
  getEntity: anyUser,
  listAccessibleEntities: anyUser,
  listConnections: anyUser,
  createEntity: globalAdministrator,
  updateEntity: globalAdministrator,
  deleteEntity: globalAdministrator,
  provisionEntity: globalAdministrator,
  // "A source entity administrator", who "must have permission to access the target entity".
  initiateConnection: { who: "administrator", targets: "targetEntityId" },
  // "An entity administrator": Zuora does not say of which entity; the tenant requires the target's.
  acceptConnection: administrator,
  denyConnection: administrator,
  // "An administrator of the target entity or the source entity".
  disconnectConnection: administrator,
  // An administrator of the user's home entity, "with the permission to access" the entities asked for.
  requestUserAccess: { who: "administrator", targets: "targetEntityIds" },
  acceptUserAccess: administrator,
  denyUserAccess: administrator,
  // "Only source entity administrators", and only the global entity can be a source of shared products.
  shareProduct: globalAdministrator,
};

/**
 * The refusal (permission, category 10) of a caller the operation's permission does not admit, or undefined.
 * Entities the body names that do not exist are left for the operation to refuse as not found.
 */
export function permissionRefusal(
  operationId: Exclude<OperationId, "createToken">,
  caller: Caller,
  tenant: Tenant,
  body: unknown,
): Refusal | undefined {
  const permission = PERMISSIONS[operationId];
  if (permission.who === "anyUser") return undefined;
  const who = caller.username === undefined ? "the caller" : `the user ${caller.username}`;
  const refused = (message: string): Refusal => ({ category: Category.permission, message });
  if (permission.who === "globalAdministrator") {
    const globalId = tenant.entities.globalId;
    if (caller.entityId !== globalId) {
      return refused(
        `${operationId} is for a global entity administrator, in the global entity (${globalId}); this call runs in ${caller.entityId}.`,
      );
    }
    if (!caller.administers(globalId)) {
      return refused(`${operationId} is for a global entity administrator, and ${who} is not one.`);
    }
    return undefined;
  }
  if (!caller.administers(caller.entityId)) {
    return refused(`${operationId} is for an administrator of the entity ${caller.entityId}, and ${who} is not one.`);
  }
  if (permission.targets === undefined) return undefined;
  const named = (body as Record<string, unknown> | undefined)?.[permission.targets];
  for (const id of Array.isArray(named) ? named : [named]) {
    if (typeof id === "string" && tenant.entities.has(id) && !caller.canAccess(id)) {
      return {
        ...refused(`${operationId} needs an administrator who can access the entity ${id}, and ${who} cannot.`),
        field: permission.targets,
      };
    }
  }
  return undefined;
}
