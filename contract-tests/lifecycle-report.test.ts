import { describe, expect, inject, it } from "vitest";
import { seededFixtures } from "../scripts/verify/lifecycleFixtures.js";
import { verifyLifecycle } from "../scripts/verify/verifyLifecycle.js";
import { seedStandIn } from "./support/standInClient.js";

// The lifecycle `npm start` runs (on the embedded stand-in, and on a real tenant only with --lifecycle; that gate is
// pinned by the real `npm start` run in tenant-verification.test.ts), run here in-process on the suites' shared
// stand-in behind prism proxy --errors.
describe("the lifecycle npm start runs", () => {
  it("passes every step on the stand-in, and every answer passes Prism", async () => {
    const results = await verifyLifecycle({
      baseUrl: inject("standInUrl"),
      auth: "lifecycle-token",
      fixtures: seededFixtures(seedStandIn),
    });
    expect(results.filter((r) => !r.pass)).toEqual([]);
    expect(results.map((r) => r.check)).toEqual([
      "creates a child and a grandchild, Unprovisioned",
      "lists both as unprovisioned",
      "refuses to provision the grandchild before its parent (rule, 30)",
      "provisions the child, then the grandchild",
      "refuses a new locale once provisioned, and deleting a provisioned entity (30)",
      "initiates a connection: Pending, inbound for the target and outbound for the source",
      "the target accepts: Connected on both sides",
      "a user of the child asks access to the grandchild: pending, not listed until the grandchild accepts",
      "the global entity denies the user's request: nothing granted, nothing left to accept (30)",
      "the global entity shares a product with the grandchild over its own connection to it, once (30), never from the child (10)",
      "the source disconnects: Disconnected on both sides",
      "every answer follows the spec, as prism proxy --errors judged it",
    ]);
  });

  it("reports the access and sharing steps as not run, and why, without fixtures (a real tenant)", async () => {
    const results = await verifyLifecycle({ baseUrl: inject("standInUrl"), auth: "lifecycle-token" });
    expect(results.filter((r) => !r.pass && !r.skipped)).toEqual([]);
    expect(results.filter((r) => r.skipped).map((r) => [r.check.split(":")[0], r.detail])).toEqual([
      ["a user of the child asks access to the grandchild", expect.stringContaining("not run: needs a user")],
      ["the global entity denies the user's request", expect.stringContaining("not run: needs a user")],
      [
        "the global entity shares a product with the grandchild over its own connection to it, once (30), never from the child (10)",
        expect.stringContaining("not run"),
      ],
    ]);
  });
});
