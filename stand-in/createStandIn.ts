import { checkStandInOptions } from "./checkOptions.js";
import { Authenticator, type StandInAuthOptions } from "./http/auth.js";
import { CONTROL_PREFIX, control } from "./http/control.js";
import type { FaultPlan } from "./http/faults.js";
import { Faults } from "./http/faults.js";
import { type HandledRequest, handleRequest } from "./http/handleRequest.js";
import { IdempotencyStore } from "./http/idempotency.js";
import { discardBody, incomingRequest } from "./http/incoming.js";
import { type StandInLimits, TenantLimits } from "./http/limits.js";
import { DEFAULT_MAX_BODY_BYTES } from "./http/requestBody.js";
import type { ListeningStandIn, ListenOptions } from "./listen.js";
import type { TenantByName, TenantStateByName } from "./tenant/byName/types.js";
import { Tenant, type TenantOptions, type TenantSeed, type TenantSnapshot } from "./tenant/tenant.js";

/** How a stand-in starts (and starts again on `reset()`). */
export interface StandInOptions extends TenantOptions {
  /** How requests are authenticated. Defaults to accepting any bearer token. */
  auth?: StandInAuthOptions;
  /** Zuora's concurrency and per-minute limits, enforced with Zuora's 429 answers. Defaults to none. */
  limits?: StandInLimits | undefined;
  /**
   * How long each request is held before it is answered, in ms (over `fetch` and `listen()` alike), so requests
   * overlap as they do at Zuora. A refusal for a limit is answered at once. Defaults to 0.
   */
  latencyMs?: number | undefined;
  /**
   * The size a request body may reach once decoded (gunzipped), in bytes; a larger one is answered 413 without being
   * read further. Defaults to 1 MiB (1,048,576). The control endpoints (`/__stand-in/...`) take 16 times as much,
   * for large seeds.
   */
  maxBodyBytes?: number | undefined;
}

/** How many times the body limit a control request may reach (a seed of a large tenant is one request). */
const CONTROL_BODY_FACTOR = 16;

/** A stateful stand-in for one Zuora Multi-entity tenant. */
export interface StandIn {
  /**
   * Answers a request in-process, as the tenant would: give it to the client as its `fetch`. The base URL does not
   * matter (no request leaves the process), and may carry a path (`https://proxy.example.com/zuora`): a request is
   * matched by the spec's path that follows any prefix. Paths and methods are the spec's.
   *
   * The caller's signal (`init.signal`, or a `Request`'s) is followed as `fetch` follows it: a call whose signal has
   * already aborted rejects with the signal's reason (an `AbortError` `DOMException` when none was given) and changes
   * nothing, nor is it logged. The `latencyMs` wait comes before the request is handled: a call aborted during it
   * rejects likewise, at once, and the tenant is as it was (the request is logged, without a status). An abort once
   * the wait is over is not seen: the request is handled and answered.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /**
   * Serves the same tenant over HTTP on loopback (a free port unless told), where `zuora-multi-entity/testing`
   * resolves to its Node build (Node, Bun, Deno); elsewhere it rejects, saying what to import.
   *
   * @deprecated Use `listen(standIn, options)` from `zuora-multi-entity/testing/node`, which says in its import that
   * it needs `node:http`; this method goes in the next minor version.
   */
  listen(options?: ListenOptions): Promise<ListeningStandIn>;
  /**
   * Starts over: one provisioned global entity, no connections, no saved idempotency keys, faults or tokens, and a
   * fresh rate window.
   */
  reset(): void;
  /**
   * Adds entities (parents first), connections in any status, users, products and OAuth clients, bypassing the
   * API's rules.
   *
   * @param seed - What to add; each list may be left out.
   * @returns A copy of the whole tenant once seeded, as {@link StandIn.state} gives it.
   */
  seed(seed: TenantSeed): TenantSnapshot;
  /** A copy of every entity, connection, user and product. */
  state(): TenantSnapshot;
  /**
   * Adds a seed by names, in the hierarchy file's shape (`{ entities: { EMEA: { parent: "Global" } } }`), bypassing
   * the API's rules but keeping the hierarchy sound.
   *
   * @returns The whole tenant by names, as {@link StandIn.stateByName} gives it.
   * @throws SeedError (a TypeError) listing every problem of the seed, of which nothing was then added.
   */
  seedByName(seed: TenantByName): TenantStateByName;
  /** The whole tenant by names, IDs included, in the hierarchy file's shape (what `GET /__stand-in/state` answers). */
  stateByName(): TenantStateByName;
  /**
   * Replaces the tenant with `state` (a whole tenant by names, as {@link StandIn.stateByName} gave it): what a saved
   * state is loaded with. Faults, saved idempotency keys and issued tokens are kept; `reset()` still starts over from
   * the options.
   *
   * @returns The tenant by names, as now held.
   * @throws SeedError listing every problem of the state; the tenant is then left as it was.
   */
  restore(state: TenantByName): TenantStateByName;
  /** The ID of the global entity. */
  readonly globalEntityId: string;
  /**
   * Arms a failure for the next request that fits the plan (any operation, or the one named).
   *
   * @param plan - The failure (a status from 400 to 599, a dropped connection, ...) and the operation it waits for.
   * @throws TypeError for a plan that cannot be met (an unknown operation, a status outside 400 to 599).
   */
  failNext(plan: FaultPlan): void;
  /**
   * The requests handled since the start or the last `reset()`, oldest first (copies): the latest 100,000 at least
   * (a long-lived stand-in forgets older ones, so its log stays bounded).
   */
  requests(): HandledRequest[];
  /** Makes every token issued by `POST /oauth/token` so far expired (with `auth: { tokens: "issued" }`). */
  expireTokens(): void;
}

