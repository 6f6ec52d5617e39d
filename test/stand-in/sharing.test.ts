import { describe, expect, it } from "vitest";
import { euAndUs } from "../support/euAndUs.js";
import { outcome } from "../support/outcome.js";
import { clientsOver, transports } from "../support/standInTransports.js";

// Product sharing as Zuora's Knowledge Center describes it: only the global entity is a source, over a connection
// from it to the target; and disconnecting breaks the mapping of what was shared, for good.

/** The global entity and provisioned eu and us; a product of the global entity's (`gold`) and one of eu's (`eu-plan`). */
function tenant() {
  const { standIn, global } = euAndUs({
    products: [
      { id: "gold", name: "Gold plan" },
      { id: "eu-plan", name: "EU plan", ownerEntityId: "eu" },
    ],
  });
  const sharedWith = (id: string) => standIn.state().products.find((p) => p.id === id)?.sharedWith;
  return { standIn, global, sharedWith };
}

describe.each(transports)("sharing a product ($name)", (transport) => {
  const clientOn = clientsOver(transport);

  it("refuses a share from a sub-entity, even of its own product over its own connection (10)", async () => {
    const { standIn, global, sharedWith } = tenant();
    standIn.seed({ connections: [{ sourceEntityId: "eu", targetEntityId: "us", status: "Connected" }] });
    const zuora = await clientOn(standIn, "any-token", { entityIds: "eu" });
    expect(await outcome(zuora.shareProduct("eu-plan", { toEntityIds: ["us"] }))).toBe(
      `refused 10: shareProduct is for a global entity administrator, in the global entity (${global}); this call runs in eu.`,
    );
    expect(sharedWith("eu-plan")).toEqual([]);
  });

  it("shares only over a connection from the global entity to the target: one the other way does not count (30)", async () => {
    const { standIn, global, sharedWith } = tenant();
    standIn.seed({ connections: [{ sourceEntityId: "us", targetEntityId: global, status: "Connected" }] });
    const zuora = await clientOn(standIn);
    expect(await outcome(zuora.shareProduct("gold", { toEntityIds: ["us"] }))).toBe(
      `refused 30: No connection goes from ${global} to us: connect them before sharing.`,
    );
    standIn.seed({ connections: [{ sourceEntityId: global, targetEntityId: "eu", status: "Connected" }] });
    expect(await outcome(zuora.shareProduct("gold", { toEntityIds: ["eu"] }))).toBe("success");
    expect(sharedWith("gold")).toEqual(["eu"]);
  });
});

describe.each(transports)("disconnecting after a share ($name)", (transport) => {
  const clientOn = clientsOver(transport);

  it("breaks the share: the target is no longer listed, and a share after reconnecting starts anew", async () => {
    const { standIn, sharedWith } = tenant();
    const zuora = await clientOn(standIn);
    const connect = async () => {
      const { id } = await zuora.initiateConnection({ targetEntityId: "us" });
      await zuora.acceptConnection(id, { entityIds: "us" });
      return id;
    };
    const first = await connect();
    expect(await outcome(zuora.shareProduct("gold", { toEntityIds: ["us"] }))).toBe("success");
    expect(sharedWith("gold")).toEqual(["us"]);

    expect(await outcome(zuora.disconnectConnection(first, { entityIds: "us" }))).toBe("success");
    expect(sharedWith("gold")).toEqual([]);
    expect(await outcome(zuora.shareProduct("gold", { toEntityIds: ["us"] }))).toMatch(/^refused 30: No connection/);

    await connect();
    expect(await outcome(zuora.shareProduct("gold", { toEntityIds: ["us"] }))).toBe("success");
    expect(sharedWith("gold")).toEqual(["us"]);
  });
});
