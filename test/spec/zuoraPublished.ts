/**
 * What Zuora's published API reference says about the requests of the operations this package covers, as facts in
 * our own words: method and path, path and query parameters, whether an `Idempotency-Key` is taken, the body's
 * required fields, and every constraint the reference's schemas give. The Multi-entity operations are those of the
 * "Older API Reference" (Entities, Entity Connections, Users and the Catalog's share operation); the token request
 * is Zuora's "Create an OAuth token".
 *
 * `stated` holds what a reference states only in words (a rule in a description), which this contract writes as
 * a schema constraint: `"stated"` where the value is the contract's own rendering of the words (a pattern).
 */

/** The schema constraints the interop check compares. */
export interface Constraints {
  type?: string;
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  items?: Constraints;
}

/** A constraint stated in words: its value, or `"stated"` when the contract renders the words its own way. */
export type Stated = { [K in Exclude<keyof Constraints, "items">]?: Constraints[K] | "stated" } & { items?: Stated };

/** One operation of Zuora's reference, as its request is published. */
export interface PublishedOperation {
  /** The operationId of the reference. */
  publishedId: string;
  /** This contract's operationId for it. */
  operationId: string;
  method: "get" | "post" | "put" | "delete";
  path: string;
  pathParams: readonly string[];
  query?: Record<string, Constraints>;
  idempotencyKey: boolean;
  /** The JSON (or form) body: whether the reference marks it required, its required fields, and its fields. */
  body?: { required: boolean; requiredFields: readonly string[]; fields: Record<string, Constraints> };
  /** Rules stated in the reference's words, by `query.<name>` or `body.<name>`. */
  stated?: Record<string, Stated>;
}

const entityBody = {
  displayName: { type: "string", maxLength: 255 },
  locale: { type: "string" },
  name: { type: "string", maxLength: 255 },
  timezone: { type: "string" },
};
const idInPath = { type: "string" };
// The entity name rule is in words: letters, digits, space, period and hyphen only.
const nameInWords: Record<string, Stated> = { "body.name": { pattern: "stated" } };

/** Every operation of the reference that this contract covers: the sixteen Multi-entity ones and the token. */
export const publishedOperations: readonly PublishedOperation[] = [
  {
    publishedId: "POST_Entities",
    operationId: "createEntity",
    method: "post",
    path: "/v1/entities",
    pathParams: [],
    idempotencyKey: true,
    body: {
      required: true,
      requiredFields: ["locale", "name", "parentId", "timezone"],
      fields: { ...entityBody, parentId: { type: "string" } },
    },
    stated: nameInWords,
  },
  {
    publishedId: "GET_Entities",
    operationId: "listEntities",
    method: "get",
    path: "/v1/entities",
    pathParams: [],
    query: { provisioned: { type: "string" } },
    idempotencyKey: false,
    // Typed as a string, with only `true` and `false` named in words.
    stated: { "query.provisioned": { type: "boolean" } },
  },
  {
    publishedId: "GET_EntityById",
    operationId: "getEntity",
    method: "get",
    path: "/v1/entities/{id}",
    pathParams: ["id"],
    idempotencyKey: false,
  },
  {
    publishedId: "PUT_Entities",
    operationId: "updateEntity",
    method: "put",
    path: "/v1/entities/{id}",
    pathParams: ["id"],
    idempotencyKey: false,
    body: { required: true, requiredFields: [], fields: entityBody },
    stated: nameInWords,
  },
  {
    publishedId: "DELETE_Entities",
    operationId: "deleteEntity",
    method: "delete",
    path: "/v1/entities/{id}",
    pathParams: ["id"],
    idempotencyKey: false,
  },
  {
    publishedId: "PUT_ProvisionEntity",
    operationId: "provisionEntity",
    method: "put",
    path: "/v1/entities/{id}/provision",
    pathParams: ["id"],
    idempotencyKey: false,
  },
  {
    publishedId: "GET_EntitiesUserAccessible",
    operationId: "listAccessibleEntities",
    method: "get",
    path: "/v1/users/{username}/accessible-entities",
    pathParams: ["username"],
    idempotencyKey: false,
  },
  {
    publishedId: "PUT_SendUserAccessRequests",
    operationId: "requestUserAccess",
    method: "put",
    path: "/v1/users/{username}/request-access",
    pathParams: ["username"],
    idempotencyKey: false,
    body: {
      required: true,
      requiredFields: ["targetEntityIds"],
      fields: { targetEntityIds: { type: "array", items: { type: "string" } } },
    },
  },
  {
    publishedId: "PUT_AcceptUserAccess",
    operationId: "acceptUserAccess",
    method: "put",
    path: "/v1/users/{username}/accept-access",
    pathParams: ["username"],
    idempotencyKey: false,
  },
  {
    publishedId: "PUT_DenyUserAccess",
    operationId: "denyUserAccess",
    method: "put",
    path: "/v1/users/{username}/deny-access",
    pathParams: ["username"],
    idempotencyKey: false,
  },
  {
    publishedId: "POST_EntityConnections",
    operationId: "initiateConnection",
    method: "post",
    path: "/v1/entity-connections",
    pathParams: [],
    idempotencyKey: true,
    // The reference does not mark this body required; its one field is.
    body: {
      required: false,
      requiredFields: ["targetEntityId"],
      fields: { targetEntityId: { type: "string", maxLength: 32 } },
    },
  },
  {
    publishedId: "GET_EntityConnections",
    operationId: "listConnections",
    method: "get",
    path: "/v1/entity-connections",
    pathParams: [],
    query: {
      type: { type: "string", enum: ["inbound", "outbound"] },
      page: { type: "integer", minimum: 1, default: 1 },
      pageSize: { type: "integer", maximum: 300, default: 30 },
    },
    idempotencyKey: false,
  },
  ...(["accept", "deny", "disconnect"] as const).map(
    (verb): PublishedOperation => ({
      publishedId: `PUT_EntityConnections${verb[0]?.toUpperCase()}${verb.slice(1)}`,
      operationId: `${verb}Connection`,
      method: "put",
      path: `/v1/entity-connections/{connection-id}/${verb}`,
      pathParams: ["connection-id"],
      idempotencyKey: false,
    }),
  ),
  {
    publishedId: "POST_Catalog",
    operationId: "shareProduct",
    method: "post",
    path: "/v1/catalog/products/{product-id}/share",
    pathParams: ["product-id"],
    idempotencyKey: true,
    // The schema's field; the reference's sample body says targetEntityIds, which the schema does not declare.
    body: {
      required: true,
      requiredFields: ["toEntityIds"],
      fields: { toEntityIds: { type: "array", items: { type: "string" } } },
    },
    // "One entity at a time; more than one is an error", in the description only.
    stated: { "body.toEntityIds": { minItems: 1, maxItems: 1 } },
  },
  {
    publishedId: "createToken",
    operationId: "createToken",
    method: "post",
    path: "/oauth/token",
    pathParams: [],
    idempotencyKey: false,
    body: {
      required: true,
      requiredFields: ["client_id", "client_secret", "grant_type"],
      fields: {
        client_id: { type: "string" },
        client_secret: { type: "string" },
        grant_type: { type: "string", enum: ["client_credentials"] },
      },
    },
  },
];

/** Path parameters' published schema: a bare string, for every one. */
export const publishedPathParam: Constraints = idInPath;
