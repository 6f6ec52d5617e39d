/**
 * CI's release check: compares the contract with the newest `v*` tag and fails when the package's version does not
 * rise enough for what changed (a breaking contract change needs a major release; a minor one at 0.x). Passes,
 * saying why, when there is no tag yet or the contract did not change.
 *
 *   npx tsx scripts/ci/versionGate.ts
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { contractChangesSince, fileAt } from "../diff/changesSince.js";
import { bumpBetween, bumpCovers, requiredBump } from "../diff/releaseBump.js";

const git = (...args: string[]) =>
  execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();

let tag: string;
try {
  tag = git("describe", "--tags", "--abbrev=0", "--match", "v*");
} catch {
  console.log("version gate: no release tag (v*) in this clone yet: nothing to compare with");
  process.exit(0);
}

const released = (JSON.parse(fileAt(tag, "package.json")) as { version: string }).version;
const current = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
const changes = contractChangesSince(tag);
if (changes.length === 0) {
  console.log(`version gate: the contract is unchanged since ${tag}`);
  process.exit(0);
}

const needed = requiredBump(
  released,
  changes.map((change) => change.impact),
);
const actual = bumpBetween(released, current);
const summary = `${changes.length} contract change(s) since ${tag} (npm run diff:spec -- ${tag}) need a ${needed} release`;
if (bumpCovers(actual, needed)) {
  console.log(`version gate: ${summary}; ${released} → ${current} is one`);
} else {
  console.error(`version gate: ${summary}, but package.json says ${current} (released: ${released})`);
  process.exitCode = 1;
}
