/**
 * Prints vitest's count from its JSON reports as the line CI reads: `N passed, N failed`. With several reports (the
 * main run and the runs on other Node lines) the counts add up: a test that ran on three lines counts three times.
 * A missing report (vitest never ran, e.g. the type-check failed first) counts as nothing run. A test that did not
 * run because its file failed (a `beforeAll` threw, the file did not load) counts as failed, not as skipped: it
 * checked nothing, and the line must not read as if all were well.
 */
import { existsSync, readFileSync } from "node:fs";

interface FileResult {
  status: string;
  assertionResults: { status: string }[];
}

interface Count {
  passed: number;
  failed: number;
  skipped: number;
}

/** The count of one vitest JSON report; nothing when the file does not exist. */
function countReport(file: string): Count {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: FileResult[];
  };
  let failed = report.numFailedTests;
  let skipped = 0;
  for (const result of report.testResults) {
    const notRun = result.assertionResults.filter((test) => test.status !== "passed" && test.status !== "failed");
    if (result.status === "failed") {
      // A file that failed before any test was collected still counts once.
      failed += result.assertionResults.length === 0 ? 1 : notRun.length;
    } else {
      skipped += notRun.length;
    }
  }
  return { passed: report.numPassedTests, failed, skipped };
}

const files = process.argv.slice(2);
const total = (files.length > 0 ? files : [".reports/vitest.json"]).map(countReport).reduce((sum, count) => ({
  passed: sum.passed + count.passed,
  failed: sum.failed + count.failed,
  skipped: sum.skipped + count.skipped,
}));
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
