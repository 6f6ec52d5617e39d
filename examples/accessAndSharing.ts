/**
 * User access and product sharing across entities: asks, from the user's home entity, access for a user to another
 * entity (`PUT /v1/users/{username}/request-access`), accepts it in that entity (`.../accept-access`;
 * `denyUserAccess` takes the same arguments), lists what the user can access, and shares a catalog product of the
 * global entity with the other one (`POST /v1/catalog/products/{product-id}/share`): Zuora lets only the global entity
 * share, with an entity it has a connection to.
 *
 * Against the embedded mock (`npm run mock` prints its URL):
 *
 *   ZUORA_BASE_URL=http://127.0.0.1:4010 ZUORA_ACCESS_TOKEN=any-token npx tsx examples/accessAndSharing.ts
 *
 * Against a tenant, set ZUORA_BASE_URL, ZUORA_ACCESS_TOKEN, and ZUORA_USERNAME, ZUORA_HOME_ENTITY_ID,
 * ZUORA_TARGET_ENTITY_ID, ZUORA_GLOBAL_ENTITY_ID and ZUORA_PRODUCT_ID. Granting access and sharing change the tenant:
 * use a sandbox.
 */
import { createZuoraClient, ZuoraApiError, ZuoraValidationError } from "zuora-multi-entity";

const { ZUORA_BASE_URL: baseUrl, ZUORA_ACCESS_TOKEN: token, ZUORA_USERNAME, ZUORA_PRODUCT_ID } = process.env;
if (!baseUrl || !token) {
  console.error("Set ZUORA_BASE_URL and ZUORA_ACCESS_TOKEN.");
  process.exit(2);
}
const username = ZUORA_USERNAME ?? "jane.doe@example.com";
const home = process.env.ZUORA_HOME_ENTITY_ID ?? "8a808255557baba1015580e12fa5083a";
const target = process.env.ZUORA_TARGET_ENTITY_ID ?? "8a80825555a3c7a10155b46120d058e7";
const productId = ZUORA_PRODUCT_ID ?? "8a808255575bdae4015774e9602e16fe";
const globalId = process.env.ZUORA_GLOBAL_ENTITY_ID ?? "8a808255557baba1015580e12fa5083a";

const zuora = createZuoraClient({ baseUrl, auth: token, trackId: "example-access-and-sharing" });

try {
  // Asked from the user's home entity; the request waits until the target entity accepts or denies it.
  await zuora.requestUserAccess(username, { targetEntityIds: [target] }, { entityIds: home });
  console.log(`access to ${target} requested for ${username}`);
  await zuora.acceptUserAccess(username, { entityIds: target });
  const { entities } = await zuora.listAccessibleEntities(username);
  console.log(`${username} can access ${entities.length} entities`);

  // Shared by the global entity, with one entity per call; the key makes a retry safe.
  await zuora.shareProduct(
    productId,
    { toEntityIds: [target] },
    { entityIds: globalId, idempotencyKey: `share-${productId}-${target}` },
  );
  console.log(`shared product ${productId} with ${target}`);
} catch (error) {
  if (error instanceof ZuoraValidationError) {
    console.error(`not sent: ${error.message}`);
  } else if (error instanceof ZuoraApiError) {
    console.error(`Zuora refused (HTTP ${error.status}, may have acted: ${error.mayHaveActed}): ${error.message}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
