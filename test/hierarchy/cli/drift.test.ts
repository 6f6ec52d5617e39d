import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliHarness } from "./harness.js";

const { standIn, cli, inProcess, dir, writes } = cliHarness();

/** The fresh tenant, exported: a file that matches it. */
async function exported(): Promise<string> {
  const path = join(dir(), "tenant.yaml");
  expect((await inProcess(["export", "-o", path])).code).toBe(0);
  return path;
}

describe("plan --detailed-exitcode as a drift check: 0 = no difference, 1 = error, 2 = any difference", () => {
  it("exits 0 and says the tenant matches only when nothing differs", async () => {
    const { code, stdout } = await cli(["plan", await exported(), "--detailed-exitcode"]);
    expect(stdout).toContain("No changes: the tenant matches the file.");
    expect(code).toBe(0);
  });

  it("exits 2 for an unprovisioned entity created outside the file, shown as drift, and never says it matches", async () => {
    const file = await exported();
    standIn.seed({ entities: [{ name: "Outsider" }] });
    const { code, stdout } = await cli(["plan", file, "--detailed-exitcode"]);
    expect(stdout).toContain("! entity.Outsider  kept: is not in the file: kept (run with --prune to delete it)");
    expect(stdout).not.toContain("matches");
    expect(code).toBe(2);
    expect(writes()).toEqual([]);
  });

  it("exits 2, not 1, for a provisioned entity created outside the file: a difference, not a broken file", async () => {
    const file = await exported();
    standIn.seed({ entities: [{ name: "Outsider", status: "Provisioned" }] });
    const { code, stdout } = await cli(["plan", file, "--detailed-exitcode"]);
    expect(stdout).toContain("entity.Outsider  kept: is provisioned and not in the file");
    expect(code).toBe(2);
  });

  it("exits 2 for an open connection the file leaves out, and --prune plans to end it", async () => {
    standIn.seed({ entities: [{ id: "eu", name: "EU", status: "Provisioned" }] });
    const file = await exported();
    standIn.seed({
      connections: [{ sourceEntityId: standIn.globalEntityId, targetEntityId: "eu", status: "Pending" }],
    });
    const kept = await inProcess(["plan", file, "--detailed-exitcode"]);
    expect(kept.stdout).toContain("connection.Global->EU  kept: is Pending and not in the file");
    expect(kept.code).toBe(2);
    const pruned = await inProcess(["plan", file, "--detailed-exitcode", "--prune"]);
    expect(pruned.stdout).toContain("- connection.Global->EU  deny");
    expect(pruned.code).toBe(2);
  });
});
