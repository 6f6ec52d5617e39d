/**
 * Reports what changed in the contract between a git ref and the working tree, and exits 1 when a change is
 * breaking for users of this package:
 *
 *   npm run diff:spec -- main
 *   npm run diff:spec -- v0.1.0
 *
 * Exit codes: 0 no breaking change, 1 breaking changes, 2 a usage error (no ref, or no spec at that ref).
 * Runs offline: the diff is api-smart-diff, a library, and the old spec comes from `git show`.
 */
import { SPEC_PATH } from "./codegen/spec.js";
import { contractChangesSince } from "./diff/changesSince.js";
import type { ContractChange, Impact } from "./diff/contractChanges.js";

const ref = process.argv[2];
if (!ref || ref.startsWith("-")) {
  console.error("usage: npm run diff:spec -- <git-ref>   (e.g. main, HEAD~1, v0.1.0)");
  process.exit(2);
}

let changes: ContractChange[];
try {
  changes = contractChangesSince(ref);
} catch (error) {
  console.error(`diff:spec: ${(error as Error).message}`);
  process.exit(2);
}

const HEADINGS: Record<Impact, string> = {
  breaking: "Breaking",
  "non-breaking": "Non-breaking",
  annotation: "Documentation only",
};

console.log(`Contract changes in ${SPEC_PATH}, ${ref} → working tree:`);
if (changes.length === 0) console.log("  none");
for (const impact of Object.keys(HEADINGS) as Impact[]) {
  const group = changes.filter((change) => change.impact === impact);
  if (group.length === 0) continue;
  console.log(`\n${HEADINGS[impact]} (${group.length}):`);
  for (const change of group) console.log(`  - ${describe(change)}`);
}

const breaking = changes.filter((change) => change.impact === "breaking").length;
if (breaking > 0) {
  console.log(`\n${breaking} breaking change(s): the next release is a major version (a minor one while at 0.x).`);
  process.exitCode = 1;
}

function describe(change: ContractChange): string {
  const policy = change.policy ? ` [policy: ${change.policy}]` : "";
  return `${change.what}${policy}\n      at ${change.where}`;
}
