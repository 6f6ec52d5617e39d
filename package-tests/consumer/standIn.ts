/**
 * A consumer's test double, compiled and run inside a fresh project that installed the packed tarball: the
 * `./testing` entry's stand-in, in-process, driven by the client from `.`. Creates, provisions and connects, meets a
 * refused rule as the client's typed error, and counts what reached the stand-in.
 */
import { createZuoraClient, reasonCategory, ZuoraBusinessError } from "zuora-multi-entity";
import { createStandIn } from "zuora-multi-entity/testing";

const standIn = createStandIn();
const zuora = createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: "any-token", fetch: standIn.fetch });

const child = await zuora.createEntity({
  name: "Acme-EU",
  locale: "en_GB",
  parentId: standIn.globalEntityId,
  timezone: "Europe/London",
});
const provisioned = await zuora.provisionEntity(child.id);
const { id: connectionId } = await zuora.initiateConnection({ targetEntityId: child.id });
await zuora.acceptConnection(connectionId, { entityIds: child.id });

let refusedCategory: number | undefined;
try {
  await zuora.createEntity({ name: "Acme-EU", locale: "en_GB", parentId: standIn.globalEntityId, timezone: "GMT" });
} catch (error) {
  if (error instanceof ZuoraBusinessError) refusedCategory = reasonCategory(error.reasons[0]?.code ?? "");
}

const server = await standIn.listen();
const overHttp = await fetch(`${server.url}/v1/entities?provisioned=true`, {
  headers: { Authorization: "Bearer any-token" },
});
const listed = (await overHttp.json()) as { entities: { name: string }[] };
await server.close();

// One JSON line for the test to read.
console.log(
  JSON.stringify({
    provisioned,
    connections: standIn.state().connections.map((c) => c.status),
    refusedCategory,
    overHttp: listed.entities.map((e) => e.name),
    requests: standIn.requests().map((r) => `${r.operationId} ${r.status}`),
  }),
);
