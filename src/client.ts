import { removeTrailingSlash } from "openapi-fetch";
import { constraints } from "../generated/constraints.js";
import type { components } from "../generated/schema.js";
import { oauthTokenSource } from "./auth/oauthTokenSource.js";
import { providerTokenSource, staticTokenSource, type TokenSource } from "./auth/tokenSource.js";
import type { ErrorContext } from "./errors/errorFromResponse.js";
import { SecretRedactor } from "./errors/redact.js";
import { checkOptions } from "./options/checkOptions.js";
import {
  DEFAULT_ACCEPT_GZIP,
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_COMPRESSION_MIN_BYTES,
  DEFAULT_LOG_LEVEL,
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_MAX_CONCURRENCY_WAIT_MS,
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_TIMEOUT_MS,
} from "./options/defaults.js";
import { createLog, isLogLevel, type Log, type LogLevel, logLevelFromEnvironment } from "./options/log.js";
import type { ZuoraClientOptions } from "./options/options.js";
import { createPipeline, type SendCall } from "./pipeline/createPipeline.js";
import { IDEMPOTENT_METHODS, policyOrder } from "./pipeline/policyOrder.js";
import type { FetchLike } from "./pipeline/types.js";
import { retryPolicy } from "./policies/retryPolicy.js";
import type { BackoffOptions } from "./policies/retryStrategy.js";
import { sleep as realSleep } from "./policies/sleep.js";
import { normalizeHeaderValue } from "./prepare/headerValue.js";
import { prepareCall } from "./prepare/prepareCall.js";
import { type HeaderOption, validateHeaderOptions } from "./prepare/validateRequest.js";
import type { CallCore } from "./surfaces/callCore.js";
import type { OperationHelpers, PagerHelpers } from "./surfaces/helperTypes.js";
import { makeHelpers } from "./surfaces/makeHelpers.js";
import { makeMethods } from "./surfaces/makeMethods.js";
import type { ZuoraMethods } from "./surfaces/methodTypes.js";

type Schemas = components["schemas"];
/** The entity Zuora created. */
export type CreatedEntity = Schemas["CreateEntityResponse"];
/** The connection request Zuora initiated. */
export type InitiatedConnection = Schemas["InitiateConnectionResponse"];
/** An entity of the hierarchy, as `getEntity` and `listEntities` return it. */
export type Entity = Schemas["Entity"];
/** A connection between two entities, as `listConnections` and `allConnections` return it. */
export type Connection = Schemas["Connection"];

export type { CallOptions, UnkeyedCallOptions } from "./surfaces/callOptions.js";
export type { MethodCallOptions } from "./surfaces/methodTypes.js";

/**
 * The client: openapi-fetch's surface typed by the spec's `paths` (`GET`, `POST`, ..., `use`, `eject`), plus one
 * helper per operation, named by its operationId, that resolves to the success body (only a 2xx JSON object with
 * `success: true`) or throws: {@link ZuoraValidationError} before sending a value that breaks the spec, and a
 * {@link ZuoraApiError} subclass for any other answer (HTTP 200 with `success: false` included) or none. Path
 * parameters come first, then the body, then query values, then {@link CallOptions}: `getEntity(id, options?)`,
 * `updateEntity(id, body, options?)`, `listConnections({ type, page, pageSize }?, options?)`. Paginated operations
 * also get an iterator over every item of every page (`allConnections`). Every surface goes through one core.
 */
export type ZuoraClient = ZuoraMethods & OperationHelpers & PagerHelpers;

/**
 * Creates a Zuora Multi-entity client. Every request is validated against the spec before it is sent, then
 * authenticated, tagged (entity, track id, idempotency key), compressed and retried by the policies in
 * `src/pipeline/policyOrder.ts`.
 */
