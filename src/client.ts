import createClient, { type Client } from "openapi-fetch";
import { constraints } from "../generated/constraints.js";
import type { components, paths } from "../generated/schema.js";
import { oauthTokenSource } from "./auth/oauthTokenSource.js";
import { providerTokenSource, staticTokenSource, type TokenSource } from "./auth/tokenSource.js";
import { errorFromResponse } from "./errors/errorFromResponse.js";
import { SecretRedactor } from "./errors/redact.js";
import type { ZuoraClientOptions } from "./options.js";
import { callInfo, createPipelineFetch } from "./pipeline/createPipelineFetch.js";
import { IDEMPOTENT_METHODS, policyOrder } from "./pipeline/policyOrder.js";
import { SERIALIZED_BODY } from "./pipeline/serializedBody.js";
import type { FetchLike } from "./pipeline/types.js";
import { retryPolicy } from "./policies/retryPolicy.js";
import type { BackoffOptions } from "./retry/retryStrategy.js";
import { sleep as realSleep } from "./retry/sleep.js";
import { type HeaderOption, validateHeaderOptions, validateRequest } from "./validation/validateRequest.js";
import { type CallResult, type ZuoraPromise, zuoraPromise } from "./withResponse.js";

type Schemas = components["schemas"];
/** The entity Zuora created. */
export type CreatedEntity = Schemas["CreateEntityResponse"];
/** The connection request Zuora initiated. */
export type InitiatedConnection = Schemas["InitiateConnectionResponse"];

/** Per-call options of the operation helpers; each overrides the client's default for this call only. */
export interface CallOptions {
  /** This call's `Idempotency-Key` (≤ 255 characters). Defaults to a new UUID, reused on every retry of the call. */
  idempotencyKey?: string;
  /** This call's `Zuora-Track-Id`. Defaults to the client's `trackId`. */
  trackId?: string;
  /** This call's `Zuora-Entity-Ids`. Defaults to the client's `entityIds`. */
  entityIds?: string;
  /** Aborts the call, retries and waits included. */
  signal?: AbortSignal;
}

/** The client: openapi-fetch typed by the spec's `paths`, plus one helper per operation that returns data or throws. */
export type ZuoraClient = Client<paths> & {
  /**
   * `POST /v1/entities`. Resolves to the created entity; throws {@link ZuoraValidationError} before sending a value
   * that breaks the spec, and a {@link ZuoraApiError} subclass when Zuora refuses or fails (HTTP 200 with
   * `success: false` included). `.withResponse()` on the returned promise gives the same call's data with its
   * response and metadata (request id, echoed track id, attempts, rate-limit headers).
   */
  createEntity(body: Schemas["CreateEntityRequest"], options?: CallOptions): ZuoraPromise<CreatedEntity>;
  /** `POST /v1/entity-connections`. Resolves to the initiated connection request; throws as {@link ZuoraClient.createEntity}. */
  initiateConnection(
    body: Schemas["InitiateConnectionRequest"],
    options?: CallOptions,
  ): ZuoraPromise<InitiatedConnection>;
};

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
  const headerOptions: HeaderOption[] = [];
  if (options.trackId !== undefined) {
    headerOptions.push({ option: "trackId", header: "zuora-track-id", value: options.trackId });
  }
  if (options.entityIds !== undefined) {
    headerOptions.push({ option: "entityIds", header: "zuora-entity-ids", value: options.entityIds });
  }
  validateHeaderOptions(headerOptions);

  const tokens = tokenSource(options, redactor, () => {
    // The token request changes nothing at Zuora, so it is retried like any safe request; it takes no policies.
    const tokenFetch = createPipelineFetch(
      [retryPolicy({ ...backoff, maxRetries, timeoutMs, idempotentMethods: IDEMPOTENT_METHODS, sleep, redactor })],
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

  const call = async <T extends { success?: boolean }>(
    path: "/v1/entities" | "/v1/entity-connections",
    body: Schemas["CreateEntityRequest"] | Schemas["InitiateConnectionRequest"],
    callOptions: CallOptions,
  ): Promise<CallResult<T>> => {
    const header: Record<string, string> = {};
    if (callOptions.idempotencyKey !== undefined) header["Idempotency-Key"] = callOptions.idempotencyKey;
    if (callOptions.trackId !== undefined) header["Zuora-Track-Id"] = callOptions.trackId;
    if (callOptions.entityIds !== undefined) header["Zuora-Entity-Ids"] = callOptions.entityIds;
    const result = await client.POST(path, {
      // The union of both bodies is fine here: validation has checked `body` against this path's schema.
      body: body as never,
      params: { header },
      ...(callOptions.signal ? { signal: callOptions.signal } : {}),
    });
    const data = result.data as T | undefined;
    if (result.response.ok && data && data.success !== false) {
      return { data, response: result.response, info: callInfo(result.response) };
    }
    throw errorFromResponse({
      operation: `POST ${path}`,
      response: result.response,
      body: result.error ?? result.data,
      info: callInfo(result.response),
      redactor,
    });
  };

  return Object.assign(client, {
    createEntity: (body: Schemas["CreateEntityRequest"], callOptions: CallOptions = {}) =>
      zuoraPromise(call<CreatedEntity>("/v1/entities", body, callOptions)),
    initiateConnection: (body: Schemas["InitiateConnectionRequest"], callOptions: CallOptions = {}) =>
      zuoraPromise(call<InitiatedConnection>("/v1/entity-connections", body, callOptions)),
  });
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
        validateRequest({ method, path: url, body: init?.body, headers: collectHeaders(init) });
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
  params?: { header?: unknown };
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
