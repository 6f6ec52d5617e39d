import { resolve } from "node:path";
import { parseHierarchy } from "../../file/readHierarchy.js";
import { hasDifferences } from "../../plan/planChanges.js";
import { formatSavedPlan } from "../../plan/savedPlan.js";
import { JSON_LINES, onePositional, PARALLELISM, parallelismOf } from "../arguments/common.js";
import { flag, single } from "../arguments/parseOptions.js";
import { NO_REHEARSE, PRUNE, planningOf } from "../arguments/planning.js";
import { readNamedFile, writeNamedFile } from "../files.js";
import { UsageError } from "../io.js";
import { planWithProgress } from "../readWithProgress.js";
import { tenantClient } from "../tenantClient.js";
import { planView } from "../views/planView.js";
import type { Command } from "./command.js";

/** `zuora-entities plan`'s arguments. */
export interface PlanArguments {
  file: string;
  /** Where to save the plan, for `apply PLAN`. */
  out: string | undefined;
  json: boolean;
  detailedExitcode: boolean;
  prune: boolean;
  rehearse: boolean;
  /** Requests at once while reading the tenant. */
  parallelism: number;
  baseUrl: string | undefined;
}

/** `zuora-entities plan FILE`: reads the tenant, shows what it takes to bring it to FILE; sends nothing but reads. */
export const planCommand: Command<PlanArguments> = {
  name: "plan",
  synopsis: "plan FILE [--out PLAN] [--json] [--detailed-exitcode] [--prune] [--no-rehearse] [--parallelism N]",
  summary: "what would change; reads the tenant, sends nothing",
  description: `Reads the tenant, and prints what it takes to bring it to FILE: one line per change, irreversible steps marked and
counted, and what the tenant has that FILE leaves out (kept, marked !). Refused changes (what Zuora would refuse, or
what cannot be undone against the file's wish) are listed with the file's line and exit 1. Before that, the plan is
applied to a stand-in seeded with the tenant's state: a step it refuses is a refusal here, with Zuora's reason code.
Sends nothing to the tenant but reads.`,
  options: [
    {
      name: "out",
      value: "PLAN",
      help: "save the plan (with what it read) for apply PLAN: the saved plan is the approval",
    },
    JSON_LINES,
    {
      name: "detailed-exitcode",
      help: "exit 0 when the tenant matches the file, 2 when it differs in any way, 1 on error",
    },
    PRUNE,
    NO_REHEARSE,
    PARALLELISM,
  ],
  tenant: true,
  parse: (parsed) => ({
    file: onePositional(parsed, "plan", "FILE"),
    out: single(parsed, "out"),
    json: flag(parsed, "json"),
    detailedExitcode: flag(parsed, "detailed-exitcode"),
    ...planningOf(parsed),
    parallelism: parallelismOf(parsed),
    baseUrl: single(parsed, "base-url"),
  }),
  async run(args, context) {
    if (args.out !== undefined && resolve(args.out) === resolve(args.file)) {
      throw new UsageError(
        `--out PLAN is the FILE being planned (${args.file}): saving the plan there would lose the file`,
      );
    }
    const { progress } = context;
    const file = parseHierarchy(await readNamedFile(args.file, "FILE"), args.file);
    const tenant = tenantClient(context.io, args.baseUrl, progress.say);
    const plan = await planWithProgress(tenant, file, progress, args);
    progress.say(`${tenant.requests().toLocaleString("en-US")} requests to ${tenant.origin}, all reads.`);
    planView(context, args.file).plan(plan);
    if (plan.refused.length > 0) return 1;
    if (args.out !== undefined) {
      await writeNamedFile(args.out, formatSavedPlan(plan, tenant.url));
      progress.say(
        `Saved the plan to ${args.out}: zuora-entities apply ${args.out} runs exactly it, on ${tenant.url}.`,
      );
    }
    return args.detailedExitcode && hasDifferences(plan) ? 2 : 0;
  },
};
