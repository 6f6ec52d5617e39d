/**
 * Asks the target entity for a connection from the caller's entity (`POST /v1/entity-connections`). The source
 * entity is the one the token acts in; `Zuora-Entity-Ids` names it when the user can access several.
 *
 * Against the embedded mock (`npm run mock` prints its URL):
 *
 *   ZUORA_BASE_URL=http://127.0.0.1:4010 ZUORA_ACCESS_TOKEN=any-token npx tsx examples/initiateConnection.ts
 */
import { callInfo, createZuoraClient, ZuoraApiError } from "zuora-multi-entity";

const baseUrl = process.env.ZUORA_BASE_URL;
const token = process.env.ZUORA_ACCESS_TOKEN;
if (!baseUrl || !token) {
  console.error("Set ZUORA_BASE_URL and ZUORA_ACCESS_TOKEN.");
  process.exit(2);
}

const zuora = createZuoraClient({ baseUrl, auth: token });

// The openapi-fetch client underneath: `data` is typed by the spec's 200 response (a success or a business failure).
const { data, error, response } = await zuora.POST("/v1/entity-connections", {
  body: { targetEntityId: "8a80825556ff28a4015708ba29312ecc" },
  params: {
    header: {
      "Zuora-Entity-Ids": "8a808255557baba1015580e12fa5083a",
      // Reusing a key within 24 hours replays the first answer instead of asking twice.
      "Idempotency-Key": "example-connect-acme-asia",
    },
  },
});

const { attempts } = callInfo(response) ?? { attempts: 1 };
if (data?.success) {
  console.log(`connection request ${data.id} sent (${attempts} attempt(s))`);
} else if (data) {
  // A business failure: HTTP 200 with `success: false` and Zuora's reasons.
  console.error("not connected:", data.reasons.map((reason) => `${reason.code} ${reason.message}`).join("; "));
  process.exitCode = 1;
} else {
  // An HTTP error after the client's retries; `error` is the parsed body, typed by the spec's error responses.
  console.error(`not connected (HTTP ${response.status}):`, JSON.stringify(error));
  process.exitCode = 1;
}

// The helper does the same and throws a typed error instead of returning one.
try {
  const connection = await zuora.initiateConnection({ targetEntityId: "8a80825556ff28a4015708ba29312ecc" });
  console.log(`connection request ${connection.id} sent again with a fresh key`);
} catch (failure) {
  if (!(failure instanceof ZuoraApiError)) throw failure;
  console.error(`Zuora refused (HTTP ${failure.status}): ${failure.message}`);
  process.exitCode = 1;
}
