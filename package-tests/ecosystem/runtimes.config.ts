import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { OTHER_RUNTIME_SUITES } from "./support/runtimes.js";

// The acceptance script on the runtimes that .ci/runtimes installs: `.ci/on-runtime <bun|deno|workerd>` runs one
// suite with this file. They are not in `npm test`: a fresh clone has Node and Chromium, not these.
const SECOND = 1000;

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: [...OTHER_RUNTIME_SUITES],
    globalSetup: ["package-tests/ecosystem/support/tarballSetup.ts"],
    reporters: ["default", ["json", { outputFile: process.env.VITEST_JSON_REPORT ?? ".reports/vitest-runtimes.json" }]],
    // Limits catch a hang; installing the tarball in a fresh project takes about 5 s on an idle 2-core machine.
    testTimeout: 120 * SECOND,
    hookTimeout: 180 * SECOND,
  },
});
