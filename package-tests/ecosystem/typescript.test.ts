import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type FreshProject, freshProject } from "./support/freshProject.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const own = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};
/** The oldest TypeScript the README promises, as it says it: "TypeScript 5.7 or later". */
const oldest = /\bTypeScript (\d+\.\d+) or later\b/.exec(await readFile(join(ROOT, "README.md"), "utf8"))?.[1];

/** Each `moduleResolution` a consumer may use, with the `module` it goes with. */
const MODES = { node16: "node16", nodenext: "nodenext", bundler: "esnext", node10: "commonjs" } as const;
type Mode = keyof typeof MODES;

let project: FreshProject | undefined;
/** The errors tsc printed under each mode, for each TypeScript. */
const errors = new Map<string, Map<Mode, string[]>>();

/**
 * Type-checks the consumer under every mode with one `tsc -b` (the lib files are read once, not once per mode), and
 * gives each mode the errors printed after its "Building project" line; a mode tsc did not build has no entry.
 * Strict, with the package's declarations and openapi-fetch's checked (`skipLibCheck: false`), and no Node types:
 * what a browser's project has. `label` keeps the configs (and tsc's build info) of two TypeScripts apart.
 */
async function typeCheck(dir: string, tsc: string, label: string): Promise<Map<Mode, string[]>> {
  const config = (mode: string) => `tsconfig.${label}.${mode}.json`;
  for (const [mode, module] of Object.entries(MODES)) {
    const compilerOptions = {
      noEmit: true,
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: false,
      skipDefaultLibCheck: true,
      target: "es2022",
      lib: ["es2022", "dom"],
      types: [],
      module,
      moduleResolution: mode,
    };
    await writeFile(
      join(dir, config(mode)),
      JSON.stringify({ compilerOptions, files: ["src/typescript/consumer.ts"] }),
    );
  }
  const configs = Object.keys(MODES).map(config);
  const { stdout } = await run(process.execPath, [tsc, "-b", "--verbose", "--pretty", "false", "--force", ...configs], {
    cwd: dir,
  }).catch((error: { stdout: string }) => error);
  const byMode = new Map<Mode, string[]>();
  let current: string[] | undefined;
  for (const line of stdout.split("\n")) {
    const building = /Building project '.*tsconfig\.\w+\.(\w+)\.json'/.exec(line)?.[1];
    if (building) {
      current = [];
      byMode.set(building as Mode, current);
    } else if (/error TS\d+/.test(line)) current?.push(line.trim());
  }
  return byMode;
}

beforeAll(async () => {
  if (!oldest) throw new Error('README.md names no "TypeScript N.N or later"');
  project = await freshProject(inject("tarball"), [`typescript-oldest@npm:typescript@~${oldest}.0`]);
  const { dir } = project;
  const [current, old] = await Promise.all([
    typeCheck(dir, join(ROOT, "node_modules/typescript/bin/tsc"), "own"),
    typeCheck(dir, join(dir, "node_modules/typescript-oldest/bin/tsc"), "oldest"),
  ]);
  errors.set(own.devDependencies.typescript ?? "", current);
  errors.set(`~${oldest}`, old);
});

afterAll(async () => {
  await project?.remove();
});

describe.each([
  [`TypeScript ${own.devDependencies.typescript} (the project's own)`, own.devDependencies.typescript ?? ""],
  [`TypeScript ${oldest}, the oldest the README names`, `~${oldest}`],
])("a consumer of every entry, type-checked from the packed tarball on %s", (_title, version) => {
  it.each(Object.keys(MODES) as Mode[])("under moduleResolution %s", (mode) => {
    expect(errors.get(version)?.get(mode)).toEqual([]);
  });
});
