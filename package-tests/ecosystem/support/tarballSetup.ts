import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { unpackedPackage } from "../../../scripts/package/unpackedPackage.js";

/**
 * The global setup of the runs on other runtimes (runtimes.config.ts): the packed tarball only (`ZUORA_PACKED_TARBALL`
 * in CI), without the Prism mock and Chromium that the package suites start.
 */
export default async function setup(project: TestProject) {
  const packDir = await mkdtemp(join(tmpdir(), "zuora-multi-entity-pack-"));
  try {
    project.provide("packDir", packDir);
    project.provide("tarball", await unpackedPackage(packDir));
  } catch (error) {
    await rm(packDir, { recursive: true, force: true });
    throw error;
  }
  return () => rm(packDir, { recursive: true, force: true });
}
