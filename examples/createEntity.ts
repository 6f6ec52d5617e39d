/**
 * Creates an entity under a parent entity (`POST /v1/entities`, global entity administrators only).
 *
 * Against the embedded mock (`npm run mock` prints its URL):
 *
 *   ZUORA_BASE_URL=http://127.0.0.1:4010 ZUORA_ACCESS_TOKEN=any-token npx tsx examples/createEntity.ts
 *
 * Against a tenant, set ZUORA_BASE_URL to its REST endpoint and ZUORA_ACCESS_TOKEN to a bearer token.
 */
import { createZuoraClient, ZuoraApiError, ZuoraValidationError } from "zuora-multi-entity";
import type { components } from "zuora-multi-entity/schema";

const baseUrl = process.env.ZUORA_BASE_URL;
const token = process.env.ZUORA_ACCESS_TOKEN;
if (!baseUrl || !token) {
  console.error("Set ZUORA_BASE_URL and ZUORA_ACCESS_TOKEN.");
  process.exit(2);
}

const zuora = createZuoraClient({ baseUrl, auth: token, trackId: "example-create-entity" });

// The request type comes from the spec alone: a types-only import, nothing at run time.
const request: components["schemas"]["CreateEntityRequest"] = {
  name: "Acme-Asia",
  displayName: "Acme Asia",
  locale: "zh_CN",
  parentId: "8a808255557baba1015580e12fa5083a",
  timezone: "Asia/Harbin",
};

try {
  const entity = await zuora.createEntity(request);
  console.log(`created entity ${entity.id} (${entity.name}), status ${entity.status}`);
} catch (error) {
  if (error instanceof ZuoraValidationError) {
    // Nothing was sent: the request broke a rule of the spec (error.field, error.rule).
    console.error(`not sent: ${error.message}`);
  } else if (error instanceof ZuoraApiError) {
    // Zuora answered with a failure, after the client's retries where a retry could help.
    console.error(`Zuora refused (HTTP ${error.status}): ${error.message}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
