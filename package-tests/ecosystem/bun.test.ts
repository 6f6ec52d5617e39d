import { afterAll, beforeAll, inject } from "vitest";
import { serverRuntimeSuite } from "./support/acceptanceSuite.js";
import { type FreshProject, freshProject, runJson } from "./support/freshProject.js";
import { runtimeFile, runtimeVersion } from "./support/runtimes.js";

let project: FreshProject | undefined;
let result: Record<string, unknown>;

beforeAll(async () => {
  project = await freshProject(inject("tarball"));
  // Bun runs the compiled files as Node would, resolving the package from node_modules with its own conditions.
  result = await runJson(runtimeFile("@oven/bun-linux-x64/bin/bun"), ["run", project.script("server")], project.dir);
});

afterAll(async () => {
  await project?.remove();
});

serverRuntimeSuite(
  `the acceptance script on Bun ${runtimeVersion("@oven/bun-linux-x64")}, from the packed tarball`,
  () => result,
);
