import type { TestProject } from "vitest/node";
import { startFrontLayer } from "../../mock-server/frontLayer.js";
import { startCheckedStandIn } from "../../scripts/checkedStandIn.js";
import { acquireMockPrism } from "./sharedMockPrism.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock booted from openapi/multi-entity.yaml. */
    prismUrl: string;
    /** Base URL of the front layer in front of that Prism (gzip, track id echo, idempotent replay, faults). */
    frontUrl: string;
    /** What Prism printed as a warning or error while it loaded the spec (empty for a clean spec). */
    prismStartupProblems: string[];
    /** Base URL of the front layer in front of `prism proxy --errors` in front of the stand-in (one tenant, shared). */
    standInUrl: string;
    /** Base URL of the stand-in itself, for its `/__stand-in/...` endpoints. */
    standInControlUrl: string;
  }
}

/**
 * Boots (or shares) one Prism mock and its front layer, and one stand-in behind one `prism proxy --errors` and its
 * front layer, for the contract suites; stops them all when the suites are done, passed or failed. Every suite shares
 * the one stand-in tenant, so a test works on entities of its own and never resets it.
 */
export default async function setup(project: TestProject) {
  const [mock, checked] = await Promise.allSettled([acquireMockPrism(), startCheckedStandIn()]);
  const stop = async () => {
    if (checked.status === "fulfilled") await checked.value.close();
    if (mock.status === "fulfilled") await mock.value.release();
  };
  if (mock.status === "rejected" || checked.status === "rejected") {
    await stop();
    throw mock.status === "rejected" ? mock.reason : (checked as PromiseRejectedResult).reason;
  }
  const front = await startFrontLayer(mock.value.prism.url).catch(async (error) => {
    await stop();
    throw error;
  });
  project.provide("prismUrl", mock.value.prism.url);
  project.provide("frontUrl", front.url);
  project.provide("prismStartupProblems", mock.value.prism.startupProblems);
  project.provide("standInUrl", checked.value.url);
  project.provide("standInControlUrl", checked.value.standInUrl);
  return async () => {
    const answered = checked.value.standIn.requests().length;
    console.log(`prism proxy --errors checked ${answered} answers of the stand-in against the spec`);
    await front.close();
    await stop();
  };
}
