import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { acquireMockPrism } from "../../contract-tests/support/sharedMockPrism.js";
import { chooseChromium, launchChromium } from "../../scripts/browser/chromium.js";
import { unpackedPackage } from "../../scripts/package/unpackedPackage.js";

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

export default async function setup(project: TestProject) {
  const packDir = await mkdtemp(join(tmpdir(), "zuora-multi-entity-pack-"));
  const { prism, release } = await acquireMockPrism();
  try {
    const [tarball, chromiumPath] = await Promise.all([unpackedPackage(packDir), announceChromium()]);
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
