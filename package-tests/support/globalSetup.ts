import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { acquireMockPrism } from "../../contract-tests/support/sharedMockPrism.js";
import { chooseChromium, launchChromium } from "../../scripts/browser/chromium.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock booted from openapi/multi-entity.yaml (CORS on, as Prism's default). */
    prismUrl: string;
    /** Folder holding the tarball and its unpacked `package/` (what npm would install). */
    packDir: string;
    /** Absolute path of the `npm pack` tarball. */
    tarball: string;
    /** The Chromium every browser suite launches, chosen (and unpacked) once per run. */
    chromiumPath: string;
  }
}

/** Chooses the browser, launches it once to learn its version, and says in the test output which one runs. */
async function announceChromium(): Promise<string> {
  const { executablePath, origin } = await chooseChromium();
  const browser = await launchChromium(executablePath);
  try {
    console.log(`browser suites drive Chromium ${browser.version()} (${origin}: ${executablePath})`);
  } finally {
    await browser.close();
  }
  return executablePath;
}

/**
 * The tarball in `packDir`: packed here (prepack builds dist/), or, when `ZUORA_PACKED_TARBALL` names one already
 * packed from this checkout, a copy of it. CI packs once for its runs on other Node lines, which then run side by
 * side without two builds rewriting dist/ at the same time; users of every Node line install the same tarball.
 */
async function packedTarball(packDir: string): Promise<string> {
  const given = process.env.ZUORA_PACKED_TARBALL;
  if (given) {
    const copy = join(packDir, basename(given));
    await copyFile(given, copy);
    return copy;
  }
  const { stdout } = await run("npm", ["pack", "--silent", "--pack-destination", packDir], { cwd: ROOT });
  return join(packDir, stdout.trim().split("\n").at(-1) ?? "");
}

/**
 * Packs the package once, exactly as `npm publish` would (prepack builds dist/), unpacks it beside the tarball,
 * boots one Prism mock and chooses the browser. The suites test what ships, not the working tree. Everything but
 * the unpacked browser (kept for the next run) is removed afterwards.
 */
export default async function setup(project: TestProject) {
  const packDir = await mkdtemp(join(tmpdir(), "zuora-multi-entity-pack-"));
  const { prism, release } = await acquireMockPrism();
  try {
    const [tarball, chromiumPath] = await Promise.all([packedTarball(packDir), announceChromium()]);
    await run("tar", ["-xzf", tarball, "-C", packDir]);
    project.provide("prismUrl", prism.url);
    project.provide("packDir", packDir);
    project.provide("tarball", tarball);
    project.provide("chromiumPath", chromiumPath);
  } catch (error) {
    await release();
    await rm(packDir, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await release();
    await rm(packDir, { recursive: true, force: true });
  };
}
