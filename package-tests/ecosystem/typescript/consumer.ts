/**
 * A consumer of every entry, type-checked (not run) under each `moduleResolution` and on the oldest TypeScript the
 * README names. No top-level await and no Node types: it compiles as CommonJS (node10) and for a browser alike. The
 * `@ts-expect-error` lines fail the check if a type resolves to `any`.
 */
import { type CreatedEntity, createZuoraClient, reasonCategory, ZuoraBusinessError } from "zuora-multi-entity";
import type { components, paths } from "zuora-multi-entity/schema";
import { createStandIn, type StandIn } from "zuora-multi-entity/testing";
import { type ListeningStandIn, listen } from "zuora-multi-entity/testing/node";

type CreateEntityRequest = components["schemas"]["CreateEntityRequest"];
type Connections = paths["/v1/entity-connections"]["get"]["responses"][200]["content"]["application/json"];

const standIn: StandIn = createStandIn();
const zuora = createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: "any-token", fetch: standIn.fetch });

// @ts-expect-error `timezone` is required by the spec
const incomplete: CreateEntityRequest = { name: "Acme-EU", locale: "en_GB", parentId: standIn.globalEntityId };

export async function consume(): Promise<string[]> {
  const request: CreateEntityRequest = { ...incomplete, timezone: "Europe/London" };
  const entity: CreatedEntity = await zuora.createEntity(request);
  // @ts-expect-error `status` is one of the spec's values, not any string
  const wrongStatus: typeof entity.status = "Pending";
  const { data, attempts } = await zuora.getEntity(entity.id).withResponse();
  const connections: Connections = await zuora.listConnections({ type: "inbound" });
  // @ts-expect-error `type` is `inbound` or `outbound`
  await zuora.listConnections({ type: "sideways" });
  const refused = await zuora
    .createEntity(request)
    .catch((error: unknown) =>
      error instanceof ZuoraBusinessError ? reasonCategory(error.reasons[0]?.code ?? "") : undefined,
    );
  const server: ListeningStandIn = await listen(standIn, { port: 0 });
  await server.close();
  return [wrongStatus, data.name, String(attempts), String(connections.success), String(refused), server.url];
}
