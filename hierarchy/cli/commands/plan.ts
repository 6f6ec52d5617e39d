import { parseHierarchy } from "../../file/readHierarchy.js";
import { hasDifferences } from "../../plan/planChanges.js";
import { planForTenant } from "../../plan/planForTenant.js";
import { formatSavedPlan } from "../../plan/savedPlan.js";
import { readNamedFile, writeNamedFile } from "../files.js";
import { type Io, UsageError } from "../io.js";
import type { Args } from "../main.js";
import { tenantClient } from "../tenantClient.js";
import { planJson, renderPlan } from "../views/renderPlan.js";

/**
 * `zuora-entities plan FILE`: reads the tenant, prints the plan; exit 1 when refused, 2 with --detailed-exitcode when
 * the tenant differs from the file (steps to take, or differences kept).
 */
export async function planCommand(args: Args, io: Io): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (extra.length > 0) throw new UsageError(`plan takes one FILE, not ${args.positionals.length}`);
  const file = parseHierarchy(await readNamedFile(path, "FILE"), path);
  const tenant = tenantClient(io, args.values["base-url"] as string | undefined);
  const plan = await planForTenant(tenant.zuora, file, {
    prune: args.values.prune === true,
    rehearse: args.values["no-rehearse"] !== true,
    onProgress: io.err,
  });
  io.err(`${tenant.requests()} requests to ${tenant.origin}, all reads.`);
  if (args.values.json) io.out(JSON.stringify(planJson(plan), null, 2));
  else for (const line of renderPlan(plan, { color: io.color, source: path })) io.out(line);
  if (plan.refused.length > 0) return 1;
  const out = args.values.out as string | undefined;
  if (out !== undefined) {
    await writeNamedFile(out, formatSavedPlan(plan));
    io.err(`Saved the plan to ${out}: zuora-entities apply ${out} runs exactly it.`);
  }
  return args.values["detailed-exitcode"] && hasDifferences(plan) ? 2 : 0;
}
