/**
 * A consumer's program that uses three entries together, as the hierarchy's users do: a client from `.`, a stand-in
 * from `./testing`, and `describeFailure` from `./hierarchy`, which tells Zuora's errors apart with `instanceof`. Each
 * class exists once in the package, whichever entries import it, so an error the client throws is the class the
 * hierarchy checks for. Prints what the hierarchy made of each error.
 */
import { createZuoraClient } from "zuora-multi-entity";
import { describeFailure } from "zuora-multi-entity/hierarchy";
import { createStandIn } from "zuora-multi-entity/testing";

const standIn = createStandIn();
const zuora = createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: "any-token", fetch: standIn.fetch });

const notSent = await zuora.initiateConnection({ targetEntityId: "x".repeat(100) }).catch((error: unknown) => error);
const refused = await zuora
  .createEntity({
    name: "Acme-EU",
    locale: "en_US",
    timezone: "Europe/Paris",
    parentId: "8a80825556ff28a4015708ba29312ecc",
  })
  .catch((error: unknown) => error);

console.log(
  JSON.stringify({
    validationError: describeFailure(notSent),
    businessError: describeFailure(refused),
  }),
);
