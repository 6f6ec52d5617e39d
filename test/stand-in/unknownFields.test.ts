import { describe, expect, it } from "vitest";
import { checkBody, operationRules } from "../../rules/requestRules.js";
import { createStandIn } from "../../stand-in/index.js";
import { outcome } from "../support/outcome.js";
import { clientsOver, transports } from "../support/standInTransports.js";

// Zuora's error categories have one for "unknown field in request" (21); and its hierarchy cannot be restructured:
// an entity's parent never changes, nor does its status but by provisioning.

const place = { locale: "en_US", timezone: "America/Los_Angeles" };

describe.each(transports)("fields an operation does not take ($name)", (transport) => {
  const clientOn = clientsOver(transport);

  it("refuses a parentId or a status in updateEntity (21), and the entity keeps its parent and status", async () => {
    const standIn = createStandIn();
    standIn.seed({
      entities: [
        { id: "eu", name: "EU", status: "Provisioned" },
        { id: "draft", name: "Draft" },
      ],
    });
    const before = standIn.state().entities;
    const zuora = await clientOn(standIn);
    const update = (body: Record<string, unknown>) => outcome(zuora.updateEntity("draft", body as never));
    expect(await update({ parentId: "eu" })).toBe(
      'refused 21: The field "parentId" is not one updateEntity takes (it takes displayName, locale, name, timezone).',
    );
    expect(await update({ status: "Provisioned" })).toMatch(/^refused 21: The field "status" /);
    expect(await update({ displayName: "Moved", parentId: "eu" })).toMatch(/^refused 21: The field "parentId" /);
    expect(standIn.state().entities).toEqual(before);
  });

  it("refuses an unknown field on every operation that takes a body (21), acting on none", async () => {
    const standIn = createStandIn();
    const global = standIn.globalEntityId;
    standIn.seed({
      entities: [{ id: "eu", name: "EU", status: "Provisioned" }],
      users: { jane: { home: global } },
      products: [{ id: "gold" }],
    });
    const before = standIn.state();
    const zuora = await clientOn(standIn);
    /** A body the operation takes, plus a field it does not. */
    const plus = (fields: object, extra: object = { status: "Connected" }) => ({ ...fields, ...extra }) as never;
    const calls = [
      () => zuora.createEntity(plus({ name: "New", parentId: global, ...place }, { id: "mine" })),
      () => zuora.initiateConnection(plus({ targetEntityId: "eu" })),
      () => zuora.requestUserAccess("jane", plus({ targetEntityIds: ["eu"] })),
      () => zuora.shareProduct("gold", plus({ toEntityIds: ["eu"] })),
    ];
    for (const call of calls) expect(await outcome(call())).toMatch(/^refused 21: The field "(id|status)" is not one /);
    expect(standIn.state()).toEqual(before);
    // The client sent each one: the judgement is the server's, as it is Zuora's.
    expect(standIn.requests().map((r) => `${r.operationId} ${r.status}`)).toEqual([
      "createEntity 200",
      "initiateConnection 200",
      "requestUserAccess 200",
      "shareProduct 200",
    ]);
  });
});

describe("the shared request checker and fields an operation does not take", () => {
  const updateEntity = operationRules.find((op) => op.operationId === "updateEntity");
  if (!updateEntity) throw new Error("no updateEntity in the operation table");

  it("finds one only when asked to refuse them (the stand-in asks; the client leaves them to the server)", () => {
    const body = { displayName: "Fine", parentId: "x" };
    expect(checkBody(updateEntity, body)).toBeUndefined();
    expect(checkBody(updateEntity, body, { unknownFields: "ignore" })).toBeUndefined();
    expect(checkBody(updateEntity, body, { unknownFields: "refuse" })).toEqual({
      rule: "unknownField",
      name: "parentId",
      problem: "is not a field of this operation",
    });
  });
});
