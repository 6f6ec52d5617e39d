import createClient, { type Client } from "openapi-fetch";
import { constraints } from "../generated/constraints.js";
import type { components, paths } from "../generated/schema.js";
import { oauthTokenSource } from "./auth/oauthTokenSource.js";
import { providerTokenSource, staticTokenSource, type TokenSource } from "./auth/tokenSource.js";
import { checkOptions } from "./config/checkOptions.js";
import type { ErrorContext } from "./errors/errorFromResponse.js";
import { SecretRedactor } from "./errors/redact.js";
import { makeHelpers } from "./operations/makeHelpers.js";
import type { OperationHelpers, PagerHelpers } from "./operations/types.js";
import type { ZuoraClientOptions } from "./options.js";
import { createPipeline, parsedAnswer } from "./pipeline/createPipeline.js";
import { TAKES_PARSED_ANSWER } from "./pipeline/parsedAnswer.js";
import { IDEMPOTENT_METHODS, policyOrder, SAFE_METHODS } from "./pipeline/policyOrder.js";
import { SERIALIZED_BODY } from "./pipeline/serializedBody.js";
import type { FetchLike } from "./pipeline/types.js";
import { retryPolicy } from "./policies/retryPolicy.js";
import type { BackoffOptions } from "./retry/retryStrategy.js";
import { sleep as realSleep } from "./retry/sleep.js";
import { collectHeaders } from "./validation/collectHeaders.js";
import { normalizeHeaderValue } from "./validation/headerValue.js";
import { serializeBody } from "./validation/serializeBody.js";
import { snapshotHeaders, snapshotValues } from "./validation/snapshotValues.js";
import { type HeaderOption, validateHeaderOptions, validateRequest } from "./validation/validateRequest.js";

type Schemas = components["schemas"];
/** The entity Zuora created. */
export type CreatedEntity = Schemas["CreateEntityResponse"];
/** The connection request Zuora initiated. */
export type InitiatedConnection = Schemas["InitiateConnectionResponse"];

export type { CallOptions } from "./operations/callOptions.js";

/**
 * The client: openapi-fetch typed by the spec's `paths`, plus one helper per operation, named by its operationId,
 * that resolves to the success body (only a 2xx JSON object with `success: true`) or throws:
 * {@link ZuoraValidationError} before sending a value that breaks the spec, and a {@link ZuoraApiError} subclass for
 * any other answer (HTTP 200 with `success: false` included) or none. Path parameters come first, then the body,
 * then query values, then {@link CallOptions}: `getEntity(id, options?)`, `updateEntity(id, body, options?)`,
 * `listConnections({ type, page, pageSize }?, options?)`. Paginated operations also get an iterator over every item
 * of every page (`allConnections`).
 */
export type ZuoraClient = Client<paths> & OperationHelpers & PagerHelpers;

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * Creates a Zuora Multi-entity client. Every request is validated against the spec before it is sent, then
 * authenticated, tagged (entity, track id, idempotency key), compressed and retried by the policies in
 * `src/pipeline/policyOrder.ts`.
 */
export function createZuoraClient(options: ZuoraClientOptions): ZuoraClient {
  checkOptions(options);
  const redactor = new SecretRedactor();
  const transport: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const retry = options.retry ?? {};
  const backoff: BackoffOptions = {
    baseDelayMs: retry.baseDelayMs ?? 500,
    maxDelayMs: retry.maxDelayMs ?? 8000,
    maxRetryAfterMs: retry.maxRetryAfterMs ?? 60_000,
    random: retry.random ?? Math.random,
    now: retry.now ?? Date.now,
  };
  const maxRetries = options.maxRetries ?? 2;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const sleep = retry.sleep ?? realSleep;
  const context: ErrorContext = { redactor, now: backoff.now, maxRetryAfterMs: backoff.maxRetryAfterMs };
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

  const tokens = tokenSource(options, context, () => {
    // The token request changes nothing at Zuora, so it is retried like any safe request; it takes no policies.
    const tokenPipeline = createPipeline(
      [
        retryPolicy({
          ...backoff,
          maxRetries,
          timeoutMs,
          idempotentMethods: IDEMPOTENT_METHODS,
          safeMethods: SAFE_METHODS,
          sleep,
          context,
          authentication: true,
        }),
      ],
      transport,
      { replayable: true, redactor },
    );
    return createClient<paths>({ baseUrl: options.baseUrl, fetch: tokenPipeline.fetch });
  });

  const policies = policyOrder({
    tokens,
    entityIds,
    trackId,
    idempotencyMethods: constraints.headers["Idempotency-Key"].methods,
    newIdempotencyKey: options.idempotencyKey,
    compression:
      options.compression === false
        ? false
        : { minBytes: options.compression?.minBytes ?? 1024, acceptGzip: options.compression?.acceptGzip ?? true },
    maxRetries,
    timeoutMs,
    backoff,
    sleep,
    maxConcurrency: options.maxConcurrency ?? 16,
    context,
  });
  const pipeline = createPipeline(policies, transport, { redactor });
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: pipeline.fetch });
  const hasMiddleware = guardWithValidation(client);

  const helpers = makeHelpers({ client, send: pipeline.send, hasMiddleware, context, baseUrl: options.baseUrl });
  return Object.assign(client, helpers);
}

