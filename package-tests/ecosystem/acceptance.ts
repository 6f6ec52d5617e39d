/**
 * The acceptance script: the same file on every runtime (Node, Bun, Deno, workerd, Chromium), importing the
 * package by name as a user's code does. It drives every helper of the client against the stand-in, in-process
 * (the stand-in's `fetch`) or over HTTP (when given a `serve`, where the runtime has a server), and returns what it
 * observed; the tests judge it against `expected.ts`. It uses nothing but what the package asks of a runtime: fetch,
 * AbortSignal, CompressionStream, crypto.randomUUID and timers.
 */
import {
  createZuoraClient,
  reasonCategory,
  ZuoraBusinessError,
  type ZuoraClient,
  ZuoraValidationError,
} from "zuora-multi-entity";
import { createStandIn, type StandIn } from "zuora-multi-entity/testing";

/** Serves a stand-in over HTTP: `listen` from `zuora-multi-entity/testing/node`. */
export type Serve = (standIn: StandIn) => Promise<{ url: string; close(): Promise<void> }>;

/** The keys of the openapi-fetch client itself; every other function on the client is one of our helpers. */
const OPENAPI_FETCH_KEYS = new Set(["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]);
const OPENAPI_FETCH_MIDDLEWARE = new Set(["use", "eject"]);

const CLIENT_ID = "acceptance-client";
const CLIENT_SECRET = "acceptance-secret";
const TRACK_ID = "acceptance-run";
/** The threshold the client is given, below the createEntity body sent to test gzip (two 255-character names). */
const GZIP_MIN_BYTES = 256;
const PLACE = { locale: "en_GB", timezone: "Europe/London" };

/** One request as the client handed it to `fetch`. */
interface Sent {
  method: string;
  path: string;
  contentEncoding: string | null;
  bytes: number;
}

/** A `fetch` that notes what the client hands it, then sends it on; `onAnswer` sees each answer's status. */
function recording(send: (input: string, init: RequestInit) => Promise<Response>, sent: Sent[]) {
  const listeners: ((status: number) => void)[] = [];
  const fetch = async (input: string, init: RequestInit) => {
    const { body } = init;
    sent.push({
      method: init.method ?? "GET",
      path: new URL(input).pathname,
      contentEncoding: new Headers(init.headers).get("content-encoding"),
      bytes: body instanceof Uint8Array ? body.byteLength : typeof body === "string" ? body.length : 0,
    });
    const response = await send(input, init);
    for (const listener of listeners.splice(0)) listener(response.status);
    return response;
  };
  return { fetch, onNextAnswer: (listener: (status: number) => void) => listeners.push(listener) };
}

/** The rejection of a promise, or `"resolved"`. */
function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "resolved",
    (error: unknown) => error,
  );
}

