import { describe, expect, it } from "vitest";
import { ZuoraBusinessError } from "../../src/index.js";
import { Category, createStandIn, reasonCode } from "../../stand-in/index.js";
import { clientsOver, transports } from "../support/standInTransports.js";

// Zuora's reason code: six digits for the resource, taken from the request's payload (500000 when there is none),
// then two for the category. Zuora publishes no Multi-entity resource codes: a test may rely on the category, on the
// eight digits, and on 500000 for a request without a body; the stand-in's own codes for a body are not Zuora's.

const place = { locale: "en_US", timezone: "America/Los_Angeles" };

/** The reason code a call was refused with. */
async function codeOf(call: Promise<unknown>): Promise<string> {
  const error = await call.catch((e: unknown) => e);
  if (!(error instanceof ZuoraBusinessError)) throw new Error(`not refused: ${String(error)}`);
  return String(error.reasons[0]?.code);
}

describe.each(transports)("reason codes ($name)", (transport) => {
  const clientOn = clientsOver(transport);

  it("start 500000 for a request without a body, whatever the operation", async () => {
    const standIn = createStandIn();
    const zuora = await clientOn(standIn);
    expect(await codeOf(zuora.getEntity("gone"))).toBe("50000040");
    expect(await codeOf(zuora.provisionEntity(standIn.globalEntityId))).toBe("50000030");
    expect(await codeOf(zuora.deleteEntity("gone"))).toBe("50000040");
    expect(await codeOf(zuora.acceptConnection("gone"))).toBe("50000040");
    expect(String(reasonCode(Category.notFound))).toBe("50000040");
  });

  it("name the body's object, and its field, for a request with a body: never 500000", async () => {
    const standIn = createStandIn();
    const global = standIn.globalEntityId;
    standIn.seed({ entities: [{ id: "eu", name: "EU" }] });
    const zuora = await clientOn(standIn);
    const parent = await codeOf(zuora.createEntity({ name: "New", parentId: "gone", ...place }));
    const name = await codeOf(zuora.createEntity({ name: "EU", parentId: global, ...place }));
    const again = await codeOf(zuora.createEntity({ name: "EU", parentId: global, ...place }));
    const target = await codeOf(zuora.initiateConnection({ targetEntityId: "gone" }));
    for (const code of [parent, name, target]) {
      expect(code).toMatch(/^5\d{7}$/);
      expect(code.slice(0, 6)).not.toBe("500000");
    }
    expect([parent.slice(6), name.slice(6), target.slice(6)]).toEqual(["40", "30", "40"]);
    // One resource per field: the parent and the name differ, the same field gives the same code.
    expect(parent.slice(0, 6)).not.toBe(name.slice(0, 6));
    expect(again).toBe(name);
    expect(target.slice(0, 4)).not.toBe(parent.slice(0, 4));
  });
});
