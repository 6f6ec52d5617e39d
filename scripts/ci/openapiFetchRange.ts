/**
 * CI's proof of the openapi-fetch range package.json declares: runs the unit suites on the lowest and on the highest
 * version of the range that the registry serves, each installed in a folder of its own under `.reports/` and put in
 * place by vitest's alias (ZUORA_OPENAPI_FETCH_DIR, see vitest.config.ts), so the project's own node_modules is never
 * changed. A version equal to the one installed is not run again: `npm test` ran the suites on it. Each run writes
 * `.reports/vitest-openapi-fetch-<version>.json` for the summary. Exits 1 when a run failed.
 *
 *   npx tsx scripts/ci/openapiFetchRange.ts
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
const range = manifest.dependencies["openapi-fetch"];
const installed = (JSON.parse(readFileSync("node_modules/openapi-fetch/package.json", "utf8")) as { version: string })
  .version;
const npm = (...args: string[]) => execFileSync("npm", args, { encoding: "utf8" }).trim();

const served = JSON.parse(npm("view", `openapi-fetch@${range}`, "version", "--json")) as string | string[];
const versions = Array.isArray(served) ? served : [served];
const ends = [...new Set([versions[0], versions.at(-1)])].filter((v): v is string => v !== undefined);
console.log(
  `openapi-fetch ${range}: the registry serves ${versions.join(", ")}; lowest and highest: ${ends.join(", ")}`,
);

let failed = false;
for (const version of ends) {
  if (version === installed) {
    console.log(`openapi-fetch ${version}: the version installed, which npm test ran the suites on`);
    continue;
  }
  const prefix = resolve(".reports", `openapi-fetch-${version}`);
  mkdirSync(prefix, { recursive: true });
  npm("install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", `openapi-fetch@${version}`);
  const run = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--project", "unit"], {
    stdio: "inherit",
    env: {
      ...process.env,
      ZUORA_OPENAPI_FETCH_DIR: join(prefix, "node_modules/openapi-fetch"),
      VITEST_JSON_REPORT: `.reports/vitest-openapi-fetch-${version}.json`,
    },
  });
  console.log(`openapi-fetch ${version}: unit suites ${run.status === 0 ? "passed" : "FAILED"}`);
  failed ||= run.status !== 0;
}
process.exitCode = failed ? 1 : 0;
