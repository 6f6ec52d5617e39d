import { ENTITY_NAME, LOCALE_PATTERN, MAX_TIME_ZONE_LENGTH, TIME_ZONE_PATTERN } from "../../rules/tenantValues.js";

/**
 * The JSON Schema of a hierarchy file (`hierarchy/hierarchy.schema.json`, shipped for editors): its keys, as
 * `zuora-entities` reads them, and the tenant's value rules, from rules/tenantValues.ts (the stand-in's and the
 * reader's too), so that an editor flags what the command and the tenant refuse. Draft-07, which editors know.
 */
export function renderHierarchySchema(): string {
  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    $comment: "Generated from rules/tenantValues.ts by `npm run generate`. DO NOT EDIT BY HAND.",
    title: "Zuora entity hierarchy",
    description:
      "The entities of a Zuora Multi-entity tenant and the connections between them, for `zuora-entities plan` and `apply`.",
    type: "object",
    required: ["version", "entities"],
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      version: { const: 1, description: "The file format's version." },
      entities: {
        type: "object",
        description:
          "Keyed by the entity's name, which is unique in a tenant. The one entity without `parent` is the tenant's global entity.",
        minProperties: 1,
        propertyNames: { pattern: ENTITY_NAME.pattern, maxLength: ENTITY_NAME.maxLength },
        additionalProperties: { $ref: "#/definitions/entity" },
      },
      connections: {
        type: "array",
        description:
          "Connections between entities: `from` asks, `to` accepts. Both ends must be provisioned unless the status is Disconnected.",
        items: { $ref: "#/definitions/connection" },
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
            description: "ll_CC, e.g. en_GB. Cannot change once the entity is provisioned.",
          },
          timezone: {
            type: "string",
            pattern: TIME_ZONE_PATTERN,
            maxLength: MAX_TIME_ZONE_LENGTH,
            description: "An IANA time zone name, e.g. Europe/London. Cannot change once the entity is provisioned.",
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
              "Pending: asked, not accepted. Connected: accepted. Disconnected: ended (may lose shared-object mappings).",
          },
        },
      },
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
