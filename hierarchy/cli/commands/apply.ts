import { type ApplyResult, applyPlan } from "../../apply/applyPlan.js";
import { parseHierarchy } from "../../file/readHierarchy.js";
import type { Plan } from "../../model.js";
import { planForTenant } from "../../plan/planForTenant.js";
import { changesSince, isSavedPlan, parseSavedPlan } from "../../plan/savedPlan.js";
import { plural } from "../../plural.js";
import { readTenant } from "../../tenant/readTenant.js";
import { readNamedFile } from "../files.js";
import { type Io, UsageError } from "../io.js";
import type { Args } from "../main.js";
import { type TenantClient, tenantClient } from "../tenantClient.js";
import { renderPlan, summary } from "../views/renderPlan.js";

/**
 * `zuora-entities apply FILE|PLAN`: plans (or takes a saved plan, refusing it if the tenant changed since), asks for
 * `yes` unless approved already, then runs the steps. Exit 0 when every step is done, 1 otherwise.
 */
export async function applyCommand(args: Args, io: Io): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (extra.length > 0) throw new UsageError(`apply takes one FILE or PLAN, not ${args.positionals.length}`);
  const parallelism = Number(args.values.parallelism ?? 4);
  if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 64) {
    throw new UsageError(`--parallelism must be a whole number from 1 to 64, not ${args.values.parallelism}`);
  }
  const text = await readNamedFile(path, "FILE or PLAN");
  const tenant = tenantClient(io, args.values["base-url"] as string | undefined);
  const saved = isSavedPlan(text);
  if (saved && (args.values.prune || args.values["no-rehearse"])) {
    io.err("A saved plan runs as it was planned (its --prune, its rehearsal); those options are ignored.");
  }
  const plan = saved ? await checkedSavedPlan(text, tenant, io) : await freshPlan(text, path, args, tenant, io);
  if (plan === undefined) return 1;
  if (plan.steps.length === 0) {
    io.out(summary(plan));
    return 0;
  }
  if (!saved && args.values["auto-approve"] !== true) {
    if (!io.interactive) {
      io.err("Error: not a terminal, so nobody can approve: pass --auto-approve, or apply a saved plan (plan --out).");
      return 1;
    }
    const answer = await io.ask(
      `Apply these ${plan.steps.length} steps to ${tenant.origin}? Irreversible steps cannot be undone. Only 'yes' is accepted: `,
    );
    if (answer.trim() !== "yes") {
      io.err("Apply cancelled: nothing was sent.");
      return 1;
    }
  }
  const before = tenant.requests();
  const start = performance.now();
  const interrupt = new AbortController();
  const stopListening = io.onInterrupt(() => {
    io.err("Interrupted: starting nothing new; the running steps finish first.");
    interrupt.abort();
  });
  const result = await applyPlan(plan, tenant.zuora, {
    parallelism,
    signal: interrupt.signal,
    onStep: (e) =>
      io.out(
        `[${e.position}/${e.total}] ${e.step.action} ${e.step.address} ... ${e.outcome === "done" ? "done" : `failed: ${e.failure}`} (${Math.round(e.ms)} ms)`,
      ),
  });
  stopListening();
  report(
    result,
    io,
    `${plural(tenant.requests() - before, "request", "requests")} in ${Math.round(performance.now() - start)} ms`,
  );
  return result.ok ? 0 : 1;
}

async function freshPlan(text: string, path: string | undefined, args: Args, tenant: TenantClient, io: Io) {
  const file = parseHierarchy(text, path);
  const plan = await planForTenant(tenant.zuora, file, {
    prune: args.values.prune === true,
    rehearse: args.values["no-rehearse"] !== true,
    onProgress: io.err,
  });
  for (const line of renderPlan(plan, { color: io.color, source: path })) io.out(line);
  return plan.refused.length > 0 ? undefined : plan;
}

async function checkedSavedPlan(text: string, tenant: TenantClient, io: Io): Promise<Plan | undefined> {
  const plan = parseSavedPlan(text);
  if (plan.refused.length > 0) {
    io.err("Error: the saved plan has refusals; it cannot be applied.");
    return undefined;
  }
  io.err("Reading the tenant to check that it has not changed since the plan...");
  const changed = changesSince(plan.tenant, await readTenant(tenant.zuora));
  if (changed.length > 0) {
    io.err("Error: the tenant changed since the plan was made; plan again:");
    for (const line of changed) io.err(`  ${line}`);
    return undefined;
  }
  for (const line of renderPlan(plan, { color: io.color })) io.out(line);
  return plan;
}

function report(result: ApplyResult, io: Io, cost: string): void {
  if (result.ok) {
    io.out("");
    io.out(`Apply complete: ${result.done.length} steps done (${cost}).`);
    return;
  }
  io.out("");
  io.out(
    `Apply ${result.interrupted ? "interrupted" : "stopped"}: ${result.done.length} done, ${result.failed.length} failed, ${result.notStarted.length} not started (${cost}).`,
  );
  for (const f of result.failed) io.out(`  failed: ${f.step.action} ${f.step.address}: ${f.reason}`);
  for (const s of result.notStarted) io.out(`  not started: ${s.action} ${s.address}`);
  io.out("Run plan again to see what remains; apply again finishes the job.");
}
