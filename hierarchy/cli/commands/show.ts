import { exportHierarchy } from "../../file/exportHierarchy.js";
import { readHierarchyText } from "../../file/readHierarchy.js";
import type { Hierarchy } from "../../model.js";
import { isSavedPlan, parseSavedPlan } from "../../plan/savedPlan.js";
import { validateHierarchy } from "../../plan/validateHierarchy.js";
import { JSON_LINES, optionalPositional, PARALLELISM, parallelismOf } from "../arguments/common.js";
import { flag, single } from "../arguments/parseOptions.js";
import { readNamedFile } from "../files.js";
import { UsageError } from "../io.js";
import { readTenantWithProgress } from "../readWithProgress.js";
import { tenantClient } from "../tenantClient.js";
import { fromFileProblem, fromRefusal, inFileOrder } from "../views/diagnostics.js";
import { showDiagnostics } from "../views/errorView.js";
import { planView } from "../views/planView.js";
import { showHierarchyView } from "../views/showView.js";
import type { Command } from "./command.js";

/** `zuora-entities show`'s arguments. */
export interface ShowArguments {
  /** A hierarchy file or a saved plan; undefined for the tenant. */
  target: string | undefined;
  format: "tree" | "mermaid";
  json: boolean;
  parallelism: number;
  baseUrl: string | undefined;
}

/** `zuora-entities show [FILE|PLAN]`: a file's, a saved plan's or the tenant's hierarchy. */
export const showCommand: Command<ShowArguments> = {
  name: "show",
  synopsis: "show [FILE|PLAN] [--format tree|mermaid] [--json] [--parallelism N]",
  summary: "a file's, a saved plan's or the tenant's hierarchy",
  description: `Prints the hierarchy of FILE, or of the tenant when no FILE is given (only reads), as an indented tree with
statuses, or as a Mermaid flowchart for documentation. FILE is checked as \`validate\` checks it: a file with a
problem is not shown, its problems are. Given a saved plan (plan --out), prints the plan.`,
  options: [{ name: "format", value: "tree|mermaid", help: "default tree" }, JSON_LINES, PARALLELISM],
  tenant: true,
  parse(parsed) {
    const format = single(parsed, "format") ?? "tree";
    if (format !== "tree" && format !== "mermaid") {
      throw new UsageError(`--format must be tree or mermaid, not ${format}`);
    }
    return {
      target: optionalPositional(parsed, "show", "FILE"),
      format,
      json: flag(parsed, "json"),
      parallelism: parallelismOf(parsed),
      baseUrl: single(parsed, "base-url"),
    };
  },
  async run(args, context) {
    const { progress } = context;
    let hierarchy: Hierarchy;
    if (args.target !== undefined) {
      const text = await readNamedFile(args.target, "FILE");
      if (isSavedPlan(text)) {
        planView(context, undefined).plan(parseSavedPlan(text));
        return 0;
      }
      const read = readHierarchyText(text, args.target);
      const problems = read.problems.map((p) => fromFileProblem(p, args.target as string));
      if (read.hierarchy) problems.push(...validateHierarchy(read.hierarchy).map((r) => fromRefusal(r, args.target)));
      // A file that cannot be planned is not shown as if it could: part of it would be missing from the tree.
      if (problems.length > 0 || read.hierarchy === undefined) {
        showDiagnostics(context, inFileOrder(problems));
        return 1;
      }
      hierarchy = read.hierarchy;
    } else {
      const tenant = tenantClient(context.io, args.baseUrl, progress.say);
      hierarchy = exportHierarchy(await readTenantWithProgress(tenant, progress, { parallelism: args.parallelism }));
      progress.end();
    }
    showHierarchyView(context, hierarchy, args.format);
    return 0;
  },
};
