/**
 * Derives everything in generated/ from the spec, and hierarchy/hierarchy.schema.json from the tenant's value rules.
 *
 *   npm run generate           write the files
 *   npm run check:generated    exit 1, naming each file, when the committed files differ from what the spec gives
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractConstraints, renderConstraints } from "./codegen/constraints.js";
import { renderHelpers } from "./codegen/helpers.js";
import { renderHierarchySchema } from "./codegen/hierarchySchema.js";
import { readSpec, specUrl } from "./codegen/spec.js";
import { renderTypes } from "./codegen/types.js";

const spec = readSpec();
const table = extractConstraints(spec);
const outputs: Record<string, string> = {
  "generated/schema.ts": await renderTypes(specUrl),
  "generated/constraints.ts": renderConstraints(table),
  "generated/helpers.ts": renderHelpers(spec, table),
  "hierarchy/hierarchy.schema.json": renderHierarchySchema(),
};

const check = process.argv.includes("--check");
const drifted: string[] = [];
for (const [file, content] of Object.entries(outputs)) {
  const path = fileURLToPath(new URL(`../${file}`, import.meta.url));
  if (!check) {
    writeFileSync(path, content);
    console.log(`wrote ${file}`);
    continue;
  }
  let committed: string | null = null;
  try {
    committed = readFileSync(path, "utf8");
  } catch {
    // A missing file is drift too.
  }
  if (committed !== content) drifted.push(firstDifference(file, committed, content));
}

if (drifted.length > 0) {
  console.error(`The generated files do not match their sources. Run \`npm run generate\` and commit the result.\n`);
  for (const line of drifted) console.error(line);
  process.exit(1);
}
if (check) console.log(`The generated files match their sources (${Object.keys(outputs).length} files).`);

function firstDifference(file: string, committed: string | null, expected: string): string {
  if (committed === null) return `  ${file}: missing`;
  const a = committed.split("\n");
  const b = expected.split("\n");
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `  ${file}:${at + 1}\n    committed: ${JSON.stringify(a[at] ?? "<end of file>")}\n    generated: ${JSON.stringify(b[at] ?? "<end of file>")}`;
}
