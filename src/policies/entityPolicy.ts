import type { Policy } from "../pipeline/types.js";

/** Options of {@link entityPolicy}. */
export interface EntityPolicyOptions {
  /** The `Zuora-Entity-Ids` value to send when the call does not set one. */
  entityIds: string;
}

/** Sends the client's default `Zuora-Entity-Ids` on every call that does not name its own entity. */
export function entityPolicy(options: EntityPolicyOptions): Policy {
  return {
    send(request, next) {
      if (!request.headers.has("zuora-entity-ids")) request.headers.set("zuora-entity-ids", options.entityIds);
      return next(request);
    },
  };
}
