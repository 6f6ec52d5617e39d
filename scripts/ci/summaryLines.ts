/**
 * vitest's count from its JSON reports as the line CI reads: `N passed, N failed`. With several reports (the
 * main run and the runs on other Node lines) the counts add up: a test that ran on three lines counts three times.
 * A missing report (vitest never ran, e.g. the type-check failed first) counts as nothing run. A test that did not
 * run because its file failed (a `beforeAll` threw, the file did not load) counts as failed, not as skipped: it
 * checked nothing, and the line must not read as if all were well.
 *
 * Above the count, each failed test is named with its file and the first line of its failure, because a CI log is
 * often read from its tail only: the count alone says that something failed, not what.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, relative } from "node:path";
import { stripVTControlCharacters } from "node:util";

interface TestResult {
  status: string;
  fullName?: string;
  failureMessages?: string[];
}

interface FileResult {
  name?: string;
  status: string;
  message?: string;
  assertionResults: TestResult[];
}

interface Count {
  passed: number;
  failed: number;
  skipped: number;
  /** One line per failed test or failed file. */
  failures: string[];
}

/** The most failures listed; the count still says how many there were. */
const MAX_LISTED = 20;
/** A failure's first line is cut to this many characters. */
const MAX_LINE = 200;

/** The first non-empty line of a failure message, without colour codes, cut to {@link MAX_LINE} characters. */
function firstLine(message: string | undefined): string {
  const plain = stripVTControlCharacters(message ?? "");
  const line =
    plain
      .split("\n")
      .find((text) => text.trim() !== "")
      ?.trim() ?? "(no message)";
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

/** The count of one vitest JSON report; nothing when the file does not exist. */
function countReport(file: string): Count {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0, failures: [] };
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: FileResult[];
  };
  // The report's name says the Node line for the runs on other lines (vitest-node22.json).
  const line = /^vitest-(node\d+)$/.exec(basename(file, ".json"))?.[1];
  const where = (result: FileResult) =>
    `${line ? `[${line}] ` : ""}${result.name ? relative(process.cwd(), result.name) : "(unknown file)"}`;
  let failed = report.numFailedTests;
  let skipped = 0;
  const failures: string[] = [];
  for (const result of report.testResults) {
    const notRun = result.assertionResults.filter((test) => test.status !== "passed" && test.status !== "failed");
    for (const test of result.assertionResults.filter((each) => each.status === "failed")) {
      failures.push(`${where(result)} › ${test.fullName ?? "(unnamed)"}: ${firstLine(test.failureMessages?.[0])}`);
    }
    if (result.status === "failed") {
      // A file that failed before any test was collected still counts once.
      failed += result.assertionResults.length === 0 ? 1 : notRun.length;
      if (result.assertionResults.length === 0 || notRun.length > 0) {
        failures.push(`${where(result)}: the file failed: ${firstLine(result.message)}`);
      }
    } else {
      skipped += notRun.length;
    }
  }
  return { passed: report.numPassedTests, failed, skipped, failures };
}

/**
 * The lines CI prints for these vitest JSON reports: a `FAILED …` line per failed test or file (at most
 * {@link MAX_LISTED}, then how many more), then the count line, `N passed, N failed[, N skipped]`.
 */
export function summaryLines(files: readonly string[]): string[] {
  const total = files.map(countReport).reduce(
    (sum, count) => ({
      passed: sum.passed + count.passed,
      failed: sum.failed + count.failed,
      skipped: sum.skipped + count.skipped,
      failures: [...sum.failures, ...count.failures],
    }),
    { passed: 0, failed: 0, skipped: 0, failures: [] as string[] },
  );
  const lines = total.failures.slice(0, MAX_LISTED).map((failure) => `FAILED ${failure}`);
  if (total.failures.length > MAX_LISTED) lines.push(`FAILED … and ${total.failures.length - MAX_LISTED} more`);
  lines.push(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  return lines;
}
