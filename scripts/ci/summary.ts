/**
 * Prints vitest's count from its JSON report as the line CI reads: `N passed, N failed`.
 * A missing report (vitest never ran, e.g. the type-check failed first) counts as nothing run.
 */
import { existsSync, readFileSync } from "node:fs";

const file = process.argv[2] ?? ".reports/vitest.json";
if (!existsSync(file)) {
  console.log("0 passed, 0 failed");
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, "utf8")) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
};
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