/** Serves a fetch-style handler over HTTP (Node's server, in `./node.ts`). */
export type Serve = (
  handler: (request: Request) => Promise<Response>,
  options?: ListenOptions,
) => Promise<ListeningStandIn>;

/** What the deprecated `standIn.listen()` does where `zuora-multi-entity/testing` has no server (browsers, workers). */
const noServer: Serve = () =>
  Promise.reject(
    new Error(
      'standIn.listen() needs node:http, which this build of zuora-multi-entity/testing leaves out so that it bundles for browsers and workers: on Node, Bun or Deno, use listen(standIn) from "zuora-multi-entity/testing/node"',
    ),
  );

/**
 * Creates a stand-in for a Zuora Multi-entity tenant, in memory (options it could not work with are refused at once,
 * with a TypeError or RangeError naming the option): entities are created, provisioned, updated and
 * deleted, connections initiated, accepted, denied and disconnected, users given access to other entities, and
 * products shared, by Zuora's rules, with Zuora's answers (a broken rule is HTTP 200 with `success: false` and an
 * 8-digit reason code). It starts with one provisioned global entity and the user `admin`, who can access and
 * administers all. Each operation admits the callers Zuora's permissions admit: a token issued to one of
 * `oauthClients` acts as its user; any other token acts as an administrator of the entity the call runs in (the
 * global entity unless `Zuora-Entity-Ids` names another).
 *
 * @param options - How the tenant starts (`tenantId`, `global`, `users`, `oauthClients`) and how it answers (`auth`,
 * `limits`, `latencyMs` in ms, `maxBodyBytes` in bytes); every one has a default, so `createStandIn()` is a working
 * tenant.
 * @returns The stand-in: give `standIn.fetch` to the client as its `fetch`; `seed`, `state`, `failNext`, `requests`
 * and `reset` drive and read it from a test.
 * @throws An error naming the option when an option cannot work (a negative `latencyMs`, a `maxBodyBytes` below 1),
 * before anything is created.
 * @see `listen(standIn)` from `zuora-multi-entity/testing/node`, to serve the same tenant over HTTP; the README's
 * "Testing your code".
 * @example
 * ```ts
 * const zuora = createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: "any-token", fetch: createStandIn().fetch });
 * ```
 */
export function createStandIn(options: StandInOptions = {}): StandIn {
  return standInServedBy(noServer, options);
}

/** {@link createStandIn}, with `serve` behind the deprecated `standIn.listen()`. */
export function standInServedBy(serve: Serve, options: StandInOptions = {}): StandIn {
  checkStandInOptions(options);
  const { latencyMs = 0 } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let tenant = new Tenant(options);
  const auth = new Authenticator(options.auth);
  const idempotency = new IdempotencyStore();
  const faults = new Faults();
  const log: HandledRequest[] = [];
  const parts = {
    tenant: () => tenant,
    auth,
    idempotency,
    faults,
    log,
    limits: new TenantLimits(options.limits),
    latencyMs,
    maxBodyBytes,
  };

  const standIn: StandIn = {
    async fetch(input, init) {
      const request = incomingRequest(input, init);
      if (request.signal?.aborted) {
        await discardBody(request);
        throw request.signal.reason;
      }
      if (request.url.pathname.startsWith(CONTROL_PREFIX)) {
        return control(standIn, request, maxBodyBytes * CONTROL_BODY_FACTOR);
      }
      return handleRequest(parts, request);
    },
    listen: (listenOptions) => serve((request) => standIn.fetch(request), listenOptions),
    reset() {
      tenant = new Tenant(options);
      auth.reset();
      idempotency.reset();
      faults.reset();
      log.length = 0;
      parts.limits = new TenantLimits(options.limits);
    },
    seed: (seed) => tenant.seed(seed),
    state: () => tenant.snapshot(),
    seedByName(seed) {
      tenant.seedByName(seed);
      return tenant.stateByName();
    },
    stateByName: () => tenant.stateByName(),
    restore(state) {
      tenant = Tenant.restored(options, state);
      return tenant.stateByName();
    },
    get globalEntityId() {
      return tenant.entities.globalId;
    },
    failNext: (plan) => faults.arm(plan),
    requests: () => log.map((r) => ({ ...r })),
    expireTokens: () => auth.expireAll(),
  };
  return standIn;
}
