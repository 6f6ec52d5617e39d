import { placed, readHierarchyText } from "../../file/readHierarchy.js";
import { validateHierarchy } from "../../plan/validateHierarchy.js";
import { plural } from "../../plural.js";
import { readNamedFile } from "../files.js";
import { type Io, UsageError } from "../io.js";
import type { Args } from "../main.js";

/** `zuora-entities validate FILE`: every problem of the file at once, with its line; no tenant needed. */
export async function validateCommand(args: Args, io: Io): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (extra.length > 0) throw new UsageError(`validate takes one FILE, not ${args.positionals.length}`);
  const source = path ?? "FILE";
  const { hierarchy, problems } = readHierarchyText(await readNamedFile(path, "FILE"), source);
  const all = [...problems];
  for (const r of hierarchy ? validateHierarchy(hierarchy) : []) {
    all.push({ at: r.at, problem: `${r.address}: ${r.reason}` });
  }
  // In the order of the file, as an editor lists them.
  all.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0));
  const lines = all.map((p) => placed(source, p));
  for (const line of lines) io.out(line);
  if (lines.length > 0) {
    io.out(`${source}: ${plural(lines.length, "problem", "problems")}.`);
    return 1;
  }
  io.out(`${source}: valid.`);
  return 0;
}
