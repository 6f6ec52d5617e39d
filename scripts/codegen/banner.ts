import { SPEC_PATH } from "./spec.js";

/** The first lines of every generated file: where it comes from and how to change it. */
export const BANNER = [
  `// Generated from ${SPEC_PATH} by \`npm run generate\`. DO NOT EDIT BY HAND.`,
  "// Change the spec and run the command again; `npm run check:generated` (run in CI) fails when this file",
  "// and the spec drift apart.",
  "",
].join("\n");
