import {
  ENTITY_NAME,
  LOCALE_PATTERN,
  MAX_TIME_ZONE_LENGTH,
  PRODUCT_ID,
  TIME_ZONE_PATTERN,
  USERNAME,
} from "../../rules/tenantValues.js";

/** Values the schema shows an editor, each one the command takes (a test feeds them to both). */
export const SCHEMA_EXAMPLES = {
  entityName: ["Global", "Acme-EU", "Acme Germany 2"],
  locale: ["en_US", "en_GB", "de_DE", "zh_CN"],
  timezone: ["America/Los_Angeles", "Europe/London", "UTC", "Etc/GMT+5", "Asia/Kolkata"],
  username: ["jane.doe@acme.com", "ops-admin"],
  productId: ["8a808255575bdae4015774e9602e16fe"],
} as const;

/**
 * The JSON Schema of a hierarchy file (`hierarchy/hierarchy.schema.json`, shipped for editors): its keys, as
 * `zuora-entities` reads them, and the tenant's value rules, from rules/tenantValues.ts (the stand-in's and the
 * reader's too), so that an editor flags what the command and the tenant refuse. Draft-07, which editors know.
 */
export function renderHierarchySchema(): string {
  const entityNames = { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true };
  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    $comment: "Generated from rules/tenantValues.ts by `npm run generate`. DO NOT EDIT BY HAND.",
    title: "Zuora entity hierarchy",
    description:
      "The entities of a Zuora Multi-entity tenant, the connections between them, users' access and products shared, for `zuora-entities plan` and `apply`.",
    type: "object",
    required: ["version", "entities"],
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      version: { const: 1, description: "The file format's version." },
      unread: {
        type: "array",
        items: { type: "string" },
        description:
          "What `export` could not read from the tenant (Zuora publishes no read of it), in words. Informational: the plan does not read it.",
      },
      entities: {
        type: "object",
        description:
          "Keyed by the entity's name, which is unique in a tenant. The one entity without `parent` is the tenant's global entity.",
        minProperties: 1,
        propertyNames: {
          pattern: ENTITY_NAME.pattern,
          maxLength: ENTITY_NAME.maxLength,
          examples: SCHEMA_EXAMPLES.entityName,
        },
        additionalProperties: { $ref: "#/definitions/entity" },
      },
      connections: {
        type: "array",
        description:
          "Connections between entities: `from` asks, `to` accepts. Both ends must be provisioned unless the status is Disconnected.",
        items: { $ref: "#/definitions/connection" },
      },
      users: {
        type: "object",
        description:
          "Users who exist in the tenant (Zuora's API cannot create users), keyed by username: the entities each may work in. Access is requested from the user's home entity and accepted by each entity; with --prune, access the file leaves out is denied.",
        propertyNames: { pattern: USERNAME.pattern, minLength: USERNAME.minLength, examples: SCHEMA_EXAMPLES.username },
        additionalProperties: { $ref: "#/definitions/user" },
      },
      shares: {
        type: "object",
        description:
          "Products of the global entity, keyed by product ID, and the entities each is shared with. Each share goes over the file's connection from the global entity to that entity: shared while it is Connected, ended once it is Disconnected (which cannot be recovered). A share cannot be taken back.",
        propertyNames: {
          pattern: PRODUCT_ID.pattern,
          minLength: PRODUCT_ID.minLength,
          examples: SCHEMA_EXAMPLES.productId,
        },
        additionalProperties: { ...entityNames, minItems: 1, description: "The entities, by name." },
      },
    },
    definitions: {
      entity: {
        type: "object",
        required: ["locale", "timezone"],
        additionalProperties: false,
        properties: {
          parent: {
            type: "string",
            minLength: 1,
            maxLength: 255,
            description: "The parent entity's name. Left out for the global entity only.",
          },
          displayName: {
            type: "string",
            minLength: 1,
            maxLength: 255,
            description: "Shown in Zuora's UI. Defaults to the name. The global entity's cannot change.",
          },
          locale: {
            type: "string",
            pattern: LOCALE_PATTERN,
            examples: SCHEMA_EXAMPLES.locale,
            description: "ll_CC, e.g. en_GB. Cannot change once the entity is provisioned.",
          },
          timezone: {
            type: "string",
            pattern: TIME_ZONE_PATTERN,
            maxLength: MAX_TIME_ZONE_LENGTH,
            examples: SCHEMA_EXAMPLES.timezone,
            description:
              "An IANA time zone name the runtime knows, or an alias of one (UTC, Etc/GMT+5), e.g. Europe/London. Cannot change once the entity is provisioned.",
          },
          provisioned: {
            type: "boolean",
            default: false,
            description:
              "Provisioning cannot be undone: true can never go back to false. The global entity is always provisioned.",
          },
        },
      },
      connection: {
        type: "object",
        required: ["from", "to", "status"],
        additionalProperties: false,
        properties: {
          from: { type: "string", minLength: 1, description: "The entity that asks (the source)." },
          to: { type: "string", minLength: 1, description: "The entity that accepts (the target)." },
          status: {
            enum: ["Pending", "Connected", "Disconnected"],
            description:
              "Pending: asked, not accepted. Connected: accepted. Disconnected: ended (what was shared over it loses its mapping, for good).",
          },
        },
      },
      user: {
        type: "object",
        additionalProperties: false,
        anyOf: [{ required: ["home"] }, { required: ["access"], properties: { access: { minItems: 1 } } }],
        properties: {
          home: {
            type: "string",
            minLength: 1,
            description:
              "The entity the user was created in (Zuora's API does not return it): access is requested from it. The user can always access it.",
          },
          access: {
            ...entityNames,
            description: "The entities, by name, the user may work in (the home entity is one even when not listed).",
          },
        },
      },
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
