import type { TestProject } from "vitest/node";
import { startFrontLayer } from "../../mock-server/frontLayer.js";
import { acquireMockPrism } from "./sharedMockPrism.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock booted from openapi/multi-entity.yaml. */
    prismUrl: string;
    /** Base URL of the front layer in front of that Prism (gzip, track id echo, idempotent replay, faults). */
    frontUrl: string;
    /** What Prism printed as a warning or error while it loaded the spec (empty for a clean spec). */
    prismStartupProblems: string[];
  }
}

/** Boots (or shares) one Prism mock and its front layer for the contract suites; stops both when they are done, passed or failed. */
export default async function setup(project: TestProject) {
  const { prism, release } = await acquireMockPrism();
  const front = await startFrontLayer(prism.url).catch(async (error) => {
    await release();
    throw error;
  });
  project.provide("prismUrl", prism.url);
  project.provide("frontUrl", front.url);
  project.provide("prismStartupProblems", prism.startupProblems);
  return async () => {
    await front.close();
    await release();
  };
}
