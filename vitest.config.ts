import { configDefaults, defineConfig } from "vitest/config";
import { OTHER_RUNTIME_SUITES } from "./package-tests/ecosystem/support/runtimes.js";
import SetupFirstSequencer from "./test/support/setupFirstSequencer.js";

// Time limits here catch hangs; they never judge speed. Each is far above what its tests need on an idle 2-core
// machine (the slowest unit test spawns tsx, about 2 s; the slowest contract test boots npm start, about 5 s; the
// package suites install the tarball in a fresh project, about 15 s), so a busy machine slows a run without failing it.
const SECOND = 1000;

export default defineConfig({
  test: {
    // The JSON report is what .ci/run reads to print "N passed, N failed". The runs on other Node lines
    // (.ci/on-node) name their own report, so that the count adds up every run rather than keeping the last.
    // Two files at a time on the 2-core machines (vitest's default there is one): most of the wall time is spent
    // waiting on child processes (Prism, npm, tsc, tsx, Chromium), which the other file's tests can use.
    maxWorkers: 2,
    // Starts the package suites' global setup beside the first contract file rather than after the last one.
    sequence: { sequencer: SetupFirstSequencer },
    reporters: ["default", ["json", { outputFile: process.env.VITEST_JSON_REPORT ?? ".reports/vitest.json" }]],
    projects: [
      {
        // CI runs the unit suites on each end of the openapi-fetch range (scripts/ci/openapiFetchRange.ts): that
        // version, installed in a folder of its own, stands in for the one in node_modules.
        ...(process.env.ZUORA_OPENAPI_FETCH_DIR
          ? { resolve: { alias: { "openapi-fetch": process.env.ZUORA_OPENAPI_FETCH_DIR } } }
          : {}),
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          // The unit files share a worker's module cache instead of re-importing the client per file (about half
          // of the unit project's wall time on the 2-core machine). They may: each test makes its own client and
          // its own loopback server, and none patches a global.
          isolate: false,
          testTimeout: 60 * SECOND,
          // vitest's default for hooks is 10 s: a speed check on a loaded machine, which a hook must not be either.
          hookTimeout: 60 * SECOND,
        },
      },
      {
        test: {
          name: "contract",
          include: ["contract-tests/**/*.test.ts"],
          // One Prism process for every contract suite: booted before, stopped after, even when a test fails.
          globalSetup: ["contract-tests/support/globalSetup.ts"],
          testTimeout: 120 * SECOND,
          hookTimeout: 180 * SECOND,
        },
      },
      {
        test: {
          name: "package",
          include: ["package-tests/**/*.test.ts"],
          // Bun, Deno and workerd come from .ci/runtimes, which CI installs; `.ci/on-runtime <name>` runs each.
          exclude: [...configDefaults.exclude, ...OTHER_RUNTIME_SUITES],
          // Packs the tarball (prepack builds dist/) and boots a Prism mock, once for the package suites.
          globalSetup: ["package-tests/support/globalSetup.ts"],
          testTimeout: 180 * SECOND,
          hookTimeout: 300 * SECOND,
        },
      },
    ],
  },
});
