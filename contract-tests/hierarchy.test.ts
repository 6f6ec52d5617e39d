import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CheckedStandIn, startCheckedStandIn } from "../scripts/checkedStandIn.js";

// `zuora-entities` as a user runs it, against a stand-in of its own behind `prism proxy --errors` (the shared one holds
// other suites' provisioned entities, which a file of this test's cannot leave out): every request the command sends
// and every answer it gets is checked against the spec on the way, and a violation fails the command.

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);
let checked: CheckedStandIn;

beforeAll(async () => {
  checked = await startCheckedStandIn();
});
afterAll(async () => {
  await checked?.close();
});

async function cli(args: string[]) {
  return run(process.execPath, ["--import", "tsx", join(ROOT, "hierarchy/cli/bin.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ZUORA_BASE_URL: checked.url, ZUORA_ACCESS_TOKEN: "prism-token", NO_COLOR: "1" },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("zuora-entities through prism proxy --errors", () => {
  it("applies the example with requests and answers Prism finds valid, then plans to no change", async () => {
    const applied = await cli(["apply", "examples/hierarchy.yaml", "--auto-approve"]);
    expect(applied.stderr).not.toContain("Error");
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain("Apply complete: 7 steps done");
    const written = checked.standIn.requests().filter((r) => r.method !== "GET");
    expect(written.map((r) => `${r.operationId} ${r.status}`).sort()).toEqual(
      [
        ...Array(3).fill("createEntity 200"),
        ...Array(2).fill("provisionEntity 200"),
        "initiateConnection 200",
        "acceptConnection 200",
      ].sort(),
    );
    expect(written.every((r) => r.reasonCode === undefined)).toBe(true);
    const again = await cli(["plan", "examples/hierarchy.yaml", "--detailed-exitcode"]);
    expect(again.code).toBe(0);
  });
});
