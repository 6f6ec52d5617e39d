import { describe, expect, it } from "vitest";
import { entityBody, testClient } from "../support/fixtures.js";
import { useLoopbackServer } from "../support/loopbackServer.js";

const server = useLoopbackServer();

const sentEntityIds = () => server.requests.map((r) => r.headers["zuora-entity-ids"]);

describe("Zuora-Entity-Ids", () => {
  it("sends the client's default entity", async () => {
    await testClient(server.url, { entityIds: "entity-global" }).initiateConnection({ targetEntityId: "t" });
    expect(sentEntityIds()).toEqual(["entity-global"]);
  });

  it("lets a call's entity win over the default", async () => {
    const zuora = testClient(server.url, { entityIds: "entity-global" });
    await zuora.initiateConnection({ targetEntityId: "t" }, { entityIds: "entity-asia" });
    await zuora.createEntity(entityBody, { entityIds: "entity-eu" });
    expect(sentEntityIds()).toEqual(["entity-asia", "entity-eu"]);
  });

  it("sends none when no entity is configured", async () => {
    await testClient(server.url).initiateConnection({ targetEntityId: "t" });
    expect(sentEntityIds()).toEqual([undefined]);
  });
});
