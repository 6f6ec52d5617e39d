import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The JSON report is what .ci/run reads to print "N passed, N failed".
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "contract",
          include: ["contract-tests/**/*.test.ts"],
          // One Prism process for every contract suite: booted before, stopped after, even when a test fails.
          globalSetup: ["contract-tests/support/globalSetup.ts"],
          testTimeout: 20_000,
          hookTimeout: 40_000,
        },
      },
      {
        test: {
          name: "package",
          include: ["package-tests/**/*.test.ts"],
          // Packs the tarball (prepack builds dist/) and boots a Prism mock, once for the package suites.
          globalSetup: ["package-tests/support/globalSetup.ts"],
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