/** What one run observed; `expected.ts` holds what it must be. */
export async function accept(options: { serve?: Serve } = {}): Promise<Record<string, unknown>> {
  const standIn = createStandIn({ auth: { tokens: "issued", clients: { [CLIENT_ID]: CLIENT_SECRET } } });
  const server = options.serve ? await options.serve(standIn) : undefined;
  try {
    const sent: Sent[] = [];
    const transport = recording(
      server ? (input, init) => globalThis.fetch(input, init) : (input, init) => standIn.fetch(input, init),
      sent,
    );
    const client = createZuoraClient({
      baseUrl: server?.url ?? "https://rest.test.zuora.com",
      auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      trackId: TRACK_ID,
      compression: { minBytes: GZIP_MIN_BYTES },
      retry: { baseDelayMs: 1 },
      fetch: transport.fetch,
    });
    // Notes each helper the script reaches for, so that a helper it never calls shows up below.
    const used = new Set<string>();
    const zuora = new Proxy(client, {
      get(target, key, receiver) {
        if (typeof key === "string") used.add(key);
        return Reflect.get(target, key, receiver);
      },
    }) as ZuoraClient;
    const statusesOf = (from: number) =>
      standIn
        .requests()
        .slice(from)
        .map((r) => `${r.operationId} ${r.status}`);
    const observed: Record<string, unknown> = { compressionStream: typeof CompressionStream === "function" };

    // Every helper, through a lifecycle: entities, then connections between two provisioned children.
    const global = standIn.globalEntityId;
    const longName = `Acme ${"E".repeat(250)}`;
    const eu = await zuora.createEntity({ name: longName, displayName: "D".repeat(255), parentId: global, ...PLACE });
    const euBody = sent.find((request) => request.method === "POST" && request.path === "/v1/entities");
    observed.gzip = {
      contentEncoding: euBody?.contentEncoding ?? null,
      smallerThanTheJson: (euBody?.bytes ?? Infinity) < GZIP_MIN_BYTES,
      nameArrived: (await zuora.getEntity(eu.id)).name === longName,
    };
    const us = await zuora.createEntity({ name: "Acme-US", parentId: global, ...PLACE });
    const unprovisioned = (await zuora.listEntities({ provisioned: false })).entities.map((e) => e.id).sort();
    await zuora.provisionEntity(eu.id);
    await zuora.provisionEntity(us.id);
    await zuora.updateEntity(eu.id, { displayName: "Acme Europe" });
    const doomed = await zuora.createEntity({ name: "Acme-Doomed", parentId: global, ...PLACE });
    await zuora.deleteEntity(doomed.id);
    const accessible = await zuora.listAccessibleEntities("admin");
    const { id: accepted } = await zuora.initiateConnection({ targetEntityId: us.id }, { entityIds: eu.id });
    const inbound = await zuora.listConnections({ type: "inbound" }, { entityIds: us.id });
    await zuora.acceptConnection(accepted, { entityIds: us.id });
    // User access and product sharing, while the two are connected: a user and a product the API cannot create.
    // Only the global entity shares, over a connection from it to the target.
    standIn.seed({
      users: { "jane@example.com": { home: eu.id } },
      products: [{ id: "gold-plan", name: "Gold plan" }],
    });
    const { id: shareLink } = await zuora.initiateConnection({ targetEntityId: us.id });
    await zuora.acceptConnection(shareLink, { entityIds: us.id });
    await zuora.requestUserAccess("jane@example.com", { targetEntityIds: [us.id, global] }, { entityIds: eu.id });
    await zuora.acceptUserAccess("jane@example.com", { entityIds: us.id });
    await zuora.denyUserAccess("jane@example.com", { entityIds: global });
    const janeReaches = (await zuora.listAccessibleEntities("jane@example.com")).entities.map((e) => e.id);
    await zuora.shareProduct("gold-plan", { toEntityIds: [us.id] });
    const token = await zuora.createToken({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      grant_type: "client_credentials",
    });
    observed.accessAndSharing = {
      janeReaches: janeReaches.length === 2 && janeReaches.includes(eu.id) && janeReaches.includes(us.id),
      sharedWith: standIn.state().products.map((p) => p.sharedWith.map((id) => (id === us.id ? "Acme-US" : id))),
      tokenIssued: typeof token.access_token === "string" && token.access_token.length > 0,
    };
    const paged: string[] = [];
    for await (const connection of zuora.allConnections({ type: "outbound" }, { entityIds: eu.id })) {
      paged.push(connection.status);
    }
    await zuora.disconnectConnection(accepted, { entityIds: eu.id });
    const { id: denied } = await zuora.initiateConnection({ targetEntityId: eu.id }, { entityIds: us.id });
    await zuora.denyConnection(denied, { entityIds: eu.id });
    observed.lifecycle = {
      unprovisionedListed: unprovisioned.length === 2 && unprovisioned.includes(eu.id) && unprovisioned.includes(us.id),
      entities: standIn
        .state()
        .entities.map((e) => `${e.name.slice(0, 7)} ${e.status} ${e.displayName.slice(0, 11)}`)
        .sort(),
      accessibleCount: accessible.entities.length,
      inboundBeforeAccepting: inbound.entityConnections.map((c) => c.status),
      outboundPagedAfterAccepting: paged,
      connections: standIn.state().connections.map((c) => c.status),
    };
    const helpers = Object.keys(client).filter(
      (key) =>
        typeof Reflect.get(client, key) === "function" &&
        !OPENAPI_FETCH_KEYS.has(key) &&
        !OPENAPI_FETCH_MIDDLEWARE.has(key),
    );
    observed.helpersNotCalled = helpers.filter((helper) => !used.has(helper));

    // OAuth: one token so far; expired at the stand-in, the next call meets a 401, fetches a new one and goes on.
    const tokensBefore = standIn.requests().filter((r) => r.operationId === "createToken").length;
    standIn.expireTokens();
    const fromExpiry = standIn.requests().length;
    await zuora.getEntity(global);
    observed.oauth = { tokensBefore, afterExpiry: statusesOf(fromExpiry) };

    // A 503 with Retry-After: 0, then the retry answers; withResponse() gives the call's record with the data.
    standIn.failNext({ fault: { status: 503, retryAfterSeconds: 0 }, operationId: "getEntity" });
    const fromRetry = standIn.requests().length;
    const retried = await zuora.getEntity(eu.id).withResponse();
    observed.retry = { requests: statusesOf(fromRetry), attempts: retried.attempts };
    observed.withResponse = {
      name: retried.data.name === longName,
      status: retried.response.status,
      trackId: retried.trackId,
      requestId: typeof retried.requestId === "string" && retried.requestId.length > 0,
      rateLimitRemaining: typeof retried.rateLimit.remaining === "number",
    };

    // A rule broken at Zuora: HTTP 200 with success false, thrown as ZuoraBusinessError with its reason.
    const duplicate = await rejectionOf(zuora.createEntity({ name: "Acme-US", parentId: global, ...PLACE }));
    observed.business =
      duplicate instanceof ZuoraBusinessError
        ? { status: duplicate.status, category: reasonCategory(duplicate.reasons[0]?.code ?? "") }
        : String(duplicate);

    // A value the spec refuses: a typed error naming the field and the rule, and nothing sent.
    const fromInvalid = sent.length;
    const invalid = await rejectionOf(zuora.initiateConnection({ targetEntityId: "x".repeat(33) }));
    observed.validation = {
      refused: invalid instanceof ZuoraValidationError ? `${invalid.field}: ${invalid.rule}` : String(invalid),
      sent: sent.length - fromInvalid,
    };

    // Abort: an aborted signal sends nothing; an abort during the Retry-After wait ends the call at once.
    const early = new AbortController();
    early.abort(new Error("aborted before sending"));
    const fromEarly = sent.length;
    const earlyError = await rejectionOf(zuora.getEntity(eu.id, { signal: early.signal }));
    const sentWhenAborted = sent.length - fromEarly;
    const late = new AbortController();
    standIn.failNext({ fault: { status: 503, retryAfterSeconds: 50 }, operationId: "getEntity" });
    transport.onNextAnswer(() => late.abort(new Error("aborted while waiting to retry")));
    const fromLate = standIn.requests().length;
    const lateError = await rejectionOf(zuora.getEntity(eu.id, { signal: late.signal }));
    observed.abort = {
      beforeSending: { reason: (earlyError as Error).message, sent: sentWhenAborted },
      whileWaiting: { reason: (lateError as Error).message, requests: statusesOf(fromLate) },
    };
    return observed;
  } finally {
    await server?.close();
  }
}