function tokenSource(
  options: ZuoraClientOptions,
  context: ErrorContext,
  tokenClient: () => Client<paths>,
): TokenSource {
  // The shapes of `auth` were checked by checkOptions.
  const { auth } = options;
  if (typeof auth === "string") {
    context.redactor.addConfigured(auth);
    return staticTokenSource(auth.trim());
  }
  if (typeof auth === "function") return providerTokenSource(auth, context.redactor);
  return oauthTokenSource({ ...auth, tokenClient: tokenClient(), context });
}

/**
 * Wraps each method of the openapi-fetch client so the request is validated before openapi-fetch builds it. A
 * violation rejects the returned promise with a ZuoraValidationError and nothing is sent. Returns whether openapi-fetch
 * middleware was ever registered on the client.
 */
function guardWithValidation(client: Client<paths>): () => boolean {
  const target = client as unknown as Record<string, (url: string, init?: RequestShape) => Promise<unknown>>;
  const hasMiddleware = watchMiddleware(client);
  for (const method of METHODS) {
    const original = target[method];
    if (!original) continue;
    target[method] = (url, given) => {
      let json: string | undefined;
      // The values validation checks are the ones openapi-fetch sends (see snapshotValues.ts).
      const params = given?.params && {
        ...given.params,
        path: snapshotValues(given.params.path),
        query: snapshotValues(given.params.query),
        header: snapshotHeaders(given.params.header),
      };
      const init = given && { ...given, headers: snapshotHeaders(given.headers), ...(params ? { params } : {}) };
      try {
        const own = init?.body === undefined || init.bodySerializer !== undefined;
        // Serialize first and check what will travel: inherited fields, a toJSON() and getters all count as sent.
        json = own ? undefined : serializeBody(init?.body, method, url);
        const body = own ? init?.body : json === undefined ? undefined : JSON.parse(json);
        const headers = collectHeaders(init?.headers, init?.params?.header);
        validateRequest({
          method,
          path: url,
          body,
          headers,
          pathParams: init?.params?.path,
          query: init?.params?.query,
        });
      } catch (error) {
        return Promise.reject(error);
      }
      // Serialize once, for openapi-fetch and for the pipeline (see serializedBody.ts).
      const sent = json;
      const serialized = sent === undefined ? {} : { bodySerializer: () => sent, [SERIALIZED_BODY]: sent };
      // The pipeline's parse of a success body serves (see parsedAnswer.ts) only when openapi-fetch parses exactly
      // what the pipeline returned. A caller's own parseAs is theirs; their fetch bypasses the pipeline; their
      // middleware may clone, read or replace the response, so it must get one whose body is still unread.
      if ((init?.parseAs ?? init?.fetch ?? init?.middleware) !== undefined || hasMiddleware()) {
        return original(url, { ...init, ...serialized });
      }
      return original(url, { ...init, ...serialized, parseAs: "stream", [TAKES_PARSED_ANSWER]: true }).then(
        withParsedData,
      );
    };
  }
  // openapi-fetch's request(method, url, init) calls its core itself, not the methods above: send it through them.
  const { request } = client as unknown as { request: (method: string, url: string, init?: RequestShape) => unknown };
  Object.assign(client, {
    request: (method: string, url: string, init?: RequestShape) =>
      target[method.toUpperCase()]?.(url, init) ?? request(method, url, init),
  });
  return hasMiddleware;
}

/** openapi-fetch's result with `data` set to the body the pipeline parsed, as openapi-fetch's own parse would have. */
function withParsedData(result: unknown): unknown {
  const settled = result as { data?: unknown; response: Response };
  if (!settled.response.ok || settled.data === undefined) return settled;
  // A success with a body always has its parsed value kept (a 2xx body that does not parse never gets here).
  settled.data = parsedAnswer(settled.response);
  return settled;
}

/**
 * Whether openapi-fetch middleware was ever registered on `client` (openapi-fetch does not expose its list). Not
 * cleared by `eject()`: a client that had middleware only goes on without the single parse, never the reverse.
 */
function watchMiddleware(client: Client<paths>): () => boolean {
  let used = false;
  const { use } = client;
  client.use = (...middleware) => {
    used = true;
    use(...middleware);
  };
  return () => used;
}

interface RequestShape {
  parseAs?: unknown;
  fetch?: unknown;
  middleware?: unknown;
  body?: unknown;
  bodySerializer?: unknown;
  [SERIALIZED_BODY]?: string;
  [TAKES_PARSED_ANSWER]?: boolean;
  headers?: unknown;
  params?: { header?: unknown; path?: unknown; query?: unknown };
}
