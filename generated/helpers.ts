// Generated from openapi/multi-entity.yaml by `npm run generate`. DO NOT EDIT BY HAND.
// Change the spec and run the command again; `npm run check:generated` (run in CI) fails when this file
// and the spec drift apart.

import type { operations } from "./schema.js";

/** What one helper is made of, as the client derives it from the schema's types for each operation. */
export interface HelperParts {
  /** The path parameters' values, by their names in the path. */
  path: Record<string, unknown>;
  /** The request body. */
  body: unknown;
  /** The query values. */
  query: unknown;
  /** The per-call options. */
  options: unknown;
  /** What the helper returns. */
  result: unknown;
}

/** What one pager is made of: the list operation's query values less the page number, options and result. */
export interface PagerParts {
  /** The query values. */
  query: unknown;
  /** The per-call options. */
  options: unknown;
  /** What the pager returns. */
  result: unknown;
}

/**
 * One helper per operation of the spec, named by its operationId, documented from the spec: call it on the client
 * (`zuora.getEntity(entityId)`). Path parameters come first, in the order of the path, then the body, then query
 * values, then per-call options.
 */
export interface OperationHelpers<T extends { [K in keyof operations]: HelperParts }> {
  /**
   * Multi-entity: List entities
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Lists the entities of the hierarchy with their details: the provisioned ones, the unprovisioned ones, or
   * both when `provisioned` is left out. The answer is one list; this operation takes no page parameters.
   *
   * **Who may call (Zuora's "User Access Permission"):** any user of an entity.
   *
   * @param query - Query values, each optional (left out or `undefined`, it is not sent). `provisioned`: `true` lists the provisioned entities, `false` the unprovisioned ones; left out, both.
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/GET_Entities | Zuora API reference: Multi-entity: List entities}
   * @example
   * ```ts
   * const result = await zuora.listEntities({ provisioned: true });
   * ```
   */
  listEntities(query?: T["listEntities"]["query"], options?: T["listEntities"]["options"]): T["listEntities"]["result"];
  /**
   * Multi-entity: Create an entity
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Adds an entity to the hierarchy, under the parent the body names.
   *
   * **Who may call (Zuora's "User Access Permission"):** an administrator of the global entity.
   *
   * **Note:** an administrator of the global entity sees, by default, only the entities that administrator
   * created; Zuora therefore advises one administrator for the whole hierarchy.
   *
   * @param body - An entity to create under `parentId`. The request body, sent as JSON: required `locale`, `name`, `parentId`, `timezone`; optional `displayName`. Checked against the spec before it is sent.
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId`, `entityIds`, and `idempotencyKey` (defaults to a new UUID, reused by every retry of the call).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/POST_Entities | Zuora API reference: Multi-entity: Create an entity}
   * @example
   * ```ts
   * const result = await zuora.createEntity({ displayName: "Acme-Asia", locale: "zh_CN", name: "Acme-Asia", parentId: "8a808255557baba1015580e12fa5083a", timezone: "Asia/Harbin" });
   * ```
   */
  createEntity(body: T["createEntity"]["body"], options?: T["createEntity"]["options"]): T["createEntity"]["result"];
  /**
   * Multi-entity: Retrieve an entity
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Retrieves the details of one entity.
   *
   * **Who may call (Zuora's "User Access Permission"):** any user of an entity.
   *
   * @param entityId - The ID of the entity, as {@link OperationHelpers.listEntities | List entities} returns it. Sent as `{id}` in the path (at most 32 characters; one or more letters A–Z and a–z, digits 0–9 or hyphens).
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/GET_EntityById | Zuora API reference: Multi-entity: Retrieve an entity}
   * @example
   * ```ts
   * const result = await zuora.getEntity("8a80825555a3c7a10155b460f53858e6");
   * ```
   */
  getEntity(entityId: T["getEntity"]["path"]["id"], options?: T["getEntity"]["options"]): T["getEntity"]["result"];
  /**
   * Multi-entity: Update an entity
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Edits the name, display name, locale and time zone of an entity. Send only the fields to change.
   *
   * **Who may call (Zuora's "User Access Permission"):** an administrator of the global entity.
   *
   * **Rules:**
   * - The locale and the time zone of a provisioned entity cannot be edited through the REST API.
   * - The display name of the global entity cannot be edited.
   * - An entity's parent cannot be changed (Zuora does not restructure a hierarchy), nor its status but by
   *   provisioning: *Inferred:* a `parentId` or `status` in the body is a field this operation does not take,
   *   refused as an unknown field (category 21).
   *
   * A request that breaks a rule is refused with a business failure.
   *
   * @param entityId - The ID of the entity, as {@link OperationHelpers.listEntities | List entities} returns it. Sent as `{id}` in the path (at most 32 characters; one or more letters A–Z and a–z, digits 0–9 or hyphens).
   * @param body - The fields of the entity to change; leave out the ones to keep. The locale and time zone of a provisioned entity, and the display name of the global entity, cannot be changed. The request body, sent as JSON: optional `displayName`, `locale`, `name`, `timezone`. Checked against the spec before it is sent.
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/PUT_Entities | Zuora API reference: Multi-entity: Update an entity}
   * @example
   * ```ts
   * const result = await zuora.updateEntity("8a80825555a3c7a10155b460f53858e6", { displayName: "Acme-Italy", locale: "en_GB", name: "Acme-Italy", timezone: "Europe/Rome" });
   * ```
   */
  updateEntity(entityId: T["updateEntity"]["path"]["id"], body: T["updateEntity"]["body"], options?: T["updateEntity"]["options"]): T["updateEntity"]["result"];
  /**
   * Multi-entity: Delete an entity
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Removes an entity, and every entity under it, from the hierarchy.
   *
   * **Who may call (Zuora's "User Access Permission"):** an administrator of the global entity.
   *
   * **Rules:** Only unprovisioned entities can be removed; removing a provisioned entity is refused with a
   * business failure.
   *
   * @param entityId - The ID of the entity, as {@link OperationHelpers.listEntities | List entities} returns it. Sent as `{id}` in the path (at most 32 characters; one or more letters A–Z and a–z, digits 0–9 or hyphens).
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/DELETE_Entities | Zuora API reference: Multi-entity: Delete an entity}
   * @example
   * ```ts
   * const result = await zuora.deleteEntity("8a80825555a3c7a10155b460f53858e6");
   * ```
   */
  deleteEntity(entityId: T["deleteEntity"]["path"]["id"], options?: T["deleteEntity"]["options"]): T["deleteEntity"]["result"];
  /**
   * Multi-entity: Provision an entity
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Provisions an entity: its status moves from `Unprovisioned` to `Provisioned`, once and for all.
   *
   * **Who may call (Zuora's "User Access Permission"):** an administrator of the global entity.
   *
   * **Rules:**
   * - An entity can be provisioned only when its parent entity is provisioned.
   * - Provisioning cannot be undone, and a provisioned entity cannot be removed from the hierarchy: put the
   *   entity in its right place before provisioning it.
   * - After provisioning, the entity's locale and time zone can no longer be edited through the REST API.
   *
   * *Retried without a key:* Zuora keys only POST and PATCH, so when an attempt's answer is lost and the call is
   * sent again, the repeat may be refused (the entity is already provisioned) although the first attempt
   * succeeded. The client says so on the error it throws (`mayHaveActed`).
   *
   * @param entityId - The ID of the entity, as {@link OperationHelpers.listEntities | List entities} returns it. Sent as `{id}` in the path (at most 32 characters; one or more letters A–Z and a–z, digits 0–9 or hyphens).
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/PUT_ProvisionEntity | Zuora API reference: Multi-entity: Provision an entity}
   * @example
   * ```ts
   * const result = await zuora.provisionEntity("8a80825555a3c7a10155b460f53858e6");
   * ```
   */
  provisionEntity(entityId: T["provisionEntity"]["path"]["id"], options?: T["provisionEntity"]["options"]): T["provisionEntity"]["result"];
  /**
   * Multi-entity: List the entities a user can access
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Lists, with their details, every entity that the user `username` has permission to access. The answer is
   * one list; this operation takes no page parameters.
   *
   * **Who may call (Zuora's "User Access Permission"):** any user of an entity.
   *
   * @param username - The user's login name. Sent as `{username}` in the path (at least 1 character; a name other than . and ..).
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/GET_EntitiesUserAccessible | Zuora API reference: Multi-entity: List the entities a user can access}
   * @example
   * ```ts
   * const result = await zuora.listAccessibleEntities("jane.doe@example.com");
   * ```
   */
  listAccessibleEntities(username: T["listAccessibleEntities"]["path"]["username"], options?: T["listAccessibleEntities"]["options"]): T["listAccessibleEntities"]["result"];
  /**
   * Multi-entity: Send user access requests
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Asks, for the user `username`, access to each entity in `targetEntityIds`. Each request waits, pending,
   * until an administrator of that entity accepts it ({@link OperationHelpers.acceptUserAccess | Accept user access}) or
   * denies it ({@link OperationHelpers.denyUserAccess | Deny user access}); once accepted, the entity is listed by
   * {@link OperationHelpers.listAccessibleEntities | List the entities a user can access}. A request to an entity the
   * sending administrator also administers is accepted at once.
   *
   * **Who may call (Zuora's "User Access Permission"):** an administrator of the user's home entity (where the
   * user was created) who can also reach every entity the user asks for.
   *
   * **Rules:** An entity is not set up until it is provisioned: *Inferred:* asking access to an unprovisioned
   * entity is refused with a business failure. *Inferred:* an unknown user or entity is refused as not found;
   * asking for an entity the user can already access, or already has a pending request for, is refused with a
   * business failure.
   *
   * @param username - The user's login name. Sent as `{username}` in the path (at least 1 character; a name other than . and ..).
   * @param body - The entities a user asks to access. The request body, sent as JSON: required `targetEntityIds`. Checked against the spec before it is sent.
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/PUT_SendUserAccessRequests | Zuora API reference: Multi-entity: Send user access requests}
   * @example
   * ```ts
   * const result = await zuora.requestUserAccess("jane.doe@example.com", { targetEntityIds: ["8a80825555a3c7a10155b46120d058e7", "8a80825556ff28a4015708b93df82ba7"] });
   * ```
   */
  requestUserAccess(username: T["requestUserAccess"]["path"]["username"], body: T["requestUserAccess"]["body"], options?: T["requestUserAccess"]["options"]): T["requestUserAccess"]["result"];
  /**
   * Multi-entity: Accept user access
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Accepts the pending access request of the user `username` to the entity the call is made in: from then
   * on, {@link OperationHelpers.listAccessibleEntities | List the entities a user can access} includes that entity.
   *
   * **Who may call (Zuora's "User Access Permission"):** an administrator of the entity the access is for. The
   * entity is named neither in the path nor in a body: it is the one the call runs in, which the
   * token gives, or `Zuora-Entity-Ids` when the token is valid for more than one entity.
   *
   * **Rules:** *Inferred:* only a pending request can be accepted; accepting when the user has none for the
   * entity is refused with a business failure.
   *
   * @param username - The user's login name. Sent as `{username}` in the path (at least 1 character; a name other than . and ..).
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/PUT_AcceptUserAccess | Zuora API reference: Multi-entity: Accept user access}
   * @example
   * ```ts
   * const result = await zuora.acceptUserAccess("jane.doe@example.com");
   * ```
   */
  acceptUserAccess(username: T["acceptUserAccess"]["path"]["username"], options?: T["acceptUserAccess"]["options"]): T["acceptUserAccess"]["result"];
  /**
   * Multi-entity: Deny user access
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Denies the user `username` access to the entity the call is made in: a pending request (the user gains no
   * access; *Inferred:* the request is dropped, and the user's home entity may ask again), or an access the user
   * already has, which is taken away.
   *
   * **Who may call (Zuora's "User Access Permission"):** an administrator of the entity the access is for,
   * which is chosen as for {@link OperationHelpers.acceptUserAccess | Accept user access}.
   *
   * **Rules:** *Inferred:* denying a user with neither access nor a pending request to the entity, or denying
   * the entity the user was created in, is refused with a business failure.
   *
   * @param username - The user's login name. Sent as `{username}` in the path (at least 1 character; a name other than . and ..).
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/PUT_DenyUserAccess | Zuora API reference: Multi-entity: Deny user access}
   * @example
   * ```ts
   * const result = await zuora.denyUserAccess("jane.doe@example.com");
   * ```
   */
  denyUserAccess(username: T["denyUserAccess"]["path"]["username"], options?: T["denyUserAccess"]["options"]): T["denyUserAccess"]["result"];
  /**
   * Multi-entity: List connections
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Lists the connections of the entity named in `Zuora-Entity-Ids`: the connections to it (`inbound`), from
   * it (`outbound`), or both when `type` is left out. The list comes in pages of `pageSize` connections;
   * `nextPage` is present while there is a page after this one.
   *
   * **Who may call (Zuora's "User Access Permission"):** any user of an entity.
   *
   * @param query - Query values, each optional (left out or `undefined`, it is not sent). `type` (one of `inbound`, `outbound`): `inbound` lists the connections to the entity, `outbound` the connections from it; left out, both. `page` (at least 1; Zuora's default 1): The number of the page to return, from 1. Pages are `pageSize` connections long: with `pageSize` 20, page 2 holds the 21st to the 40th connection. `pageSize` (from 1 to 300; Zuora's default 30): The number of connections in a page, at most 300.
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/GET_EntityConnections | Zuora API reference: Multi-entity: List connections}
   * @example
   * ```ts
   * const result = await zuora.listConnections({ type: "inbound", page: 2, pageSize: 30 });
   * ```
   */
  listConnections(query?: T["listConnections"]["query"], options?: T["listConnections"]["options"]): T["listConnections"]["result"];
  /**
   * Multi-entity: Initiate a connection request
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Asks for a connection from the entity the call runs in (the source) to the target entity the body names.
   *
   * **Who may call (Zuora's "User Access Permission"):** an administrator of the source entity who can also
   * reach the target entity.
   *
   * @param body - The target of a connection request from the caller's (source) entity. The request body, sent as JSON: required `targetEntityId`. Checked against the spec before it is sent.
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId`, `entityIds`, and `idempotencyKey` (defaults to a new UUID, reused by every retry of the call).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/POST_EntityConnections | Zuora API reference: Multi-entity: Initiate a connection request}
   * @example
   * ```ts
   * const result = await zuora.initiateConnection({ targetEntityId: "8a80825556ff28a4015708ba29312ecc" });
   * ```
   */
  initiateConnection(body: T["initiateConnection"]["body"], options?: T["initiateConnection"]["options"]): T["initiateConnection"]["result"];
  /**
   * Multi-entity: Accept a connection request
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Accepts a connection request, so that the connection becomes `Connected`.
   *
   * **Who may call (Zuora's "User Access Permission"):** an entity administrator. *Inferred:* of the target
   * entity, which receives the request; Zuora's reference does not say which.
   *
   * **Rules:** *Inferred:* only a `Pending` request can be accepted; accepting it again is refused with a
   * business failure.
   *
   * @param connectionId - The ID of the connection, as {@link OperationHelpers.listConnections | List connections} or {@link OperationHelpers.initiateConnection | Initiate a connection request} returns it. Sent as `{connection-id}` in the path (at most 32 characters; one or more letters A–Z and a–z, digits 0–9 or hyphens).
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/PUT_EntityConnectionsAccept | Zuora API reference: Multi-entity: Accept a connection request}
   * @example
   * ```ts
   * const result = await zuora.acceptConnection("8a808255575bdae401576a914a140420");
   * ```
   */
  acceptConnection(connectionId: T["acceptConnection"]["path"]["connection-id"], options?: T["acceptConnection"]["options"]): T["acceptConnection"]["result"];
  /**
   * Multi-entity: Deny a connection request
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Denies a connection request.
   *
   * **Who may call (Zuora's "User Access Permission"):** an entity administrator. *Inferred:* of the target
   * entity; Zuora's reference does not say which.
   *
   * **Note:** Zuora's reference documents no status for a denied request (its statuses are `Connected`,
   * `Pending` and `Disconnected`), so this contract does not say what a denied request becomes in
   * {@link OperationHelpers.listConnections | List connections}.
   *
   * @param connectionId - The ID of the connection, as {@link OperationHelpers.listConnections | List connections} or {@link OperationHelpers.initiateConnection | Initiate a connection request} returns it. Sent as `{connection-id}` in the path (at most 32 characters; one or more letters A–Z and a–z, digits 0–9 or hyphens).
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/PUT_EntityConnectionsDeny | Zuora API reference: Multi-entity: Deny a connection request}
   * @example
   * ```ts
   * const result = await zuora.denyConnection("8a808255575bdae401576a914a140420");
   * ```
   */
  denyConnection(connectionId: T["denyConnection"]["path"]["connection-id"], options?: T["denyConnection"]["options"]): T["denyConnection"]["result"];
  /**
   * Multi-entity: Disconnect a connection
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Disconnects an established connection, so that it becomes `Disconnected`.
   *
   * **Who may call (Zuora's "User Access Permission"):** an administrator of either end, the source entity or
   * the target.
   *
   * **Warning:** If objects were shared from the global entity to the target entity, disconnecting breaks the
   * mapping between the two entities, and the mapping cannot be recovered later.
   *
   * @param connectionId - The ID of the connection, as {@link OperationHelpers.listConnections | List connections} or {@link OperationHelpers.initiateConnection | Initiate a connection request} returns it. Sent as `{connection-id}` in the path (at most 32 characters; one or more letters A–Z and a–z, digits 0–9 or hyphens).
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/PUT_EntityConnectionsDisconnect | Zuora API reference: Multi-entity: Disconnect a connection}
   * @example
   * ```ts
   * const result = await zuora.disconnectConnection("8a808255575bdae401576a914a140420");
   * ```
   */
  disconnectConnection(connectionId: T["disconnectConnection"]["path"]["connection-id"], options?: T["disconnectConnection"]["options"]): T["disconnectConnection"]["result"];
  /**
   * Multi-entity: Share a product with an entity
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Shares a catalog product of the calling (source) entity with a target entity; Zuora then synchronizes the
   * product to the target entity. Only the global entity can be a source of shared products.
   *
   * **Who may call (Zuora's "User Access Permission"):** an administrator of the source entity, the one whose
   * products are shared.
   *
   * **Rules:**
   * - The prerequisites of product sharing must be finished first, among them a connection from the source
   *   entity to the target entity ({@link OperationHelpers.acceptConnection | Accept a connection request}).
   * - A product is shared with a single entity per request: `toEntityIds` holds exactly one ID, and a request naming
   *   more is refused.
   * - *Inferred:* a call made in another entity than the global entity is refused as permission denied; a
   *   product of another entity is not found; sharing it again with an entity it is already shared with is
   *   refused with a business failure. Disconnecting breaks what was shared: it may then be shared anew.
   *
   * **Note:** Zuora's reference shows a sample body with `targetEntityIds`, but its schema declares and
   * requires `toEntityIds`; this contract follows the schema.
   *
   * @param productId - The ID of the product to share, such as `8a808255575bdae4015774e9602e16fe`. Sent as `{product-id}` in the path (at least 1 character; a value other than . and ..).
   * @param body - The entity to share a product with. Zuora's reference names the field `toEntityIds` in its schema and `targetEntityIds` in its sample; the schema is followed here. The request body, sent as JSON: required `toEntityIds`. Checked against the spec before it is sent.
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId`, `entityIds`, and `idempotencyKey` (defaults to a new UUID, reused by every retry of the call).
   * @returns The success body (Zuora's answer with `success: true`). `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/POST_Catalog | Zuora API reference: Multi-entity: Share a product with an entity}
   * @example
   * ```ts
   * const result = await zuora.shareProduct("8a808255575bdae4015774e9602e16fe", { toEntityIds: ["8a80825555a3c7a10155b460f53858e6"] });
   * ```
   */
  shareProduct(productId: T["shareProduct"]["path"]["product-id"], body: T["shareProduct"]["body"], options?: T["shareProduct"]["options"]): T["shareProduct"]["result"];
  /**
   * Create an OAuth token
   *
   * Exchanges OAuth client credentials (created in Zuora for an API user) for a bearer token that
   * authenticates the Multi-entity operations. The token is valid for `expires_in` seconds. This operation
   * takes no bearer token itself. It counts towards the tenant's authentication rate limit, not the API rate
   * limit, and is not bound by the concurrency limit.
   *
   * @param body - OAuth 2.0 client-credentials grant. The request body, sent as `application/x-www-form-urlencoded`: required `client_id`, `client_secret`, `grant_type`. Checked against the spec before it is sent.
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns The 200 body. `.withResponse()` gives the same body with the HTTP response, `Zuora-Request-Id`, attempts and rate-limit headers.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraAuthenticationError when Zuora refuses the client credentials
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @see {@link https://developer.zuora.com/v1-api-reference/api/operation/createToken | Zuora API reference: Create an OAuth token}
   * @example
   * ```ts
   * const result = await zuora.createToken({ client_id: "5f3d2a8c-1b4e-4c8f-9a6d-7e2b1c0f9a3d", client_secret: "example-client-secret", grant_type: "client_credentials" });
   * ```
   */
  createToken(body: T["createToken"]["body"], options?: T["createToken"]["options"]): T["createToken"]["result"];
}

