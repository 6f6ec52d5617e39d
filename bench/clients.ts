import createClient from "openapi-fetch";
import type { components, paths } from "../generated/schema.js";
import { readSpec } from "../scripts/codegen/spec.js";
import { referenceRequest, requestSample } from "../scripts/verify/samples.js";
import { createZuoraClient } from "./shippedClient.js";

/** createEntity's reference request, as the spec holds it. */
export const entityBody = requestSample(readSpec(), "createEntity")
  .body as components["schemas"]["CreateEntityRequest"];

const TRACK_ID = "bench-run";
const ENTITY_IDS = "8a808255557baba1015580e12fa5083a";

/**
 * The headers the wrapped client sends on every call (its policies add them), which the raw clients send by hand: a
 * ratio of two clients that send different requests would count the extra headers' bytes on the wire as the
 * wrapper's cost. (fetch adds an Accept-Encoding of its own when none is given; the wrapped client asks for gzip.)
 */
const SAME_HEADERS = {
  Authorization: "Bearer bench-token",
  "Zuora-Track-Id": TRACK_ID,
  "Zuora-Entity-Ids": ENTITY_IDS,
  "Accept-Encoding": "gzip",
};

/** The wrapped client as every wrapped scenario configures it: every policy on (the limiter too, unless `maxConcurrency` says). */
function wrappedClient(baseUrl: string, compression = true, maxConcurrency?: number) {
  return createZuoraClient({
    baseUrl,
    auth: "bench-token",
    trackId: TRACK_ID,
    entityIds: ENTITY_IDS,
    maxRetries: 2,
    compression: compression ? { minBytes: 1024 } : false,
    maxConcurrency,
  });
}

/** A call that fails the benchmark when the answer is not the expected success. */
export type Call = () => Promise<void>;

function expectSuccess(status: number, data: unknown): void {
  if (status !== 200 || (data as { success?: boolean } | undefined)?.success !== true) {
    throw new Error(`benchmark call failed: HTTP ${status} ${JSON.stringify(data)}`);
  }
}

/**
 * What a user writes without any library: fetch, JSON in, JSON out, the wrapped client's headers by hand (a new
 * Idempotency-Key per call, as the wrapped client makes one).
 */
export function rawFetch(baseUrl: string, body: unknown = entityBody): Call {
  const url = `${baseUrl}/v1/entities`;
  const payload = JSON.stringify(body);
  return async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...SAME_HEADERS, "Idempotency-Key": crypto.randomUUID() },
      body: payload,
    });
    expectSuccess(response.status, await response.json());
  };
}

/** Raw openapi-fetch, typed by the same spec, with the wrapped client's headers as its defaults. */
export function rawOpenapiFetch(baseUrl: string, body: unknown = entityBody): Call {
  const client = createClient<paths>({ baseUrl, headers: SAME_HEADERS });
  return async () => {
    const { data, response } = await client.POST("/v1/entities", {
      body: body as typeof entityBody,
      headers: { "Idempotency-Key": crypto.randomUUID() },
    });
    expectSuccess(response.status, data);
  };
}

/**
 * The wrapped client with every policy on: static token, track id, entity ids, idempotency key, compression (the
 * threshold is not reached by the reference body), retries enabled (never triggered: the server always succeeds).
 */
export function wrapped(
  baseUrl: string,
  body: unknown = entityBody,
  compression = true,
  maxConcurrency?: number,
): Call {
  const client = wrappedClient(baseUrl, compression, maxConcurrency);
  return async () => {
    const { data, response } = await client.POST("/v1/entities", { body: body as typeof entityBody });
    expectSuccess(response.status, data);
  };
}

/** getEntity's reference id, as the spec holds it: the GET-with-a-path-parameter scenario asks for it. */
export const entityId = String(referenceRequest(readSpec(), "getEntity").pathParams.id);

function expectEntity(status: number, data: unknown): void {
  if (status !== 200 || (data as { id?: string } | undefined)?.id === undefined) {
    throw new Error(`benchmark call failed: HTTP ${status} ${JSON.stringify(data)}`);
  }
}

/** GET with a path parameter by hand: fetch, the id encoded into the path, the wrapped client's headers. */
export function rawFetchGet(baseUrl: string): Call {
  const url = `${baseUrl}/v1/entities/${encodeURIComponent(entityId)}`;
  return async () => {
    const response = await fetch(url, { headers: SAME_HEADERS });
    expectEntity(response.status, await response.json());
  };
}

/** GET with a path parameter through raw openapi-fetch, with the wrapped client's headers as its defaults. */
export function rawOpenapiFetchGet(baseUrl: string): Call {
  const client = createClient<paths>({ baseUrl, headers: SAME_HEADERS });
  return async () => {
    const { data, response } = await client.GET("/v1/entities/{id}", { params: { path: { id: entityId } } });
    expectEntity(response.status, data);
  };
}

/** GET with a path parameter through the wrapped client's `getEntity` helper, every policy on as in {@link wrapped}. */
export function wrappedGet(baseUrl: string): Call {
  const client = wrappedClient(baseUrl);
  return async () => {
    expectEntity(200, await client.getEntity(entityId));
  };
}
