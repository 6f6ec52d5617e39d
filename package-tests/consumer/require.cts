/**
 * A CommonJS consumer of the packed tarball. Node ≥ 20.19 can `require()` an ES module, so the exports map's
 * `default` condition is all a CommonJS caller needs; TypeScript (`module: nodenext`) types the require. It makes a
 * call against the Prism mock and prints one JSON line for the test.
 */
import zuoraMultiEntity = require("zuora-multi-entity");
import schema = require("zuora-multi-entity/schema");

async function main(): Promise<void> {
  const baseUrl = process.env.ZUORA_BASE_URL;
  if (!baseUrl) throw new Error("ZUORA_BASE_URL is not set");
  const zuora = zuoraMultiEntity.createZuoraClient({ baseUrl, auth: "consumer-token" });
  const entity = await zuora.createEntity({
    name: "Acme-Asia",
    locale: "zh_CN",
    parentId: "8a808255557baba1015580e12fa5083a",
    timezone: "Asia/Harbin",
  });
  let refused: string | undefined;
  try {
    await zuora.initiateConnection({ targetEntityId: "x".repeat(33) });
  } catch (error) {
    if (error instanceof zuoraMultiEntity.ZuoraValidationError) refused = `${error.field}: ${error.rule}`;
  }
  console.log(
    JSON.stringify({
      commonJs: typeof module === "object" && typeof require === "function",
      entity: { id: entity.id, status: entity.status },
      refused,
      schemaRuntimeExports: Object.keys(schema),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
