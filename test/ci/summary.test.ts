import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zuora-multi-entity-summary-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Writes a vitest JSON report with these files and returns its path. */
async function report(files: { status: string; tests: string[] }[]): Promise<string> {
  const testResults = files.map((file) => ({
    status: file.status,
    assertionResults: file.tests.map((status) => ({ status })),
  }));
  const count = (status: string) => files.flatMap((file) => file.tests).filter((test) => test === status).length;
  const content = { numPassedTests: count("passed"), numFailedTests: count("failed"), testResults };
  const path = join(dir, `${Math.random()}.json`);
  await writeFile(path, JSON.stringify(content));
  return path;
}

/** The line `.ci/run` prints for these reports. */
async function summaryOf(...paths: string[]): Promise<string> {
  const { stdout } = await run(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/ci/summary.ts"), ...paths]);
  return stdout.trim();
}

/** The line `.ci/run` prints for a vitest JSON report with these files. */
async function summaryLine(files: { status: string; tests: string[] }[]): Promise<string> {
  return summaryOf(await report(files));
}

describe("the CI count line", () => {
  it("counts passed and failed tests", async () => {
    expect(await summaryLine([{ status: "failed", tests: ["passed", "failed", "passed"] }])).toBe("2 passed, 1 failed");
  });

  it("counts the tests of a file whose setup failed as failed, not skipped", async () => {
    const line = await summaryLine([
      { status: "passed", tests: ["passed"] },
      { status: "failed", tests: ["skipped", "skipped", "skipped"] },
    ]);
    expect(line).toBe("1 passed, 3 failed");
  });

  it("counts a file that failed to load as one failure", async () => {
    expect(await summaryLine([{ status: "failed", tests: [] }])).toBe("0 passed, 1 failed");
  });

  it("reports tests skipped on purpose in a passing file as skipped", async () => {
    expect(await summaryLine([{ status: "passed", tests: ["passed", "skipped"] }])).toBe(
      "1 passed, 0 failed, 1 skipped",
    );
  });

  it("adds up the reports of every Node line, a missing one counting as nothing run", async () => {
    const node20 = await report([{ status: "passed", tests: ["passed", "passed"] }]);
    const node22 = await report([{ status: "failed", tests: ["passed", "failed"] }]);
    const node24 = await report([{ status: "failed", tests: [] }]);
    expect(await summaryOf(node20, node22, node24, join(dir, "never-written.json"))).toBe("3 passed, 2 failed");
  });
});
