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
import type { ContractChange } from "./diff/contractChanges.js";
import { reportLines } from "./diff/report.js";

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

for (const line of reportLines(`Contract changes in ${SPEC_PATH}, ${ref} → working tree:`, changes)) console.log(line);

const breaking = changes.filter((change) => change.impact === "breaking").length;
if (breaking > 0) {
  console.log(`\n${breaking} breaking change(s): the next release is a major version (a minor one while at 0.x).`);
  process.exitCode = 1;
}
