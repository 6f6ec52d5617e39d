import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock booted from openapi/multi-entity.yaml. */
    prismUrl: string;
    /** What Prism printed as a warning or error while it loaded the spec (empty for a clean spec). */
    prismStartupProblems: string[];
  }
}

/** Boots one Prism mock for the contract suites and stops it when they are done, passed or failed. */
export default async function setup(project: TestProject) {
  const prism = await startPrism();
  project.provide("prismUrl", prism.url);
  project.provide("prismStartupProblems", prism.startupProblems);
  return async () => {
    await prism.stop();
  };
}
