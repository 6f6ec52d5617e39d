import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where `npm ci --prefix .ci/runtimes` installs the runtimes pinned in `.ci/runtimes/package-lock.json`. */
const INSTALLED = fileURLToPath(new URL("../../../.ci/runtimes/node_modules", import.meta.url));

/** A file of an installed runtime package; throws, saying how to install it, when it is not there. */
export function runtimeFile(path: string): string {
  const file = join(INSTALLED, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm ci --prefix .ci/runtimes`);
  return file;
}

/** The version of an installed runtime package, from its package.json. */
export function runtimeVersion(name: string): string {
  return (JSON.parse(readFileSync(runtimeFile(`${name}/package.json`), "utf8")) as { version: string }).version;
}

/** The runtimes besides Node that `.ci/run` proves (its `RUNTIMES`), each installed from `.ci/runtimes`. */
export const OTHER_RUNTIMES = ["bun", "deno", "workerd"] as const;

/** Their suites, one each, which `npm test` leaves out (runtimes.config.ts runs them). */
export const OTHER_RUNTIME_SUITES = OTHER_RUNTIMES.map((name) => `package-tests/ecosystem/${name}.test.ts`);
