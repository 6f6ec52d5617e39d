/**
 * zuora-multi-entity/testing: a stateful stand-in for a Zuora Multi-entity tenant, to test code that uses the
 * client without a sandbox (where provisioning cannot be undone).
 *
 * ```ts
 * import { createZuoraClient } from "zuora-multi-entity";
 * import { createStandIn } from "zuora-multi-entity/testing";
 * const standIn = createStandIn();
 * const zuora = createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: "any-token", fetch: standIn.fetch });
 * ```
 */
export { createStandIn, type StandIn, type StandInOptions } from "./createStandIn.js";
export type { StandInAuthOptions } from "./http/auth.js";
export type { Fault, FaultPlan } from "./http/faults.js";
export type { HandledRequest } from "./http/handleRequest.js";
export type { StandInLimits } from "./http/limits.js";
export type { OperationId } from "./http/match.js";
export type { ListeningStandIn, ListenOptions } from "./listen.js";
export type {
  ConnectionByName,
  ConnectionStateByName,
  EntityByName,
  EntityStateByName,
  ProductByName,
  ProductStateByName,
  TenantByName,
  TenantStateByName,
  UserByName,
  UserStateByName,
} from "./tenant/byName/types.js";
export type { ConnectionSeed, StandInConnection } from "./tenant/connections.js";
export type { EntitySeed, StandInEntity } from "./tenant/entities.js";
export type { ProductSeed, StandInProduct } from "./tenant/products.js";
export { Category, reasonCode } from "./tenant/reasons.js";
export { SeedError, type SeedProblem } from "./tenant/seedError.js";
export type { OAuthClientSeed, TenantSeed, TenantSnapshot } from "./tenant/tenant.js";
export type { StandInUser, UserAccess, UserSeed } from "./tenant/users.js";
