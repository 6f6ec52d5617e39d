import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type BuildOptions, build } from "esbuild";

const run = promisify(execFile);
const ECOSYSTEM = fileURLToPath(new URL("..", import.meta.url));

/** How esbuild resolves the package for each kind of bundle, as the platform's own tooling does. */
const BUNDLE_TARGETS = {
  // As Cloudflare's wrangler bundles a worker: the workerd, worker and browser conditions, no Node.
  worker: {
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
  },
  browser: { platform: "browser" },
} satisfies Record<string, BuildOptions>;

/** A fresh project that installed the packed tarball, with the acceptance script and its entries in it. */
export interface FreshProject {
  dir: string;
  /** The compiled entry (`server`), one JavaScript file per source file, importing the package by name. */
  script(entry: string): string;
  /** One file: the entry and what it imports, the package included, bundled by esbuild for a worker or a page. */
  bundle(entry: string, target: keyof typeof BUNDLE_TARGETS): Promise<string>;
  remove(): Promise<void>;
}

/**
 * Makes a project as a user's would (`npm install` of the tarball: the package and openapi-fetch, and the `packages`
 * named) and copies in `acceptance.ts` with `entries/` and `typescript/`, the first two compiled to `out/` file by file: no bundling, so each runtime resolves
 * `zuora-multi-entity` and its subpaths from node_modules by the exports map, with its own conditions.
 */
export async function freshProject(tarball: string, packages: readonly string[] = []): Promise<FreshProject> {
  const dir = await mkdtemp(join(tmpdir(), "zuora-multi-entity-ecosystem-"));
  try {
    await writeFile(join(dir, "package.json"), JSON.stringify({ name: "ecosystem", private: true, type: "module" }));
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, ...packages], { cwd: dir });
    await cp(join(ECOSYSTEM, "acceptance.ts"), join(dir, "src/acceptance.ts"));
    await cp(join(ECOSYSTEM, "entries"), join(dir, "src/entries"), { recursive: true });
    await cp(join(ECOSYSTEM, "typescript"), join(dir, "src/typescript"), { recursive: true });
    await build({
      entryPoints: [join(dir, "src/acceptance.ts"), join(dir, "src/entries/*.ts")],
      outdir: join(dir, "out"),
      outbase: join(dir, "src"),
      format: "esm",
      target: "es2022",
      logLevel: "silent",
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    script: (entry) => join(dir, "out/entries", `${entry}.js`),
    async bundle(entry, target) {
      const outfile = join(dir, "bundles", `${entry}.js`);
      await build({
        ...BUNDLE_TARGETS[target],
        absWorkingDir: dir,
        entryPoints: [join(dir, "src/entries", `${entry}.ts`)],
        outfile,
        bundle: true,
        format: "esm",
        target: "es2022",
        logLevel: "silent",
      });
      return outfile;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Runs a program in the project and parses the one JSON line it prints last. */
export async function runJson(file: string, args: string[], cwd: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(file, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as Record<string, unknown>;
}
