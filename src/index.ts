/**
 * zuora-multi-entity: a typed, contract-checked client for Zuora's Multi-entity REST API.
 *
 * The types are generated from `openapi/multi-entity.yaml`; import them alone with
 * `import type { paths, components } from "zuora-multi-entity"` (or from `"zuora-multi-entity/schema"`).
 */

/** openapi-fetch's middleware, as `zuora.use()` takes it (see docs/client-options.md, "Middleware"). */
export type { Middleware } from "openapi-fetch";
export type { components, operations, paths } from "../generated/schema.js";
export type { OAuthClientCredentials } from "./auth/oauthTokenSource.js";
export type { TokenProvider } from "./auth/tokenSource.js";
export {
  type CallOptions,
  type Connection,
  type CreatedEntity,
  createZuoraClient,
  type Entity,
  type InitiatedConnection,
  type MethodCallOptions,
  type UnkeyedCallOptions,
  type ZuoraClient,
} from "./client.js";
export { reasonCategory } from "./errors/errorFromResponse.js";
export {
  ZuoraApiError,
  ZuoraAuthenticationError,
  ZuoraBusinessError,
  ZuoraConnectionError,
  ZuoraRateLimitError,
  type ZuoraReason,
  ZuoraServerError,
  ZuoraTimeoutError,
} from "./errors/ZuoraApiError.js";
export { ZuoraConfigurationError } from "./errors/ZuoraConfigurationError.js";
export { ZuoraError } from "./errors/ZuoraError.js";
export { type ValidationRule, ZuoraValidationError } from "./errors/ZuoraValidationError.js";
export type { Logger, LogLevel } from "./options/log.js";
export type { CompressionOptions, RetryOptions, ZuoraAuth, ZuoraClientOptions } from "./options/options.js";
export type { CallInfo, FetchLike } from "./pipeline/types.js";
export type { Sleep } from "./policies/sleep.js";
export { callInfo } from "./result/callInfo.js";
export type { RateLimitHeaders, WithResponse, ZuoraPromise } from "./result/withResponse.js";
