import createClient, { type Client } from "openapi-fetch";
import { constraints } from "../generated/constraints.js";
import type { components, paths } from "../generated/schema.js";
import { oauthTokenSource } from "./auth/oauthTokenSource.js";
import { providerTokenSource, staticTokenSource, type TokenSource } from "./auth/tokenSource.js";
import { SecretRedactor } from "./errors/redact.js";
import { makeHelpers } from "./operations/makeHelpers.js";
import type { OperationHelpers, PagerHelpers } from "./operations/types.js";
import type { ZuoraClientOptions } from "./options.js";
import { createPipelineFetch } from "./pipeline/createPipelineFetch.js";
import { IDEMPOTENT_METHODS, policyOrder, SAFE_METHODS } from "./pipeline/policyOrder.js";
import { SERIALIZED_BODY } from "./pipeline/serializedBody.js";
import type { FetchLike } from "./pipeline/types.js";
import { retryPolicy } from "./policies/retryPolicy.js";
import type { BackoffOptions } from "./retry/retryStrategy.js";
import { sleep as realSleep } from "./retry/sleep.js";
import { validateRequest } from "./validation/validateRequest.js";

export type { CallOptions } from "./operations/callOptions.js";

type Schemas = components["schemas"];
/** The entity Zuora created. */
export type CreatedEntity = Schemas["CreateEntityResponse"];
/** The connection request Zuora initiated. */
export type InitiatedConnection = Schemas["InitiateConnectionResponse"];

/**
 * The client: openapi-fetch typed by the spec's `paths`, plus one helper per operation, named by its operationId,
 * that resolves to the success body or throws: {@link ZuoraValidationError} before sending a value that breaks the
 * spec, and a {@link ZuoraApiError} subclass when Zuora refuses or fails (HTTP 200 with `success: false` included).
 * Path parameters come first, then the body, then query values, then {@link CallOptions}:
 * `getEntity(id, options?)`, `updateEntity(id, body, options?)`, `listConnections({ type, page, pageSize }?, options?)`.
 * Paginated operations also get an iterator over every item of every page (`allConnections`).
 */
export type ZuoraClient = Client<paths> & OperationHelpers & PagerHelpers;

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * Creates a Zuora Multi-entity client. Every request is validated against the spec before it is sent, then
 * authenticated, tagged (entity, track id, idempotency key), compressed and retried by the policies in
 * `src/pipeline/policyOrder.ts`.
 */
export function createZuoraClient(options: ZuoraClientOptions): ZuoraClient {
  if (!options.baseUrl) throw new TypeError("createZuoraClient: baseUrl is required");
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

  // The client's own defaults break the same rules as per-call values would: refuse them now, not on every call.
  const defaults = new Map<string, string>();
  if (options.trackId !== undefined) defaults.set("zuora-track-id", options.trackId);
  if (options.entityIds !== undefined) defaults.set("zuora-entity-ids", options.entityIds);
  validateRequest({ method: "POST", path: "(client options)", body: undefined, headers: defaults });

  const tokens = tokenSource(options, redactor, () => {
    // The token request changes nothing at Zuora, so it is retried like any safe request; it takes no policies.
    const tokenFetch = createPipelineFetch(
      [
        retryPolicy({
          ...backoff,
          maxRetries,
          timeoutMs,
          idempotentMethods: IDEMPOTENT_METHODS,
          safeMethods: SAFE_METHODS,
          sleep,
          redactor,
        }),
      ],
      transport,
      { replayable: true },
    );
    return createClient<paths>({ baseUrl: options.baseUrl, fetch: tokenFetch });
  });

  const policies = policyOrder({
    tokens,
    entityIds: options.entityIds,
    trackId: options.trackId,
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
    redactor,
  });
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: createPipelineFetch(policies, transport) });
  guardWithValidation(client);

  return Object.assign(client, makeHelpers(client, redactor));
}

function tokenSource(
  options: ZuoraClientOptions,
  redactor: SecretRedactor,
  tokenClient: () => Client<paths>,
): TokenSource {
  const { auth } = options;
  if (typeof auth === "string") {
    redactor.add(auth);
    return staticTokenSource(auth);
  }
  if (typeof auth === "function") {
    const source = providerTokenSource(async (context) => {
      const token = await auth(context);
      redactor.add(token);
      return token;
    });
    return source;
  }
  if (auth && typeof auth === "object" && auth.clientId && auth.clientSecret) {
    return oauthTokenSource({
      ...auth,
      tokenClient: tokenClient(),
      redactor,
      ...(options.retry?.now ? { now: options.retry.now } : {}),
    });
  }
  throw new TypeError("createZuoraClient: auth must be a token, a token function, or { clientId, clientSecret }");
}

/**
 * Wraps each method of the openapi-fetch client so the request is validated before openapi-fetch builds it. A
 * violation rejects the returned promise with a ZuoraValidationError and nothing is sent.
 */
function guardWithValidation(client: Client<paths>): void {
  const target = client as unknown as Record<string, (url: string, init?: RequestShape) => Promise<unknown>>;
  for (const method of METHODS) {
    const original = target[method];
    if (!original) continue;
    target[method] = (url, init) => {
      try {
        validateRequest({
          method,
          path: url,
          body: init?.body,
          headers: collectHeaders(init),
          pathParams: init?.params?.path,
          query: init?.params?.query,
        });
      } catch (error) {
        return Promise.reject(error);
      }
      if (init?.body === undefined || init.bodySerializer !== undefined) return original(url, init);
      // Serialize once, for openapi-fetch and for the pipeline (see serializedBody.ts).
      const json = JSON.stringify(init.body);
      return original(url, { ...init, bodySerializer: () => json, [SERIALIZED_BODY]: json });
    };
  }
}

interface RequestShape {
  body?: unknown;
  bodySerializer?: unknown;
  [SERIALIZED_BODY]?: string;
  headers?: unknown;
  params?: { header?: unknown; path?: unknown; query?: unknown };
}

/**
 * Strips leading and trailing HTTP whitespace as fetch does before sending (Fetch standard, "normalize"), so the
 * value checked is the value that travels: `"abc "` is sent, and judged, as `"abc"`.
 */
function normalize(value: string): string {
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
}

/** The header values a call will carry, merged as openapi-fetch merges them (params.header wins over headers). */
function collectHeaders(init: RequestShape | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const add = (source: unknown) => {
    if (!source) return;
    const entries: Iterable<[string, unknown]> =
      source instanceof Headers || Array.isArray(source)
        ? (source as Iterable<[string, unknown]>)
        : Object.entries(source as Record<string, unknown>);
    for (const [name, value] of entries) {
      if (value === undefined || value === null) continue;
      out.set(name.toLowerCase(), normalize(Array.isArray(value) ? value.join(", ") : String(value)));
    }
  };
  add(init?.headers);
  add(init?.params?.header);
  return out;
}
