/**
 * The connection operations: walks every inbound connection with `allConnections` (page after page of
 * `GET /v1/entity-connections`) and accepts the pending ones (`PUT /v1/entity-connections/{connection-id}/accept`).
 * `denyConnection(id)` and `disconnectConnection(id)` take the same arguments.
 *
 * Against the embedded mock (`npm run mock` prints its URL):
 *
 *   ZUORA_BASE_URL=http://127.0.0.1:4010 ZUORA_ACCESS_TOKEN=any-token npx tsx examples/connections.ts
 *
 * Against a tenant, set ZUORA_BASE_URL to its REST endpoint, ZUORA_ACCESS_TOKEN to a bearer token and ZUORA_ENTITY_ID
 * to the entity whose connections to list. Accepting changes the tenant: use a sandbox.
 */
import { createZuoraClient, ZuoraApiError, ZuoraValidationError } from "zuora-multi-entity";

const baseUrl = process.env.ZUORA_BASE_URL;
const token = process.env.ZUORA_ACCESS_TOKEN;
if (!baseUrl || !token) {
  console.error("Set ZUORA_BASE_URL and ZUORA_ACCESS_TOKEN.");
  process.exit(2);
}

const zuora = createZuoraClient({
  baseUrl,
  auth: token,
  trackId: "example-connections",
  entityIds: process.env.ZUORA_ENTITY_ID ?? "8a808255557baba1015580e12fa5083a",
});

// Stop walking after a minute, whatever page it is on.
const signal = AbortSignal.timeout(60_000);
try {
  let seen = 0;
  // Every page, until the last; the same headers on each. `break` stops asking for pages.
  for await (const connection of zuora.allConnections({ type: "inbound", pageSize: 100 }, { signal })) {
    seen++;
    if (connection.status !== "Pending") continue;
    await zuora.acceptConnection(connection.id, { signal });
    console.log(`accepted connection ${connection.id} from ${connection.sourceEntityId}`);
  }
  console.log(`${seen} inbound connections`);
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
