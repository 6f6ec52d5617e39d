import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, inject } from "vitest";
import { portableRuntimeSuite } from "./support/acceptanceSuite.js";
import { type FreshProject, freshProject } from "./support/freshProject.js";
import { runtimeFile, runtimeVersion } from "./support/runtimes.js";

/** The part of miniflare's API used here (its types live in .ci/runtimes, outside this project's type-check). */
interface Miniflare {
  dispatchFetch(url: string): Promise<Response>;
  dispose(): Promise<void>;
}
type MiniflareModule = {
  Miniflare: new (options: { modules: true; script: string; compatibilityDate: string }) => Miniflare;
};

/** The newest date the pinned workerd implements, so the worker runs with today's behaviour of the runtime. */
const COMPATIBILITY_DATE = "2026-07-30";

let project: FreshProject | undefined;
let miniflare: Miniflare | undefined;
let result: Record<string, unknown>;

beforeAll(async () => {
  project = await freshProject(inject("tarball"));
  // Bundled as wrangler bundles a worker (workerd, worker and browser conditions): a bundle that reached node:http
  // would fail here, and workerd would refuse to load it.
  const script = await readFile(await project.bundle("worker", "worker"), "utf8");
  const { Miniflare } = (await import(
    pathToFileURL(runtimeFile("miniflare/dist/src/index.js")).href
  )) as MiniflareModule;
  miniflare = new Miniflare({ modules: true, script, compatibilityDate: COMPATIBILITY_DATE });
  const answer = await miniflare.dispatchFetch("http://localhost/");
  result = (await answer.json()) as Record<string, unknown>;
});

afterAll(async () => {
  await miniflare?.dispose();
  await project?.remove();
});

portableRuntimeSuite(
  `the acceptance script in workerd ${runtimeVersion("workerd")} (miniflare ${runtimeVersion("miniflare")}), bundled by esbuild from the packed tarball`,
  () => result,
);
