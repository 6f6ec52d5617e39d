import createClient from "openapi-fetch";
import type { components, paths } from "../generated/schema.js";
import { readSpec } from "../scripts/codegen/spec.js";
import { referenceRequest, requestSample } from "../scripts/verify/samples.js";
import { createZuoraClient } from "../src/index.js";

/** createEntity's reference request, as the spec holds it. */
export const entityBody = requestSample(readSpec(), "createEntity")
  .body as components["schemas"]["CreateEntityRequest"];

/** The wrapped client as every wrapped scenario configures it: every policy on. */
function wrappedClient(baseUrl: string, compression = true) {
  return createZuoraClient({
    baseUrl,
    auth: "bench-token",
    trackId: "bench-run",
    entityIds: "8a808255557baba1015580e12fa5083a",
    maxRetries: 2,
    compression: compression ? { minBytes: 1024 } : false,
  });
}

/** A call that fails the benchmark when the answer is not the expected success. */
export type Call = () => Promise<void>;

function expectSuccess(status: number, data: unknown): void {
  if (status !== 200 || (data as { success?: boolean } | undefined)?.success !== true) {
    throw new Error(`benchmark call failed: HTTP ${status} ${JSON.stringify(data)}`);
  }
}

/** What a user writes without any library: fetch, JSON in, JSON out, the same headers by hand. */
export function rawFetch(baseUrl: string, body: unknown = entityBody): Call {
  const url = `${baseUrl}/v1/entities`;
  const payload = JSON.stringify(body);
  return async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer bench-token" },
      body: payload,
    });
    expectSuccess(response.status, await response.json());
  };
}

/** Raw openapi-fetch, typed by the same spec, with the token as a default header. */
export function rawOpenapiFetch(baseUrl: string, body: unknown = entityBody): Call {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: "Bearer bench-token" } });
  return async () => {
    const { data, response } = await client.POST("/v1/entities", { body: body as typeof entityBody });
    expectSuccess(response.status, data);
  };
}

/**
 * The wrapped client with every policy on: static token, track id, entity ids, idempotency key, compression (the
 * threshold is not reached by the reference body), retries enabled (never triggered: the server always succeeds).
 */
export function wrapped(baseUrl: string, body: unknown = entityBody, compression = true): Call {
  const client = wrappedClient(baseUrl, compression);
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

/** GET with a path parameter by hand: fetch, the id encoded into the path. */
export function rawFetchGet(baseUrl: string): Call {
  const url = `${baseUrl}/v1/entities/${encodeURIComponent(entityId)}`;
  return async () => {
    const response = await fetch(url, { headers: { authorization: "Bearer bench-token" } });
    expectEntity(response.status, await response.json());
  };
}

/** GET with a path parameter through raw openapi-fetch. */
export function rawOpenapiFetchGet(baseUrl: string): Call {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: "Bearer bench-token" } });
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
