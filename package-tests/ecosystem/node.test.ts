import { afterAll, beforeAll, inject } from "vitest";
import { serverRuntimeSuite } from "./support/acceptanceSuite.js";
import { type FreshProject, freshProject, runJson } from "./support/freshProject.js";

let project: FreshProject | undefined;
let result: Record<string, unknown>;

beforeAll(async () => {
  project = await freshProject(inject("tarball"));
  // The Node running this suite: .ci/on-node puts each line's binary first on PATH, and vitest runs on it.
  result = await runJson(process.execPath, [project.script("server")], project.dir);
});

afterAll(async () => {
  await project?.remove();
});

serverRuntimeSuite(`the acceptance script on Node ${process.versions.node}, from the packed tarball`, () => result);
