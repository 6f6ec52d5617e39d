/**
 * A consumer's program, compiled and run inside a fresh project that installed the packed tarball. It touches every
 * entry of the exports map: the client and its errors from `.`, the generated types from `./schema`, and
 * `./package.json`. The `@ts-expect-error` lines fail the type-check if the types resolve to `any`.
 */
import { createRequire } from "node:module";
import {
  type CreatedEntity,
  createZuoraClient,
  type InitiatedConnection,
  ZuoraError,
  ZuoraValidationError,
} from "zuora-multi-entity";
import type { components, paths } from "zuora-multi-entity/schema";

type CreateEntityRequest = components["schemas"]["CreateEntityRequest"];
type ConnectionBody = paths["/v1/entity-connections"]["post"]["requestBody"]["content"]["application/json"];

const baseUrl = process.env.ZUORA_BASE_URL;
if (!baseUrl) throw new Error("ZUORA_BASE_URL is not set");

// @ts-expect-error `timezone` is required by the spec
const incomplete: CreateEntityRequest = {
  name: "Acme-Asia",
  locale: "zh_CN",
  parentId: "8a808255557baba1015580e12fa5083a",
};
void incomplete;

let sent = 0;
const zuora = createZuoraClient({
  baseUrl,
  auth: "consumer-token",
  fetch: (input, init) => {
    sent += 1;
    return fetch(input, init);
  },
});

const request: CreateEntityRequest = {
  name: "Acme-Asia",
  displayName: "Acme-Asia",
  locale: "zh_CN",
  parentId: "8a808255557baba1015580e12fa5083a",
  timezone: "Asia/Harbin",
};
const entity: CreatedEntity = await zuora.createEntity(request);
// @ts-expect-error `status` is one of the spec's enum values, not any string
const wrongStatus: typeof entity.status = "Pending";
void wrongStatus;

const body: ConnectionBody = { targetEntityId: "8a80825556ff28a4015708ba29312ecc" };
const connection: InitiatedConnection = await zuora.initiateConnection(body);

let refused: string | undefined;
const before = sent;
try {
  await zuora.initiateConnection({ targetEntityId: "x".repeat(33) });
} catch (error) {
  if (error instanceof ZuoraValidationError && error instanceof ZuoraError) refused = `${error.field}: ${error.rule}`;
}

// The schema entry is types only; at run time it is an empty module, so an import that a tool keeps still loads.
const schemaRuntimeExports = Object.keys(await import("zuora-multi-entity/schema"));

const { version } = createRequire(import.meta.url)("zuora-multi-entity/package.json") as { version: string };

// One JSON line for the test to read.
console.log(
  JSON.stringify({
    version,
    entity: { id: entity.id, status: entity.status },
    connection: { id: connection.id, success: connection.success },
    refused,
    sentForInvalid: sent - before,
    schemaRuntimeExports,
  }),
);
