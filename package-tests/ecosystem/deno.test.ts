import { afterAll, beforeAll, inject } from "vitest";
import { serverRuntimeSuite } from "./support/acceptanceSuite.js";
import { type FreshProject, freshProject, runJson } from "./support/freshProject.js";
import { runtimeFile, runtimeVersion } from "./support/runtimes.js";

let project: FreshProject | undefined;
let result: Record<string, unknown>;

beforeAll(async () => {
  project = await freshProject(inject("tarball"));
  // Deno finds the project's package.json and resolves the package from its node_modules (no download). It may read
  // the project only, and reach loopback only, for listen() and the client's calls to it.
  result = await runJson(
    runtimeFile("@deno/linux-x64-glibc/deno"),
    ["run", "--allow-net=127.0.0.1", `--allow-read=${project.dir}`, "--no-lock", project.script("server")],
    project.dir,
  );
});

afterAll(async () => {
  await project?.remove();
});

serverRuntimeSuite(`the acceptance script on Deno ${runtimeVersion("deno")}, from the packed tarball`, () => result);
