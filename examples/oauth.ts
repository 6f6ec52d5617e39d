/**
 * Authenticates with OAuth client credentials: the client asks `POST /oauth/token` for a bearer token once, caches it
 * until shortly before it expires, and fetches a new one after a 401. Concurrent calls share one token request.
 *
 * Against the embedded mock (`npm run mock` prints its URL; it accepts any credentials):
 *
 *   ZUORA_BASE_URL=http://127.0.0.1:4010 ZUORA_CLIENT_ID=id ZUORA_CLIENT_SECRET=secret npx tsx examples/oauth.ts
 */
import { createZuoraClient, ZuoraAuthenticationError } from "zuora-multi-entity";

const baseUrl = process.env.ZUORA_BASE_URL;
const clientId = process.env.ZUORA_CLIENT_ID;
const clientSecret = process.env.ZUORA_CLIENT_SECRET;
if (!baseUrl || !clientId || !clientSecret) {
  console.error("Set ZUORA_BASE_URL, ZUORA_CLIENT_ID and ZUORA_CLIENT_SECRET.");
  process.exit(2);
}

const zuora = createZuoraClient({ baseUrl, auth: { clientId, clientSecret } });

try {
  // Both calls start at once and wait for the same token request.
  const [entity, connection] = await Promise.all([
    zuora.createEntity({
      name: "Acme-EU",
      locale: "en_GB",
      parentId: "8a808255557baba1015580e12fa5083a",
      timezone: "Europe/London",
    }),
    zuora.initiateConnection({ targetEntityId: "8a80825556ff28a4015708ba29312ecc" }),
  ]);
  console.log(`created entity ${entity.id}; connection request ${connection.id}`);
} catch (error) {
  // The message never contains the client secret or the token.
  if (!(error instanceof ZuoraAuthenticationError)) throw error;
  console.error(`authentication failed: ${error.message}`);
  process.exitCode = 1;
}
