import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summaryLines as linesFor } from "../../scripts/ci/summaryLines.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zuora-multi-entity-summary-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface ReportFile {
  status: string;
  tests: string[];
  name?: string;
  message?: string;
}

/** Writes a vitest JSON report with these files (and this file name) and returns its path. */
async function report(files: ReportFile[], fileName = `${Math.random()}.json`): Promise<string> {
  const testResults = files.map((file, index) => ({
    name: join(ROOT, file.name ?? `test/file${index}.test.ts`),
    status: file.status,
    message: file.message ?? "",
    assertionResults: file.tests.map((status, test) => ({
      status,
      fullName: `suite test ${test}`,
      failureMessages:
        status === "failed" ? [`\u001b[31mAssertionError: expected ${test}\u001b[39m\n    at somewhere`] : [],
    })),
  }));
  const count = (status: string) => files.flatMap((file) => file.tests).filter((test) => test === status).length;
  const content = { numPassedTests: count("passed"), numFailedTests: count("failed"), testResults };
  const path = join(dir, fileName);
  await writeFile(path, JSON.stringify(content));
  return path;
}

/** What `.ci/run` prints for these reports, line by line (the script's own output is checked once, below). */
async function summaryLines(...paths: string[]): Promise<string[]> {
  return linesFor(paths);
}

/** The count line, the last `.ci/run` prints, for these reports. */
async function summaryOf(...paths: string[]): Promise<string> {
  return (await summaryLines(...paths)).at(-1) ?? "";
}

/** The count line `.ci/run` prints for a vitest JSON report with these files. */
async function summaryLine(files: ReportFile[]): Promise<string> {
  return summaryOf(await report(files));
}

/** The runtime the main run's report counts for: the Node running the summary (and this test). */
const MAIN = `node${process.versions.node.split(".")[0]}`;

/** The per-runtime table as summaryLines prints it, for these rows (runtime, passed, failed, skipped). */
function table(...rows: [string, number, number, number][]): string[] {
  const row = (cells: (string | number)[]) =>
    cells.map((cell, index) => (index === 0 ? String(cell).padEnd(9) : String(cell).padStart(8))).join("");
  return [row(["runtime", "passed", "failed", "skipped"]), ...rows.map(row)];
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

  it("names each failed test above the count, with its file, its runtime and its failure's first line", async () => {
    const main = await report(
      [{ name: "test/a.test.ts", status: "failed", tests: ["passed", "failed"] }],
      "vitest.json",
    );
    // Not another Node line: the main run's Node is whichever runs this test (.ci/on-node runs it on 22 and 24).
    const bun = await report([{ name: "test/b.test.ts", status: "failed", tests: ["failed"] }], "vitest-bun.json");
    expect(await summaryLines(main, bun)).toEqual([
      "FAILED test/a.test.ts › suite test 1: AssertionError: expected 1",
      "FAILED [bun] test/b.test.ts › suite test 0: AssertionError: expected 0",
      ...table([MAIN, 1, 1, 0], ["bun", 0, 1, 0]),
      "1 passed, 2 failed",
    ]);
  });

  it("names a file that failed before its tests ran, with the reason", async () => {
    const path = await report([
      { name: "test/c.test.ts", status: "failed", tests: ["skipped"], message: "Hook timed out in 180000ms\nmore" },
    ]);
    expect(await summaryLines(path)).toEqual([
      "FAILED test/c.test.ts: the file failed: Hook timed out in 180000ms",
      ...table([MAIN, 0, 1, 0]),
      "0 passed, 1 failed",
    ]);
  });

  it("lists nothing when all passed", async () => {
    expect(await summaryLines(await report([{ status: "passed", tests: ["passed"] }]))).toEqual([
      ...table([MAIN, 1, 0, 0]),
      "1 passed, 0 failed",
    ]);
  });

  it("is what the script prints, run as .ci/run runs it", async () => {
    const path = await report([{ name: "test/d.test.ts", status: "failed", tests: ["passed", "failed"] }]);
    const { stdout } = await run(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/ci/summary.ts"), path], {
      cwd: ROOT,
    });
    expect(stdout.trim().split("\n")).toEqual(linesFor([path]));
    expect(stdout).toContain("FAILED test/d.test.ts › suite test 1: AssertionError: expected 1");
  });

  it("counts each runtime on a line of its own: the report's name, the Node of the main run, the package's browser suites", async () => {
    const main = await report(
      [
        { name: "test/unit.test.ts", status: "passed", tests: ["passed", "passed"] },
        { name: "package-tests/browser.test.ts", status: "passed", tests: ["passed"] },
        { name: "package-tests/ecosystem/chromium.test.ts", status: "failed", tests: ["passed", "failed"] },
        { name: "test/browser/chromium.test.ts", status: "passed", tests: ["passed"] },
      ],
      "vitest.json",
    );
    const bun = await report([{ status: "passed", tests: ["passed"] }], "vitest-bun.json");
    const deno = await report([{ status: "passed", tests: ["passed", "skipped"] }], "vitest-deno.json");
    const lines = await summaryLines(main, bun, deno, join(dir, "vitest-workerd.json"));
    expect(lines.slice(1)).toEqual([
      ...table([MAIN, 3, 0, 0], ["bun", 1, 0, 0], ["deno", 1, 0, 1]),
      "workerd  not run (no report)",
      ...table(["chromium", 2, 1, 0]).slice(1),
      "7 passed, 1 failed, 1 skipped",
    ]);
  });
});