export function createZuoraClient(options: ZuoraClientOptions): ZuoraClient {
  checkOptions(options);
  const redactor = new SecretRedactor();
  const log = clientLog(options, redactor);
  const transport: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const retry = options.retry ?? {};
  const backoff: BackoffOptions = {
    baseDelayMs: retry.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
    maxDelayMs: retry.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
    maxRetryAfterMs: retry.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    random: retry.random ?? Math.random,
    now: retry.now ?? Date.now,
  };
  const context: ErrorContext = { redactor, now: backoff.now, maxRetryAfterMs: backoff.maxRetryAfterMs };
  const retrySettings = {
    ...backoff,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    idempotentMethods: IDEMPOTENT_METHODS,
    sleep: retry.sleep ?? realSleep,
    context,
    log,
  };
  const defaults = {
    baseUrl: removeTrailingSlash(options.baseUrl),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
  };
  // Trimmed as fetch trims a header value, so the default that is checked is the default that travels.
  const trackId = options.trackId === undefined ? undefined : normalizeHeaderValue(options.trackId);
  const entityIds = options.entityIds === undefined ? undefined : normalizeHeaderValue(options.entityIds);
  // The client's own defaults break the same rules as per-call values would: refuse them now, not on every call.
  const headerOptions: HeaderOption[] = [];
  if (trackId !== undefined) headerOptions.push({ option: "trackId", header: "zuora-track-id", value: trackId });
  if (entityIds !== undefined) {
    headerOptions.push({ option: "entityIds", header: "zuora-entity-ids", value: entityIds });
  }
  validateHeaderOptions(headerOptions);

  // The token request changes nothing at Zuora, so it is retried like any safe request; it takes no other policy.
  const sendToken = createPipeline([retryPolicy({ ...retrySettings, authentication: true })], transport, {
    replayable: true,
    redactor,
  });
  const tokens = tokenSource(options, context, async (form, signal) =>
    sendToken(
      await prepareCall(
        {
          method: "POST",
          path: "/oauth/token",
          pathValues: undefined,
          query: undefined,
          headers: [],
          body: form,
          signal,
          optionsName: "options",
        },
        defaults,
      ),
      true,
    ),
  );
  const policies = policyOrder({
    tokens,
    entityIds,
    trackId,
    idempotencyMethods: constraints.headers["Idempotency-Key"].methods,
    newIdempotencyKey: options.idempotencyKey,
    compression:
      options.compression === false
        ? false
        : {
            minBytes: options.compression?.minBytes ?? DEFAULT_COMPRESSION_MIN_BYTES,
            acceptGzip: options.compression?.acceptGzip ?? DEFAULT_ACCEPT_GZIP,
          },
    maxConcurrency: options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
    maxConcurrencyWaitMs: options.maxConcurrencyWaitMs ?? DEFAULT_MAX_CONCURRENCY_WAIT_MS,
    retry: retrySettings,
  });
  const sendCall = createPipeline(policies, transport, { redactor });
  const send: SendCall = (call, takesParsed) => (call.authenticated ? sendCall : sendToken)(call, takesParsed);
  const core: CallCore = { defaults, send, middleware: [], context };
  return Object.assign(makeMethods(core), makeHelpers(core));
}

/** The client's log: its `logger` at its `logLevel`, else `ZUORA_LOG`, else warnings and errors to the console. */
function clientLog(options: ZuoraClientOptions, redactor: SecretRedactor): Log {
  const logger = options.logger ?? console;
  const fromEnvironment = logLevelFromEnvironment();
  const fromEnvironmentWrong =
    options.logLevel === undefined && fromEnvironment !== undefined && !isLogLevel(fromEnvironment);
  const level: LogLevel =
    options.logLevel ??
    (fromEnvironment !== undefined && isLogLevel(fromEnvironment) ? fromEnvironment : DEFAULT_LOG_LEVEL);
  const log = createLog({ logger, level, redact: (text, secrets) => redactor.redact(text, secrets) });
  if (fromEnvironmentWrong) {
    log.warn(() => `ZUORA_LOG=${fromEnvironment} is not a log level (off, error, warn, info, debug); using warn`);
  }
  return log;
}

function tokenSource(
  options: ZuoraClientOptions,
  context: ErrorContext,
  requestToken: Parameters<typeof oauthTokenSource>[0]["requestToken"],
): TokenSource {
  // The shapes of `auth` were checked by checkOptions.
  const { auth } = options;
  if (typeof auth === "string") {
    context.redactor.addConfigured(auth);
    return staticTokenSource(auth.trim());
  }
  if (typeof auth === "function") return providerTokenSource(auth, context.redactor);
  return oauthTokenSource({ ...auth, requestToken, context });
}