/** One iterator per paginated operation (its `x-pagination` helper), over every item of every page. */
export interface PagerHelpers<T extends { listConnections: PagerParts }> {
  /**
   * Multi-entity: List connections: every item of every page.
   *
   * Walks {@link OperationHelpers.listConnections | listConnections} page after page, from the first page, and yields each item of `entityConnections` in turn, asking for the next page while `nextPage` is present. Every page is one call with the same query values and options; breaking out of the loop sends no further call, and an abort rejects the page in flight.
   *
   * **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
   *
   * Lists the connections of the entity named in `Zuora-Entity-Ids`: the connections to it (`inbound`), from
   * it (`outbound`), or both when `type` is left out. The list comes in pages of `pageSize` connections;
   * `nextPage` is present while there is a page after this one.
   *
   * **Who may call (Zuora's "User Access Permission"):** any user of an entity.
   *
   * @param query - Query values, each optional (left out or `undefined`, it is not sent). `type` (one of `inbound`, `outbound`): `inbound` lists the connections to the entity, `outbound` the connections from it; left out, both. `pageSize` (from 1 to 300; Zuora's default 30): The number of connections in a page, at most 300. The page number is the walk's own.
   * @param options - Per-call options, each overriding the client's default for this call only: `timeoutMs` (per attempt, in ms), `maxRetries`, `signal` (an abort rejects the call with the signal's reason), `trackId` and `entityIds` (no `idempotencyKey`: Zuora keys only POST and PATCH).
   * @returns An async iterable of every item of `entityConnections`, in the order of the pages.
   * @throws ZuoraValidationError before anything is sent, when an argument or option breaks the spec's rules; it names the field and the rule
   * @throws ZuoraBusinessError when Zuora answers HTTP 200 with `success: false`; `reasons` holds its codes
   * @throws ZuoraAuthenticationError on HTTP 401 (after one token refresh when the client holds OAuth credentials), or when the token request is refused
   * @throws ZuoraRateLimitError on HTTP 429 once the retries are spent; `retryAfterMs` says how long Zuora asked to wait
   * @throws ZuoraServerError on HTTP 5xx once the retries are spent
   * @throws ZuoraTimeoutError when the last attempt had no answer within `timeoutMs`
   * @throws ZuoraConnectionError when no attempt had a usable answer (connection refused or dropped, body cut off)
   * @throws ZuoraApiError on any other answer (400, 403, 404, 409, ...); every error above but the first extends it
   * @throws ZuoraApiError also when a page's items are not a list, or repeat those of an earlier page (the walk stops)
   * @see {@link https://developer.zuora.com/v1-api-reference/older-api/operation/GET_EntityConnections | Zuora API reference: Multi-entity: List connections}
   * @example
   * ```ts
   * for await (const entityConnection of zuora.allConnections({ type: "inbound", pageSize: 30 })) console.log(entityConnection);
   * ```
   */
  allConnections(query?: T["listConnections"]["query"], options?: T["listConnections"]["options"]): T["listConnections"]["result"];
}
