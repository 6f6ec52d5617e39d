/**
 * Prints vitest's count from its JSON report as the line CI reads: `N passed, N failed`.
 * A missing report (vitest never ran, e.g. the type-check failed first) counts as nothing run. A test that did not
 * run because its file failed (a `beforeAll` threw, the file did not load) counts as failed, not as skipped: it
 * checked nothing, and the line must not read as if all were well.
 */
import { existsSync, readFileSync } from "node:fs";

interface FileResult {
  status: string;
  assertionResults: { status: string }[];
}

const file = process.argv[2] ?? ".reports/vitest.json";
if (!existsSync(file)) {
  console.log("0 passed, 0 failed");
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, "utf8")) as {
  numPassedTests: number;
  numFailedTests: number;
  testResults: FileResult[];
};

let failed = report.numFailedTests;
let skipped = 0;
let brokenFiles = 0;
for (const result of report.testResults) {
  const notRun = result.assertionResults.filter((test) => test.status !== "passed" && test.status !== "failed").length;
  if (result.status === "failed") {
    failed += notRun;
    // A file that failed before any test was collected still counts once.
    if (result.assertionResults.length === 0) brokenFiles += 1;
  } else {
    skipped += notRun;
  }
}
failed += brokenFiles;
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
