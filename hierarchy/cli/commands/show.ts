import { exportHierarchy, formatHierarchy } from "../../file/exportHierarchy.js";
import { parseHierarchy, placed } from "../../file/readHierarchy.js";
import type { Hierarchy } from "../../model.js";
import { validateHierarchy } from "../../plan/validateHierarchy.js";
import { readTenant } from "../../tenant/readTenant.js";
import { readNamedFile } from "../files.js";
import { type Io, UsageError } from "../io.js";
import type { Args } from "../main.js";
import { tenantClient } from "../tenantClient.js";
import { showMermaid, showTree } from "../views/showHierarchy.js";

/** `zuora-entities show [FILE]`: the file's or the tenant's hierarchy as a tree or a Mermaid flowchart. */
export async function showCommand(args: Args, io: Io): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (extra.length > 0) throw new UsageError("show takes at most one FILE");
  const format = (args.values.format as string | undefined) ?? "tree";
  if (format !== "tree" && format !== "mermaid")
    throw new UsageError(`--format must be tree or mermaid, not ${format}`);
  let hierarchy: Hierarchy;
  if (path !== undefined) {
    hierarchy = parseHierarchy(await readNamedFile(path, "FILE"), path);
    // A file that cannot be planned is not shown as if it could: part of it would be missing from the tree.
    const refused = validateHierarchy(hierarchy);
    if (refused.length > 0) {
      for (const r of refused) io.err(`Error: ${placed(path, { at: r.at, problem: `${r.address}: ${r.reason}` })}`);
      return 1;
    }
  } else {
    const tenant = tenantClient(io, args.values["base-url"] as string | undefined);
    io.err(`Reading the tenant at ${tenant.origin}...`);
    hierarchy = exportHierarchy(await readTenant(tenant.zuora));
  }
  if (args.values.json) io.out(formatHierarchy(hierarchy, "json").trimEnd());
  else for (const line of format === "tree" ? showTree(hierarchy) : showMermaid(hierarchy)) io.out(line);
  return 0;
}
