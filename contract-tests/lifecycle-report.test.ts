import { describe, expect, inject, it } from "vitest";
import { verifyLifecycle } from "../scripts/verify/verifyLifecycle.js";

// The lifecycle `npm start` runs (on the embedded stand-in, and on a real tenant only with --lifecycle; that gate is
// pinned by the real `npm start` run in tenant-verification.test.ts), run here in-process on the suites' shared
// stand-in behind prism proxy --errors.
describe("the lifecycle npm start runs", () => {
  it("passes every step on the stand-in, and every answer passes Prism", async () => {
    const results = await verifyLifecycle({ baseUrl: inject("standInUrl"), auth: "lifecycle-token" });
    expect(results.filter((r) => !r.pass)).toEqual([]);
    expect(results.map((r) => r.check)).toEqual([
      "creates a child and a grandchild, Unprovisioned",
      "lists both as unprovisioned",
      "refuses to provision the grandchild before its parent (rule, 30)",
      "provisions the child, then the grandchild",
      "refuses a new locale once provisioned, and deleting a provisioned entity (30)",
      "initiates a connection: Pending, inbound for the target and outbound for the source",
      "the target accepts: Connected on both sides",
      "the source disconnects: Disconnected on both sides",
      "every answer follows the spec, as prism proxy --errors judged it",
    ]);
  });
});
