import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { acquireMockPrism } from "../../contract-tests/support/sharedMockPrism.js";

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
  }
}

/**
 * Packs the package once, exactly as `npm publish` would (prepack builds dist/), unpacks it beside the tarball, and
 * boots one Prism mock. The suites test what ships, not the working tree. Everything is removed afterwards.
 */
export default async function setup(project: TestProject) {
  const packDir = await mkdtemp(join(tmpdir(), "zuora-multi-entity-pack-"));
  const { prism, release } = await acquireMockPrism();
  try {
    const { stdout } = await run("npm", ["pack", "--silent", "--pack-destination", packDir], { cwd: ROOT });
    const tarball = join(packDir, stdout.trim().split("\n").at(-1) ?? "");
    await run("tar", ["-xzf", tarball, "-C", packDir]);
    project.provide("prismUrl", prism.url);
    project.provide("packDir", packDir);
    project.provide("tarball", tarball);
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
