// Generated from openapi/multi-entity.yaml by `npm run generate`. DO NOT EDIT BY HAND.
// Change the spec and run the command again; `npm run check:generated` (run in CI) fails when this file
// and the spec drift apart.

export interface paths {
    "/v1/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Multi-entity: List entities
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Lists the entities of the hierarchy with their details: the provisioned ones, the unprovisioned ones, or
         *     both when `provisioned` is left out. The answer is one list; this operation takes no page parameters.
         *
         *     **Who may call (Zuora's "User Access Permission"):** any user of an entity.
         */
        get: operations["listEntities"];
        put?: never;
        /**
         * Multi-entity: Create an entity
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Adds an entity to the hierarchy, under the parent the body names.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an administrator of the global entity.
         *
         *     **Note:** an administrator of the global entity sees, by default, only the entities that administrator
         *     created; Zuora therefore advises one administrator for the whole hierarchy.
         */
        post: operations["createEntity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Multi-entity: Retrieve an entity
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Retrieves the details of one entity.
         *
         *     **Who may call (Zuora's "User Access Permission"):** any user of an entity.
         */
        get: operations["getEntity"];
        /**
         * Multi-entity: Update an entity
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Edits the name, display name, locale and time zone of an entity. Send only the fields to change.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an administrator of the global entity.
         *
         *     **Rules:**
         *     - The locale and the time zone of a provisioned entity cannot be edited through the REST API.
         *     - The display name of the global entity cannot be edited.
         *     - An entity's parent cannot be changed (Zuora does not restructure a hierarchy), nor its status but by
         *       provisioning: *Inferred:* a `parentId` or `status` in the body is a field this operation does not take,
         *       refused as an unknown field (category 21).
         *
         *     A request that breaks a rule is refused with a business failure.
         */
        put: operations["updateEntity"];
        post?: never;
        /**
         * Multi-entity: Delete an entity
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Removes an entity, and every entity under it, from the hierarchy.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an administrator of the global entity.
         *
         *     **Rules:** Only unprovisioned entities can be removed; removing a provisioned entity is refused with a
         *     business failure.
         */
        delete: operations["deleteEntity"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entities/{id}/provision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Multi-entity: Provision an entity
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Provisions an entity: its status moves from `Unprovisioned` to `Provisioned`, once and for all.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an administrator of the global entity.
         *
         *     **Rules:**
         *     - An entity can be provisioned only when its parent entity is provisioned.
         *     - Provisioning cannot be undone, and a provisioned entity cannot be removed from the hierarchy: put the
         *       entity in its right place before provisioning it.
         *     - After provisioning, the entity's locale and time zone can no longer be edited through the REST API.
         *
         *     *Retried without a key:* Zuora keys only POST and PATCH, so when an attempt's answer is lost and the call is
         *     sent again, the repeat may be refused (the entity is already provisioned) although the first attempt
         *     succeeded. The client says so on the error it throws (`mayHaveActed`).
         */
        put: operations["provisionEntity"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{username}/accessible-entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Multi-entity: List the entities a user can access
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Lists, with their details, every entity that the user `username` has permission to access. The answer is
         *     one list; this operation takes no page parameters.
         *
         *     **Who may call (Zuora's "User Access Permission"):** any user of an entity.
         */
        get: operations["listAccessibleEntities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{username}/request-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Multi-entity: Send user access requests
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Asks, for the user `username`, access to each entity in `targetEntityIds`. Each request waits, pending,
         *     until an administrator of that entity accepts it ([Accept user access](#operation/acceptUserAccess)) or
         *     denies it ([Deny user access](#operation/denyUserAccess)); once accepted, the entity is listed by
         *     [List the entities a user can access](#operation/listAccessibleEntities). A request to an entity the
         *     sending administrator also administers is accepted at once.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an administrator of the user's home entity (where the
         *     user was created) who can also reach every entity the user asks for.
         *
         *     **Rules:** An entity is not set up until it is provisioned: *Inferred:* asking access to an unprovisioned
         *     entity is refused with a business failure. *Inferred:* an unknown user or entity is refused as not found;
         *     asking for an entity the user can already access, or already has a pending request for, is refused with a
         *     business failure.
         */
        put: operations["requestUserAccess"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{username}/accept-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Multi-entity: Accept user access
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Accepts the pending access request of the user `username` to the entity the call is made in: from then
         *     on, [List the entities a user can access](#operation/listAccessibleEntities) includes that entity.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an administrator of the entity the access is for. The
         *     entity is named neither in the path nor in a body: it is the one the call runs in, which the
         *     token gives, or `Zuora-Entity-Ids` when the token is valid for more than one entity.
         *
         *     **Rules:** *Inferred:* only a pending request can be accepted; accepting when the user has none for the
         *     entity is refused with a business failure.
         */
        put: operations["acceptUserAccess"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{username}/deny-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Multi-entity: Deny user access
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Denies the user `username` access to the entity the call is made in: a pending request (the user gains no
         *     access; *Inferred:* the request is dropped, and the user's home entity may ask again), or an access the user
         *     already has, which is taken away.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an administrator of the entity the access is for,
         *     which is chosen as for [Accept user access](#operation/acceptUserAccess).
         *
         *     **Rules:** *Inferred:* denying a user with neither access nor a pending request to the entity, or denying
         *     the entity the user was created in, is refused with a business failure.
         */
        put: operations["denyUserAccess"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entity-connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Multi-entity: List connections
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Lists the connections of the entity named in `Zuora-Entity-Ids`: the connections to it (`inbound`), from
         *     it (`outbound`), or both when `type` is left out. The list comes in pages of `pageSize` connections;
         *     `nextPage` is present while there is a page after this one.
         *
         *     **Who may call (Zuora's "User Access Permission"):** any user of an entity.
         */
        get: operations["listConnections"];
        put?: never;
        /**
         * Multi-entity: Initiate a connection request
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Asks for a connection from the entity the call runs in (the source) to the target entity the body names.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an administrator of the source entity who can also
         *     reach the target entity.
         */
        post: operations["initiateConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entity-connections/{connection-id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Multi-entity: Accept a connection request
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Accepts a connection request, so that the connection becomes `Connected`.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an entity administrator. *Inferred:* of the target
         *     entity, which receives the request; Zuora's reference does not say which.
         *
         *     **Rules:** *Inferred:* only a `Pending` request can be accepted; accepting it again is refused with a
         *     business failure.
         */
        put: operations["acceptConnection"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entity-connections/{connection-id}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Multi-entity: Deny a connection request
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Denies a connection request.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an entity administrator. *Inferred:* of the target
         *     entity; Zuora's reference does not say which.
         *
         *     **Note:** Zuora's reference documents no status for a denied request (its statuses are `Connected`,
         *     `Pending` and `Disconnected`), so this contract does not say what a denied request becomes in
         *     [List connections](#operation/listConnections).
         */
        put: operations["denyConnection"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/entity-connections/{connection-id}/disconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Multi-entity: Disconnect a connection
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Disconnects an established connection, so that it becomes `Disconnected`.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an administrator of either end, the source entity or
         *     the target.
         *
         *     **Warning:** If objects were shared from the global entity to the target entity, disconnecting breaks the
         *     mapping between the two entities, and the mapping cannot be recovered later.
         */
        put: operations["disconnectConnection"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalog/products/{product-id}/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Multi-entity: Share a product with an entity
         * @description **Note:** Multi-entity is in Limited Availability: Zuora Global Support turns it on for a tenant on request.
         *
         *     Shares a catalog product of the calling (source) entity with a target entity; Zuora then synchronizes the
         *     product to the target entity. Only the global entity can be a source of shared products.
         *
         *     **Who may call (Zuora's "User Access Permission"):** an administrator of the source entity, the one whose
         *     products are shared.
         *
         *     **Rules:**
         *     - The prerequisites of product sharing must be finished first, among them a connection from the source
         *       entity to the target entity ([Accept a connection request](#operation/acceptConnection)).
         *     - A product is shared with a single entity per request: `toEntityIds` holds exactly one ID, and a request naming
         *       more is refused.
         *     - *Inferred:* a call made in another entity than the global entity is refused as permission denied; a
         *       product of another entity is not found; sharing it again with an entity it is already shared with is
         *       refused with a business failure. Disconnecting breaks what was shared: it may then be shared anew.
         *
         *     **Note:** Zuora's reference shows a sample body with `targetEntityIds`, but its schema declares and
         *     requires `toEntityIds`; this contract follows the schema.
         */
        post: operations["shareProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an OAuth token
         * @description Exchanges OAuth client credentials (created in Zuora for an API user) for a bearer token that
         *     authenticates the Multi-entity operations. The token is valid for `expires_in` seconds. This operation
         *     takes no bearer token itself. It counts towards the tenant's authentication rate limit, not the API rate
         *     limit, and is not bound by the concurrency limit.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An entity to create under `parentId`. */
        CreateEntityRequest: {
            /**
             * @description The name people see for the entity, in Zuora's UI and in API answers. Left out, it is the entity's
             *     `name`.
             */
            displayName?: string;
            /**
             * @description The entity's locale, such as `en_US`.
             * @example zh_CN
             */
            locale: string;
            /**
             * @description The entity's name: it identifies the entity, and no two entities of the hierarchy share one.
             *
             *     Zuora allows letters A–Z and a–z, digits 0–9, spaces, periods and hyphens in it, nothing else.
             *     *Inferred:* the name has at least one character.
             * @example Acme-Asia
             */
            name: string;
            /**
             * @description The ID of the entity the new one goes under; [List entities](#operation/listEntities) gives the IDs.
             * @example 8a808255557baba1015580e12fa5083a
             */
            parentId: string;
            /**
             * @description The entity's time zone, an IANA name such as `America/Los_Angeles`.
             * @example Asia/Harbin
             */
            timezone: string;
        };
        /**
         * @description The created entity. *Inferred:* `id`, `name`, `status` and `success` are required; the other fields are
         *     in Zuora's sample.
         */
        CreateEntityResponse: {
            /** @description The ID of the entity. */
            id: string;
            /** @description The name of the entity. */
            name: string;
            /** @description The display name of the entity. */
            displayName?: string;
            /** @description The entity's locale, such as `en_US`. */
            locale?: string;
            /** @description The entity's time zone, an IANA name such as `America/Los_Angeles`. */
            timezone?: string;
            /**
             * @description The status of the entity; a new entity is `Unprovisioned` until it is provisioned.
             * @enum {string}
             */
            status: "Provisioned" | "Unprovisioned";
            /** @description The ID of the parent entity. */
            parentId?: string;
            /** @description The ID of the entity's tenant. */
            tenantId?: string;
            /**
             * @description `true`: Zuora did what the request asked.
             * @constant
             */
            success: true;
        };
        /** @description The target of a connection request from the caller's (source) entity. */
        InitiateConnectionRequest: {
            /**
             * @description The ID of the entity to connect to; [List entities](#operation/listEntities) gives the IDs.
             * @example 8a80825556ff28a4015708ba29312ecc
             */
            targetEntityId: string;
        };
        /** @description The initiated connection request. *Inferred:* `id` and `success` are required. */
        InitiateConnectionResponse: {
            /** @description The ID of the connection request. */
            id: string;
            /**
             * @description `true`: Zuora did what the request asked.
             * @constant
             */
            success: true;
        };
        /** @description The entities a user asks to access. */
        UserAccessRequest: {
            /**
             * @description The IDs of the entities the user asks to reach.
             *
             *     *Inferred:* at least one ID (Zuora's reference states no bound), and each ID at most 32 characters,
             *     as `targetEntityId` of a connection request is.
             * @example [
             *       "8a80825555a3c7a10155b46120d058e7",
             *       "8a80825556ff28a4015708b93df82ba7"
             *     ]
             */
            targetEntityIds: string[];
        };
        /**
         * @description The entity to share a product with. Zuora's reference names the field `toEntityIds` in its schema and
         *     `targetEntityIds` in its sample; the schema is followed here.
         */
        ShareProductRequest: {
            /**
             * @description The entity to share the product with: exactly one ID, since Zuora shares a product with a single entity
             *     per request and refuses a request naming more.
             *
             *     *Inferred:* each ID at most 32 characters, as `targetEntityId` of a connection request is.
             * @example [
             *       "8a80825555a3c7a10155b460f53858e6"
             *     ]
             */
            toEntityIds: string[];
        };
        /** @description The product was shared. */
        ShareProductResponse: {
            /** @description Zuora's internal ID of the process that handles the sharing. */
            processId?: string;
            /**
             * @description `true`: Zuora did what the request asked.
             * @constant
             */
            success: true;
        };
        /** @description A request Zuora received and refused, answered with HTTP 200: read `success`, not the status code. */
        BusinessFailure: {
            /**
             * @description Always `false` on a business failure.
             * @constant
             */
            success: false;
            /** @description Zuora's internal ID of the request, for Zuora Global Support. */
            processId?: string;
            reasons: components["schemas"]["FailureReason"][];
        };
        FailureReason: {
            code: components["schemas"]["ReasonCode"];
            /** @description What went wrong, in words. */
            message: string;
        };
        /**
         * @description An 8-digit error code: a 6-digit REST resource code followed by a 2-digit error category code. Zuora's
         *     guides show it as a JSON number, Zuora's published OpenAPI document as a string; both are accepted.
         * @example 53100320
         * @example 53100320
         */
        ReasonCode: number | string;
        /**
         * @description The body of a non-2xx answer. *Inferred* from Zuora's error-handling, rate-limit and idempotency guides:
         *     Zuora answers with `reasons` (as in a business failure, though a 5xx may carry a symbolic code such as
         *     `SystemError`), with a bare `message` (as on a 401), or, from the token endpoint, with an OAuth 2.0
         *     `error` (RFC 6749).
         */
        ErrorResponse: {
            /**
             * @description Always `false` when present.
             * @constant
             */
            success?: false;
            /** @description Zuora's internal ID of the request, for Zuora Global Support. */
            processId?: string;
            reasons?: components["schemas"]["ErrorReason"][];
            /** @description What went wrong, in words. */
            message?: string;
            /** @description An OAuth 2.0 error code (token endpoint only). */
            error?: string;
            /** @description An OAuth 2.0 error description (token endpoint only). */
            error_description?: string;
        } | unknown | unknown | unknown;
        ErrorReason: {
            /** @description An 8-digit error code (see `ReasonCode`) or a symbolic code such as `SystemError`. */
            code: number | string;
            /** @description What went wrong, in words. */
            message: string;
        };
        /** @description OAuth 2.0 client-credentials grant. */
        CreateTokenRequest: {
            /** @description The client ID of the OAuth client created for an API user. */
            client_id: string;
            /**
             * Format: password
             * @description The client secret shown once when the OAuth client was created.
             */
            client_secret: string;
            /**
             * @description Always `client_credentials`.
             * @enum {string}
             */
            grant_type: "client_credentials";
        };
        CreateTokenResponse: {
            /** @description The bearer token to send as `Authorization: Bearer {access_token}`. */
            access_token: string;
            /** @description Always `bearer`. */
            token_type: string;
            /** @description Seconds until the token expires. */
            expires_in: number;
            /** @description Space-separated scopes, including the entities (`entity.{id}`) the token is valid for. */
            scope?: string;
            /** @description The token's unique identifier. */
            jti?: string;
        };
        /**
         * @description Whether the entity is provisioned. A new entity is `Unprovisioned`; provisioning makes it `Provisioned`,
         *     for good.
         *
         *     Closed on purpose: a status outside this list fails the contract verification (`npm start`), and adding a
         *     value is a breaking change of this contract (README, Versioning), because code that switches on the status
         *     would meet a value it does not handle.
         * @enum {string}
         */
        EntityStatus: "Provisioned" | "Unprovisioned";
        /**
         * @description An entity of the hierarchy. *Inferred:* `id`, `name` and `status` are required; the other fields are in
         *     every entity of Zuora's samples.
         */
        Entity: {
            /** @description The ID of the entity. */
            id: string;
            /** @description The name of the entity, unique in the hierarchy. */
            name: string;
            /** @description The display name of the entity. */
            displayName?: string;
            /** @description The entity's locale, such as `en_US`. */
            locale?: string;
            /** @description The entity's time zone, an IANA name such as `America/Los_Angeles`. */
            timezone?: string;
            status: components["schemas"]["EntityStatus"];
            /** @description The ID of the parent entity; `null` for the global entity, at the top of the hierarchy. */
            parentId?: string | null;
            /** @description The ID of the entity's tenant. */
            tenantId?: string;
        };
        /** @description One entity, with `success`. */
        EntityResponse: components["schemas"]["Entity"] & components["schemas"]["Succeeded"];
        /** @description Entities of the hierarchy, in one list. */
        EntityListResponse: {
            entities: components["schemas"]["Entity"][];
            /**
             * @description `true`: Zuora did what the request asked.
             * @constant
             */
            success: true;
        };
        /**
         * @description The fields of the entity to change; leave out the ones to keep. The locale and time zone of a provisioned
         *     entity, and the display name of the global entity, cannot be changed.
         */
        UpdateEntityRequest: {
            /** @description The name people see for the entity, in Zuora's UI and in API answers. */
            displayName?: string;
            /**
             * @description The entity's locale, such as `en_US`.
             * @example en_GB
             */
            locale?: string;
            /**
             * @description The name of the entity, unique across the hierarchy. As at creation, only letters A–Z and a–z, digits
             *     0–9, space, period and hyphen.
             * @example Acme-Italy
             */
            name?: string;
            /**
             * @description The entity's time zone, an IANA name such as `America/Los_Angeles`.
             * @example Europe/Rome
             */
            timezone?: string;
        };
        /**
         * @description The state of a connection: `Pending` until the target accepts it, then `Connected`, and `Disconnected`
         *     once disconnected.
         *
         *     Zuora's reference types the status as a free string and lists these three values in its prose. This
         *     contract closes the list on purpose: a status outside it (for example what a denied request becomes, which
         *     the reference does not say) fails the contract verification (`npm start`) rather than passing unseen, and
         *     adding a value is a breaking change of this contract (README, Versioning).
         * @enum {string}
         */
        ConnectionStatus: "Connected" | "Pending" | "Disconnected";
        /** @description A connection between a source entity and a target entity. */
        Connection: {
            /** @description The ID of the connection. */
            id: string;
            /** @description The ID of the entity that initiated the connection. */
            sourceEntityId: string;
            /** @description The ID of the entity the connection was requested with. */
            targetEntityId: string;
            status: components["schemas"]["ConnectionStatus"];
        };
        /** @description One page of connections. */
        ConnectionListResponse: {
            entityConnections: components["schemas"]["Connection"][];
            /**
             * Format: uri
             * @description The URL of the next page; absent on the last page. The client follows page numbers
             *     (`page` + 1) rather than this URL, so that every page goes to the base URL it was given.
             */
            nextPage?: string;
            /**
             * @description `true`: Zuora did what the request asked.
             * @constant
             */
            success: true;
        };
        /** @description The request was processed successfully. */
        Succeeded: {
            /**
             * @description Always `true`.
             * @constant
             */
            success: true;
        };
    };
    responses: {
        /**
         * @description The request is malformed (for example, a body that is not JSON or a header over its limit).
         *     *Inferred* from Zuora's error-handling guide.
         */
        BadRequest: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "processId": "CBCFED6580B4E076",
                 *       "reasons": [
                 *         {
                 *           "code": 50000020,
                 *           "message": "The request body is not valid JSON."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The request body is larger than the server takes. *Inferred:* Zuora's guides state no size; the stand-in
         *     and the front layer refuse a body over 1 MiB (decoded) by default, without reading the rest.
         */
        PayloadTooLarge: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "processId": "CBCFED6580B4E076",
                 *       "reasons": [
                 *         {
                 *           "code": 50000070,
                 *           "message": "The request body is larger than 1048576 bytes."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The request body is not in the media type the operation takes (`Content-Type`). *Inferred* from HTTP's
         *     meaning of the status; a body without a `Content-Type` is read as the operation's media type.
         */
        UnsupportedMediaType: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "processId": "CBCFED6580B4E076",
                 *       "reasons": [
                 *         {
                 *           "code": 50000045,
                 *           "message": "The request body must be application/json, not text/plain."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The bearer token is missing, invalid or expired. Request a new token and retry once. */
        Unauthorized: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "Authentication error"
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The caller lacks the permission the operation needs (for example, not a global entity administrator).
         *     *Inferred* from Zuora's error-handling guide.
         */
        Forbidden: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "processId": "CBCFED6580B4E076",
                 *       "reasons": [
                 *         {
                 *           "code": 50000010,
                 *           "message": "You do not have permission to perform this operation."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The resource does not exist (for example, an unknown parent or target entity). *Inferred* from Zuora's
         *     error-handling guide.
         */
        NotFound: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "processId": "CBCFED6580B4E076",
                 *       "reasons": [
                 *         {
                 *           "code": 50000040,
                 *           "message": "The entity does not exist."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description A request with the same `Idempotency-Key` is still in progress. Retrying later with the same key is safe.
         *     *Inferred:* Zuora's idempotency guide documents the status; the body shape is modelled.
         */
        IdempotencyConflict: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "A request with the same Idempotency-Key is still in progress."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The `Idempotency-Key` was already used with a different tenant, URL or method. Do not retry: use a new
         *     key. *Inferred:* Zuora's idempotency guide documents the status; the body shape is modelled.
         */
        IdempotencyMismatch: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "The Idempotency-Key was already used with a different tenant, URL or method."
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The tenant's rate limit or concurrent request limit was reached; the request was not performed (and is not
         *     saved under its `Idempotency-Key`). Over the concurrent request limit, the answer carries
         *     `Concurrency-Limit-Type`, `-Limit` and `-Remaining`: send again once a request in flight has ended. Over a
         *     rate limit, `RateLimit-Remaining` is `0`: wait `Retry-After` (or `RateLimit-Reset`) seconds, then retry.
         *     *Inferred* from Zuora's rate-limit guide.
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description Zuora failed to process the request. Retrying with the same `Idempotency-Key` is safe. The limit headers
         *     are not always sent on a 500.
         */
        InternalServerError: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "reasons": [
                 *         {
                 *           "code": "SystemError",
                 *           "message": "An unexpected error occurred."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description A gateway in front of Zuora failed. *Inferred* from Zuora's error-handling guide. */
        BadGateway: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "reasons": [
                 *         {
                 *           "code": "SystemError",
                 *           "message": "Bad gateway."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description Zuora is temporarily unavailable. Wait `Retry-After` seconds when sent, then retry. *Inferred* from
         *     Zuora's error-handling guide.
         */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "reasons": [
                 *         {
                 *           "code": "SystemError",
                 *           "message": "Service temporarily unavailable."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description A gateway in front of Zuora timed out; the request may or may not have been processed. Retry with the
         *     same `Idempotency-Key`. *Inferred* from Zuora's error-handling guide.
         */
        GatewayTimeout: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "success": false,
                 *       "reasons": [
                 *         {
                 *           "code": "SystemError",
                 *           "message": "Gateway timeout."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The request was carried out (`success: true`), or Zuora refused it with a business failure
         *     (`success: false` and `reasons`): HTTP 200 alone does not mean success.
         */
        Done: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Succeeded"] | components["schemas"]["BusinessFailure"];
            };
        };
        /**
         * @description The entities (`success: true`), or Zuora refused the request with a business failure (`success: false`
         *     and `reasons`): HTTP 200 alone does not mean success.
         */
        EntityList: {
            headers: {
                "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "RateLimit-Reset": components["headers"]["RateLimitReset"];
                "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EntityListResponse"] | components["schemas"]["BusinessFailure"];
            };
        };
    };
    parameters: {
        /**
         * @description A key of your choosing that makes a POST or PATCH safe to send again; other methods do not take it.
         *
         *     Zuora recognises a later request carrying the same key as a resend of the first and answers it with the
         *     first one's result, so that a retry never acts twice. Zuora keeps
         *     a key for 24 hours. A key has at least one character other than a space: an empty one (or one of spaces,
         *     which HTTP trims to empty) identifies nothing, so retries sent with it could not be recognised.
         * @example 1c1f6d0e-3f5b-4d0e-9d1a-4c6b2e7f8a90
         */
        IdempotencyKey: string;
        /**
         * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
         *
         *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
         *     header; a smaller answer comes uncompressed.
         * @example gzip
         */
        AcceptEncoding: string;
        /**
         * @description `gzip` says that the request body is the JSON document compressed with gzip, rather than the JSON itself.
         * @example gzip
         */
        ContentEncoding: string;
        /**
         * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
         *     of yours that made it, for when a call has to be traced later.
         *
         *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
         *
         *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
         *     control characters are left out because an HTTP header value cannot carry them.
         * @example order-sync-2026-11-22-0001
         */
        ZuoraTrackId: string;
        /**
         * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
         *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
         * @example 8a808255557baba1015580e12fa5083a
         */
        ZuoraEntityIds: string;
        /**
         * @description The ID of the entity, as [List entities](#operation/listEntities) returns it.
         *
         *     *Inferred:* Zuora's reference types the ID as a bare string. Its IDs are 32 hexadecimal characters, and
         *     `targetEntityId` is limited to 32 characters, so this contract admits 1 to 32 letters, digits and hyphens:
         *     an ID is then always exactly one path segment, and a value such as `a/b`, `..` or `x?y=1`, which would
         *     address another resource, is refused before it is sent.
         * @example 8a80825555a3c7a10155b460f53858e6
         */
        EntityId: string;
        /**
         * @description The ID of the connection, as [List connections](#operation/listConnections) or
         *     [Initiate a connection request](#operation/initiateConnection) returns it.
         *
         *     *Inferred:* as for entity IDs, 1 to 32 letters, digits and hyphens.
         * @example 8a808255575bdae401576a914a140420
         */
        ConnectionId: string;
        /**
         * @description The user's login name.
         *
         *     Any character may appear: the client percent-encodes the value, so that it stays one path segment.
         *     *Inferred:* a name that is empty, `.` or `..` is refused, because a URL reads those as the parent or the
         *     current folder whatever their encoding, and the request would reach another resource.
         * @example jane.doe@example.com
         */
        Username: string;
        /**
         * @description The ID of the product to share, such as `8a808255575bdae4015774e9602e16fe`.
         *
         *     *Inferred:* Zuora's reference types the ID as a bare string. As for a username, the client percent-encodes
         *     the value so that it stays one path segment, and refuses a value that is empty, `.` or `..`.
         * @example 8a808255575bdae4015774e9602e16fe
         */
        ProductId: string;
        /**
         * @description `true` lists the provisioned entities, `false` the unprovisioned ones; left out, both.
         *
         *     Zuora's reference types this parameter as a string and names `true` and `false` in its prose. This contract
         *     makes it a boolean: the query string carries the same `true` or `false`, and any other value (which Zuora
         *     does not describe) is refused before it is sent.
         * @example true
         */
        Provisioned: boolean;
        /**
         * @description `inbound` lists the connections to the entity, `outbound` the connections from it; left out, both.
         * @example inbound
         */
        ConnectionType: "inbound" | "outbound";
        /**
         * @description The number of the page to return, from 1. Pages are `pageSize` connections long: with `pageSize` 20,
         *     page 2 holds the 21st to the 40th connection.
         * @example 2
         */
        Page: number;
        /**
         * @description The number of connections in a page, at most 300.
         *
         *     *Inferred:* at least 1; Zuora's reference states no lower bound, and a page of no connections cannot
         *     advance through the list.
         * @example 30
         */
        PageSize: number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Zuora's identifier of this request (36 characters); quote it to Zuora Global Support.
         * @example 6f4b1c2e-8d3a-4e5f-9a7b-0c1d2e3f4a5b
         */
        ZuoraRequestId: string;
        /**
         * @description The `Zuora-Track-Id` request header, echoed when the request carried one.
         * @example order-sync-2026-11-22-0001
         */
        ZuoraTrackIdEcho: string;
        /**
         * @description The request quota of the time window closest to exhaustion, followed by the quota of each window
         *     (`;w=` seconds): per minute, per hour and per day.
         * @example 2250000, 50000;w=60, 2250000;w=3600, 27000000;w=86400
         */
        RateLimitLimit: string;
        /**
         * @description The number of requests left in the time window closest to exhaustion.
         * @example 399
         */
        RateLimitRemaining: number;
        /**
         * @description The number of seconds until the time window closest to exhaustion resets.
         * @example 1200
         */
        RateLimitReset: number;
        /**
         * @description The type of concurrency limit the operation counts against, preset per operation: `Default`,
         *     `High-volume transactions` or `Object Query`.
         * @example Default
         */
        ConcurrencyLimitType: string;
        /**
         * @description The total number of permitted concurrent requests.
         * @example 40
         */
        ConcurrencyLimitLimit: number;
        /**
         * @description The remaining number of permitted concurrent requests (refreshed every second).
         * @example 39
         */
        ConcurrencyLimitRemaining: number;
        /**
         * @description The number of seconds to wait before sending the request again.
         * @example 60
         */
        RetryAfter: number;
        /**
         * @description The authentication schemes Zuora accepts.
         * @example Basic realm=Zuora API, ZSession realm=Zuora API, Bearer realm=Zuora API
         */
        WwwAuthenticate: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listEntities: {
        parameters: {
            query?: {
                /**
                 * @description `true` lists the provisioned entities, `false` the unprovisioned ones; left out, both.
                 *
                 *     Zuora's reference types this parameter as a string and names `true` and `false` in its prose. This contract
                 *     makes it a boolean: the query string carries the same `true` or `false`, and any other value (which Zuora
                 *     does not describe) is refused before it is sent.
                 * @example true
                 */
                provisioned?: components["parameters"]["Provisioned"];
            };
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EntityList"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createEntity: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing that makes a POST or PATCH safe to send again; other methods do not take it.
                 *
                 *     Zuora recognises a later request carrying the same key as a resend of the first and answers it with the
                 *     first one's result, so that a retry never acts twice. Zuora keeps
                 *     a key for 24 hours. A key has at least one character other than a space: an empty one (or one of spaces,
                 *     which HTTP trims to empty) identifies nothing, so retries sent with it could not be recognised.
                 * @example 1c1f6d0e-3f5b-4d0e-9d1a-4c6b2e7f8a90
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description `gzip` says that the request body is the JSON document compressed with gzip, rather than the JSON itself.
                 * @example gzip
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEntityRequest"];
            };
        };
        responses: {
            /**
             * @description The entity was created (`success: true`), or Zuora refused it with a business failure
             *     (`success: false` and `reasons`): HTTP 200 alone does not mean success.
             */
            200: {
                headers: {
                    "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                    "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                    "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                    "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateEntityResponse"] | components["schemas"]["BusinessFailure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyMismatch"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getEntity: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The ID of the entity, as [List entities](#operation/listEntities) returns it.
                 *
                 *     *Inferred:* Zuora's reference types the ID as a bare string. Its IDs are 32 hexadecimal characters, and
                 *     `targetEntityId` is limited to 32 characters, so this contract admits 1 to 32 letters, digits and hyphens:
                 *     an ID is then always exactly one path segment, and a value such as `a/b`, `..` or `x?y=1`, which would
                 *     address another resource, is refused before it is sent.
                 * @example 8a80825555a3c7a10155b460f53858e6
                 */
                id: components["parameters"]["EntityId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The entity (`success: true`), or Zuora refused the request with a business failure (`success: false`
             *     and `reasons`): HTTP 200 alone does not mean success.
             */
            200: {
                headers: {
                    "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                    "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                    "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                    "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityResponse"] | components["schemas"]["BusinessFailure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    updateEntity: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description `gzip` says that the request body is the JSON document compressed with gzip, rather than the JSON itself.
                 * @example gzip
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The ID of the entity, as [List entities](#operation/listEntities) returns it.
                 *
                 *     *Inferred:* Zuora's reference types the ID as a bare string. Its IDs are 32 hexadecimal characters, and
                 *     `targetEntityId` is limited to 32 characters, so this contract admits 1 to 32 letters, digits and hyphens:
                 *     an ID is then always exactly one path segment, and a value such as `a/b`, `..` or `x?y=1`, which would
                 *     address another resource, is refused before it is sent.
                 * @example 8a80825555a3c7a10155b460f53858e6
                 */
                id: components["parameters"]["EntityId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEntityRequest"];
            };
        };
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteEntity: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The ID of the entity, as [List entities](#operation/listEntities) returns it.
                 *
                 *     *Inferred:* Zuora's reference types the ID as a bare string. Its IDs are 32 hexadecimal characters, and
                 *     `targetEntityId` is limited to 32 characters, so this contract admits 1 to 32 letters, digits and hyphens:
                 *     an ID is then always exactly one path segment, and a value such as `a/b`, `..` or `x?y=1`, which would
                 *     address another resource, is refused before it is sent.
                 * @example 8a80825555a3c7a10155b460f53858e6
                 */
                id: components["parameters"]["EntityId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    provisionEntity: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The ID of the entity, as [List entities](#operation/listEntities) returns it.
                 *
                 *     *Inferred:* Zuora's reference types the ID as a bare string. Its IDs are 32 hexadecimal characters, and
                 *     `targetEntityId` is limited to 32 characters, so this contract admits 1 to 32 letters, digits and hyphens:
                 *     an ID is then always exactly one path segment, and a value such as `a/b`, `..` or `x?y=1`, which would
                 *     address another resource, is refused before it is sent.
                 * @example 8a80825555a3c7a10155b460f53858e6
                 */
                id: components["parameters"]["EntityId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listAccessibleEntities: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The user's login name.
                 *
                 *     Any character may appear: the client percent-encodes the value, so that it stays one path segment.
                 *     *Inferred:* a name that is empty, `.` or `..` is refused, because a URL reads those as the parent or the
                 *     current folder whatever their encoding, and the request would reach another resource.
                 * @example jane.doe@example.com
                 */
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EntityList"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    requestUserAccess: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description `gzip` says that the request body is the JSON document compressed with gzip, rather than the JSON itself.
                 * @example gzip
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The user's login name.
                 *
                 *     Any character may appear: the client percent-encodes the value, so that it stays one path segment.
                 *     *Inferred:* a name that is empty, `.` or `..` is refused, because a URL reads those as the parent or the
                 *     current folder whatever their encoding, and the request would reach another resource.
                 * @example jane.doe@example.com
                 */
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserAccessRequest"];
            };
        };
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    acceptUserAccess: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The user's login name.
                 *
                 *     Any character may appear: the client percent-encodes the value, so that it stays one path segment.
                 *     *Inferred:* a name that is empty, `.` or `..` is refused, because a URL reads those as the parent or the
                 *     current folder whatever their encoding, and the request would reach another resource.
                 * @example jane.doe@example.com
                 */
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    denyUserAccess: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The user's login name.
                 *
                 *     Any character may appear: the client percent-encodes the value, so that it stays one path segment.
                 *     *Inferred:* a name that is empty, `.` or `..` is refused, because a URL reads those as the parent or the
                 *     current folder whatever their encoding, and the request would reach another resource.
                 * @example jane.doe@example.com
                 */
                username: components["parameters"]["Username"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listConnections: {
        parameters: {
            query?: {
                /**
                 * @description `inbound` lists the connections to the entity, `outbound` the connections from it; left out, both.
                 * @example inbound
                 */
                type?: components["parameters"]["ConnectionType"];
                /**
                 * @description The number of the page to return, from 1. Pages are `pageSize` connections long: with `pageSize` 20,
                 *     page 2 holds the 21st to the 40th connection.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description The number of connections in a page, at most 300.
                 *
                 *     *Inferred:* at least 1; Zuora's reference states no lower bound, and a page of no connections cannot
                 *     advance through the list.
                 * @example 30
                 */
                pageSize?: components["parameters"]["PageSize"];
            };
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description One page of connections (`success: true`), or Zuora refused the request with a business failure
             *     (`success: false` and `reasons`): HTTP 200 alone does not mean success.
             */
            200: {
                headers: {
                    "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                    "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                    "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                    "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionListResponse"] | components["schemas"]["BusinessFailure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    initiateConnection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing that makes a POST or PATCH safe to send again; other methods do not take it.
                 *
                 *     Zuora recognises a later request carrying the same key as a resend of the first and answers it with the
                 *     first one's result, so that a retry never acts twice. Zuora keeps
                 *     a key for 24 hours. A key has at least one character other than a space: an empty one (or one of spaces,
                 *     which HTTP trims to empty) identifies nothing, so retries sent with it could not be recognised.
                 * @example 1c1f6d0e-3f5b-4d0e-9d1a-4c6b2e7f8a90
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description `gzip` says that the request body is the JSON document compressed with gzip, rather than the JSON itself.
                 * @example gzip
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InitiateConnectionRequest"];
            };
        };
        responses: {
            /**
             * @description The connection request was initiated (`success: true`), or Zuora refused it with a business failure
             *     (`success: false` and `reasons`): HTTP 200 alone does not mean success.
             */
            200: {
                headers: {
                    "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                    "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                    "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                    "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InitiateConnectionResponse"] | components["schemas"]["BusinessFailure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyMismatch"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    acceptConnection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The ID of the connection, as [List connections](#operation/listConnections) or
                 *     [Initiate a connection request](#operation/initiateConnection) returns it.
                 *
                 *     *Inferred:* as for entity IDs, 1 to 32 letters, digits and hyphens.
                 * @example 8a808255575bdae401576a914a140420
                 */
                "connection-id": components["parameters"]["ConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    denyConnection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The ID of the connection, as [List connections](#operation/listConnections) or
                 *     [Initiate a connection request](#operation/initiateConnection) returns it.
                 *
                 *     *Inferred:* as for entity IDs, 1 to 32 letters, digits and hyphens.
                 * @example 8a808255575bdae401576a914a140420
                 */
                "connection-id": components["parameters"]["ConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    disconnectConnection: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The ID of the connection, as [List connections](#operation/listConnections) or
                 *     [Initiate a connection request](#operation/initiateConnection) returns it.
                 *
                 *     *Inferred:* as for entity IDs, 1 to 32 letters, digits and hyphens.
                 * @example 8a808255575bdae401576a914a140420
                 */
                "connection-id": components["parameters"]["ConnectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Done"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    shareProduct: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A key of your choosing that makes a POST or PATCH safe to send again; other methods do not take it.
                 *
                 *     Zuora recognises a later request carrying the same key as a resend of the first and answers it with the
                 *     first one's result, so that a retry never acts twice. Zuora keeps
                 *     a key for 24 hours. A key has at least one character other than a space: an empty one (or one of spaces,
                 *     which HTTP trims to empty) identifies nothing, so retries sent with it could not be recognised.
                 * @example 1c1f6d0e-3f5b-4d0e-9d1a-4c6b2e7f8a90
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description `gzip` asks Zuora to compress the answer, which saves bandwidth on large ones.
                 *
                 *     Zuora then gzips an answer whose body is over 1000 bytes and names the algorithm in its `Content-Encoding`
                 *     header; a smaller answer comes uncompressed.
                 * @example gzip
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description `gzip` says that the request body is the JSON document compressed with gzip, rather than the JSON itself.
                 * @example gzip
                 */
                "Content-Encoding"?: components["parameters"]["ContentEncoding"];
                /**
                 * @description An ID of your own for the call, which Zuora echoes in the answer's headers: it ties a call to the process
                 *     of yours that made it, for when a call has to be traced later.
                 *
                 *     Zuora takes US-ASCII only, and none of colon (`:`), semicolon (`;`), double quote (`"`) or quote (`'`).
                 *
                 *     The `pattern` admits printable US-ASCII (space to `~`) less those four characters. *Inferred:* US-ASCII
                 *     control characters are left out because an HTTP header value cannot carry them.
                 * @example order-sync-2026-11-22-0001
                 */
                "Zuora-Track-Id"?: components["parameters"]["ZuoraTrackId"];
                /**
                 * @description The ID of the entity the call runs in. Needed only when the token gives access to several entities, to
                 *     say which one; a token for one entity (or a tenant without Multi-entity) already says it.
                 * @example 8a808255557baba1015580e12fa5083a
                 */
                "Zuora-Entity-Ids"?: components["parameters"]["ZuoraEntityIds"];
            };
            path: {
                /**
                 * @description The ID of the product to share, such as `8a808255575bdae4015774e9602e16fe`.
                 *
                 *     *Inferred:* Zuora's reference types the ID as a bare string. As for a username, the client percent-encodes
                 *     the value so that it stays one path segment, and refuses a value that is empty, `.` or `..`.
                 * @example 8a808255575bdae4015774e9602e16fe
                 */
                "product-id": components["parameters"]["ProductId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareProductRequest"];
            };
        };
        responses: {
            /**
             * @description The product was shared (`success: true`), or Zuora refused it with a business failure
             *     (`success: false` and `reasons`): HTTP 200 alone does not mean success.
             */
            200: {
                headers: {
                    "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                    "Zuora-Track-Id": components["headers"]["ZuoraTrackIdEcho"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    "Concurrency-Limit-Type": components["headers"]["ConcurrencyLimitType"];
                    "Concurrency-Limit-Limit": components["headers"]["ConcurrencyLimitLimit"];
                    "Concurrency-Limit-Remaining": components["headers"]["ConcurrencyLimitRemaining"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareProductResponse"] | components["schemas"]["BusinessFailure"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["IdempotencyMismatch"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["CreateTokenRequest"];
            };
        };
        responses: {
            /** @description A bearer token for the API user that owns the client credentials. */
            200: {
                headers: {
                    "Zuora-Request-Id": components["headers"]["ZuoraRequestId"];
                    "RateLimit-Limit": components["headers"]["RateLimitLimit"];
                    "RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                    "RateLimit-Reset": components["headers"]["RateLimitReset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateTokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
