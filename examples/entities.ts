/**
 * The entity operations: lists the unprovisioned entities, reads one, and renames it (`GET /v1/entities`,
 * `GET /v1/entities/{id}`, `PUT /v1/entities/{id}`). Provisioning and deleting are one call each
 * (`zuora.provisionEntity(id)`, `zuora.deleteEntity(id)`); they are left out here because they cannot be undone.
 *
 * Against the embedded mock (`npm run mock` prints its URL):
 *
 *   ZUORA_BASE_URL=http://127.0.0.1:4010 ZUORA_ACCESS_TOKEN=any-token npx tsx examples/entities.ts
 *
 * Against a tenant, set ZUORA_BASE_URL to its REST endpoint and ZUORA_ACCESS_TOKEN to a bearer token.
 */
import { createZuoraClient, ZuoraApiError, ZuoraValidationError } from "zuora-multi-entity";

const baseUrl = process.env.ZUORA_BASE_URL;
const token = process.env.ZUORA_ACCESS_TOKEN;
if (!baseUrl || !token) {
  console.error("Set ZUORA_BASE_URL and ZUORA_ACCESS_TOKEN.");
  process.exit(2);
}

const zuora = createZuoraClient({ baseUrl, auth: token, trackId: "example-entities" });

try {
  // Query values are checked before sending: `provisioned` must be a boolean.
  const { entities } = await zuora.listEntities({ provisioned: false });
  console.log(`${entities.length} unprovisioned entities`);

  // The path parameter is validated (one segment of letters, digits and hyphens) and percent-encoded.
  const entity = await zuora.getEntity("8a80825555a3c7a10155b460f53858e6");
  console.log(`entity ${entity.id} (${entity.name}), status ${entity.status}`);

  // Path parameters first, then the body. locale and timezone cannot change once the entity is provisioned.
  await zuora.updateEntity(entity.id, { displayName: `${entity.name} (renamed)` });
  console.log(`renamed entity ${entity.id}`);
} catch (error) {
  if (error instanceof ZuoraValidationError) {
    console.error(`not sent: ${error.message}`);
  } else if (error instanceof ZuoraApiError) {
    // mayHaveActed: a retried PUT or DELETE whose earlier answer was lost may have taken effect all the same.
    console.error(`Zuora refused (HTTP ${error.status}, may have acted: ${error.mayHaveActed}): ${error.message}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
