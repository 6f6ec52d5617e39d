/**
 * `npm run check:package`: the package as npm would publish it, checked by publint (exports, files, metadata) and by
 * attw (every entry point's types resolve under its four modes: node10, node16 from CommonJS and from ESM, bundler). Both read one tarball: the one named
 * by `ZUORA_PACKED_TARBALL` (CI packs once and hands the same tarball to every step), else one `npm pack` made here.
 * Packing runs `prepack`, which builds `dist/`; each tool packing on its own would build it again.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { unpackedPackage } from "./unpackedPackage.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const bin = (name: string) => join(ROOT, "node_modules/.bin", name);

/** Runs a tool, its output passed through; a failure ends the check with the tool's exit code. */
async function tool(file: string, args: string[]): Promise<void> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    process.stdout.write(stdout);
    process.stderr.write(stderr);
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    process.stdout.write(failed.stdout ?? "");
    process.stderr.write(failed.stderr ?? String(error));
    process.exit(typeof failed.code === "number" ? failed.code : 1);
  }
}

const work = await mkdtemp(join(tmpdir(), "zuora-multi-entity-check-"));
try {
  const tarball = await unpackedPackage(work);
  // publint reads the unpacked tarball as is (`--pack false`): exactly the files npm would publish.
  await tool(bin("publint"), ["--strict", "--pack", "false", join(work, "package")]);
  // The one exception, cjs-resolves-to-esm: the package is ES modules only, and attw counts a require() of one as an
  // error. Every Node the package supports (engines: 20.19 and later) loads an ES module with require(), and
  // TypeScript types that require under `module: nodenext` (package-tests/consumer/require.cts runs it).
  // `./hierarchy.schema.json` is left out: it is a JSON Schema for editors (a YAML file's `$schema`), not a module to
  // import, and node10 resolution, which knows no `exports`, cannot reach a file below the package's root by that name.
  await tool(bin("attw"), [
    tarball,
    "--ignore-rules",
    "cjs-resolves-to-esm",
    "--exclude-entrypoints",
    "./hierarchy.schema.json",
  ]);
} finally {
  await rm(work, { recursive: true, force: true });
}
