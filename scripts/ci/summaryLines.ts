/**
 * vitest's count from its JSON reports as the line CI reads: `N passed, N failed`. With several reports (the
 * main run and the runs on other Node lines) the counts add up: a test that ran on three lines counts three times.
 * A missing report (vitest never ran, e.g. the type-check failed first) counts as nothing run. A test that did not
 * run because its file failed (a `beforeAll` threw, the file did not load) counts as failed, not as skipped: it
 * checked nothing, and the line must not read as if all were well.
 *
 * Above the count, each failed test is named with its file and the first line of its failure, because a CI log is
 * often read from its tail only: the count alone says that something failed, not what. Between the two, a table
 * counts the tests of each runtime: the one a report's name says (`vitest-node22.json`, `vitest-bun.json`), the
 * Node running this for the main run's report, and Chromium for the browser suites, whichever report holds them.
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
}

/** A report's counts, each test under the runtime it ran on, and one line per failed test or failed file. */
interface ReportCount {
  byRuntime: Map<string, Count>;
  failures: string[];
}

/** The most failures listed; the count still says how many there were. */
const MAX_LISTED = 20;
/** A failure's first line is cut to this many characters. */
const MAX_LINE = 200;
/** The runtimes CI proves, in the order the per-runtime count lists them (others follow, by name). */
const RUNTIMES = ["node20", "node22", "node24", "bun", "deno", "workerd", "chromium"];
/** The package suites whose tests run the package in Chromium, whichever Node runs vitest. */
const CHROMIUM_FILE = /(?:^|[\\/])package-tests[\\/](?:ecosystem[\\/])?(?:browser|chromium)\.test\.ts$/;

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

/**
 * The runtime a report's name says (`vitest-node22.json`, `vitest-bun.json`: the runs .ci/on-node and
 * .ci/on-runtime make), or undefined for the main run's report, which ran on the Node running this.
 */
function namedRuntime(file: string): string | undefined {
  return /^vitest-(\w+)$/.exec(basename(file, ".json"))?.[1];
}

function add(byRuntime: Map<string, Count>, runtime: string, count: Count): void {
  const sum = byRuntime.get(runtime) ?? { passed: 0, failed: 0, skipped: 0 };
  byRuntime.set(runtime, {
    passed: sum.passed + count.passed,
    failed: sum.failed + count.failed,
    skipped: sum.skipped + count.skipped,
  });
}

/** The count of one vitest JSON report; nothing when the file does not exist. */
function countReport(file: string): ReportCount {
  const named = namedRuntime(file);
  const byRuntime = new Map<string, Count>();
  if (!existsSync(file)) {
    if (named) byRuntime.set(named, { passed: 0, failed: 0, skipped: 0 });
    return { byRuntime, failures: [] };
  }
  const report = JSON.parse(readFileSync(file, "utf8")) as { testResults: FileResult[] };
  const mainRuntime = named ?? `node${process.versions.node.split(".")[0]}`;
  const where = (result: FileResult) =>
    `${named ? `[${named}] ` : ""}${result.name ? relative(process.cwd(), result.name) : "(unknown file)"}`;
  const failures: string[] = [];
  for (const result of report.testResults) {
    const runtime = result.name && CHROMIUM_FILE.test(result.name) ? "chromium" : mainRuntime;
    const tests = result.assertionResults;
    const notRun = tests.filter((test) => test.status !== "passed" && test.status !== "failed");
    const failedTests = tests.filter((each) => each.status === "failed");
    for (const test of failedTests) {
      failures.push(`${where(result)} › ${test.fullName ?? "(unnamed)"}: ${firstLine(test.failureMessages?.[0])}`);
    }
    const count = { passed: tests.length - notRun.length - failedTests.length, failed: failedTests.length, skipped: 0 };
    if (result.status === "failed") {
      // A file that failed before any test was collected still counts once.
      count.failed += tests.length === 0 ? 1 : notRun.length;
      if (tests.length === 0 || notRun.length > 0) {
        failures.push(`${where(result)}: the file failed: ${firstLine(result.message)}`);
      }
    } else {
      count.skipped = notRun.length;
    }
    add(byRuntime, runtime, count);
  }
  return { byRuntime, failures };
}

/** The per-runtime count as a small table (not in the `N passed, N failed` form, which the last line alone has). */
function runtimeTable(byRuntime: Map<string, Count>): string[] {
  const order = (name: string) => (RUNTIMES.includes(name) ? RUNTIMES.indexOf(name) : RUNTIMES.length);
  const names = [...byRuntime.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const row = (cells: (string | number)[]) =>
    cells.map((cell, index) => (index === 0 ? String(cell).padEnd(9) : String(cell).padStart(8))).join("");
  return [
    row(["runtime", "passed", "failed", "skipped"]),
    ...names.map((name) => {
      const count = byRuntime.get(name) as Count;
      const ran = count.passed + count.failed + count.skipped > 0;
      return ran ? row([name, count.passed, count.failed, count.skipped]) : `${name.padEnd(9)}not run (no report)`;
    }),
  ];
}

/**
 * The lines CI prints for these vitest JSON reports: a `FAILED …` line per failed test or file (at most
 * {@link MAX_LISTED}, then how many more), the table of counts per runtime, then the count line,
 * `N passed, N failed[, N skipped]`.
 */
export function summaryLines(files: readonly string[]): string[] {
  const byRuntime = new Map<string, Count>();
  const failures: string[] = [];
  for (const report of files.map(countReport)) {
    for (const [runtime, count] of report.byRuntime) add(byRuntime, runtime, count);
    failures.push(...report.failures);
  }
  const total = [...byRuntime.values()].reduce(
    (sum, count) => ({
      passed: sum.passed + count.passed,
      failed: sum.failed + count.failed,
      skipped: sum.skipped + count.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  const lines = failures.slice(0, MAX_LISTED).map((failure) => `FAILED ${failure}`);
  if (failures.length > MAX_LISTED) lines.push(`FAILED … and ${failures.length - MAX_LISTED} more`);
  lines.push(...runtimeTable(byRuntime));
  lines.push(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  return lines;
}
