/**
 * `npm run build`: `dist/` as the package ships it, from an empty folder.
 *
 * - JavaScript: each file that package.json's `exports` and `bin` name is one ES module bundled by esbuild from the
 *   TypeScript beside it (`dist/src/index.js` from `src/index.ts`), so a cold start loads a few files instead of one
 *   per source module. Code that several entries reach (the client, the operation table, the stand-in) goes once into
 *   a shared chunk (`dist/chunks/`), so a class is one class whichever entries a program imports. Packages stay
 *   imports (openapi-fetch, yaml, `node:` modules), never inlined.
 * - Declarations: tsc (`tsconfig.build.json`), one `.d.ts` per source file, with declaration maps that point at the
 *   shipped `.ts` sources, which is where an editor's "go to definition" lands.
 * - Source maps of the JavaScript point at the same sources (`sourcesContent` left out: the sources ship).
 *
 * The entries come from package.json alone: a new entry is a new line there. The build fails when a bundled module
 * or a declaration map's source lies outside what package.json's `files` ships, naming the folder to add there.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The parts of package.json the build reads. */
export interface PackageManifest {
  exports: unknown;
  bin?: string | Record<string, string>;
  files: string[];
}

/**
 * The modules package.json points at (`./dist/src/index.js`, ...), from `exports` (every condition) and `bin`, each
 * with the source it is built from: the same path under the package's root, `.ts` for `.js`.
 */
export function entryPoints(manifest: PackageManifest): Map<string, string> {
  const targets = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") targets.add(value);
    else if (value && typeof value === "object") for (const inner of Object.values(value)) walk(inner);
  };
  walk(manifest.exports);
  walk(manifest.bin);
  const entries = new Map<string, string>();
  for (const target of targets) {
    const match = /^\.\/dist\/(.+)\.js$/.exec(target);
    if (match?.[1]) entries.set(target.slice(2), `${match[1]}.ts`);
  }
  return entries;
}

/** Whether `path` (relative to the package's root, `/`-separated) is in what package.json's `files` ships. */
export function isShipped(manifest: PackageManifest, path: string): boolean {
  return manifest.files.some((entry) => path === entry || path.startsWith(`${entry.replace(/\/$/, "")}/`));
}

/** Every file under `dir`, as absolute paths. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

const toPosix = (path: string) => path.split(sep).join("/");

/**
 * What is wrong with the maps under `dist/`: a map whose sources are missing, or lie outside what the package ships
 * (an editor would then land in a `.d.ts`, or a stack trace in the bundle). Empty when all is well.
 */
export async function mapProblems(root: string, manifest: PackageManifest): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await filesUnder(join(root, "dist"))) {
    if (!file.endsWith(".map")) continue;
    const { sources } = JSON.parse(await readFile(file, "utf8")) as { sources: string[] };
    for (const source of sources) {
      const path = toPosix(relative(root, resolve(dirname(file), source)));
      if (!existsSync(join(root, path))) problems.push(`${toPosix(relative(root, file))}: ${source} does not exist`);
      else if (!isShipped(manifest, path)) problems.push(`${toPosix(relative(root, file))}: ${path} is not shipped`);
    }
  }
  return problems;
}

/** Builds `dist/` in `root`; throws, saying what to change, when the result would not work as shipped. */
export async function buildPackage(root = ROOT): Promise<void> {
  const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as PackageManifest;
  const entries = entryPoints(manifest);
  for (const [target, source] of entries) {
    if (!existsSync(join(root, source))) throw new Error(`package.json names ${target}, but ${source} does not exist`);
  }
  await rm(join(root, "dist"), { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const [bundled] = await Promise.all([
    build({
      absWorkingDir: root,
      entryPoints: [...entries.values()],
      outdir: "dist",
      outbase: ".",
      bundle: true,
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
      format: "esm",
      // Every runtime the package supports loads the same files: no Node-only or browser-only resolution.
      platform: "neutral",
      target: "es2022",
      packages: "external",
      sourcemap: "linked",
      sourcesContent: false,
      metafile: true,
      logLevel: "warning",
    }),
    run(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { cwd: root }).catch(
      (error: { stdout?: string; stderr?: string }) => {
        throw new Error(`tsc failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
      },
    ),
  ]);
  const outside = Object.keys(bundled.metafile.inputs).filter((input) => !isShipped(manifest, input));
  if (outside.length > 0) {
    const folders = [...new Set(outside.map((input) => input.split("/")[0]))];
    throw new Error(
      `dist/ bundles ${outside.join(", ")}, whose source package.json's "files" does not ship: add ${folders.join(", ")} there (and to tsconfig.build.json's "include")`,
    );
  }
  const problems = await mapProblems(root, manifest);
  if (problems.length > 0) throw new Error(`source maps that miss the shipped sources:\n  ${problems.join("\n  ")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildPackage().catch((error: Error) => {
    console.error(`build: ${error.message}`);
    process.exit(1);
  });
}
