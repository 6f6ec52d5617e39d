import { applyPlan } from "../../apply/applyPlan.js";
import { checkSavedPlan, madeForAnotherTenant } from "../../apply/checkSavedPlan.js";
import { parseHierarchy } from "../../file/readHierarchy.js";
import type { Plan } from "../../model.js";
import { isSavedPlan, parseSavedPlan } from "../../plan/savedPlan.js";
import { plural } from "../../plural.js";
import { JSON_LINES, onePositional, PARALLELISM, parallelismOf } from "../arguments/common.js";
import { flag, single } from "../arguments/parseOptions.js";
import { NO_REHEARSE, PRUNE, planningOf } from "../arguments/planning.js";
import type { Context } from "../context.js";
import { readNamedFile } from "../files.js";
import { planWithProgress } from "../readWithProgress.js";
import { type TenantClient, tenantClient } from "../tenantClient.js";
import { type ApplyView, applyView } from "../views/applyView.js";
import { showError } from "../views/errorView.js";
import { showPlanEvent } from "../views/progressView.js";
import { summary } from "../views/renderPlan.js";
import type { Command } from "./command.js";

/** `zuora-entities apply`'s arguments. */
export interface ApplyArguments {
  /** A hierarchy file, or a saved plan (`plan --out`). */
  target: string;
  autoApprove: boolean;
  /** Independent steps at once, and requests at once while reading. */
  parallelism: number;
  prune: boolean;
  rehearse: boolean;
  json: boolean;
  baseUrl: string | undefined;
}

/**
 * `zuora-entities apply FILE|PLAN`: plans (or takes a saved plan, refusing it if made for another tenant or if the
 * tenant changed since), asks for `yes` unless approved already, then runs the steps. Exit 0 when every step is done,
 * 1 otherwise.
 */
export const applyCommand: Command<ApplyArguments> = {
  name: "apply",
  synopsis: "apply FILE|PLAN [--auto-approve] [--parallelism N] [--prune] [--no-rehearse] [--json]",
  summary: "shows the plan, asks for yes, then sends it",
  description: `With a hierarchy FILE: plans as \`plan\` does, shows the plan, and asks for \`yes\` on a terminal (without a terminal,
or with --json, it refuses unless --auto-approve). With a saved PLAN (plan --out): runs it without asking, on the
tenant it was made for, unless that tenant changed since. Prints one line per step as it ends. At the first failure
it starts nothing new, lets running steps finish, prints what was done, what failed (with Zuora's reason) and what
was not started, and exits 1: a new plan shows the rest, a new apply finishes the job.`,
  options: [
    { name: "auto-approve", help: "do not ask (for pipelines)" },
    { ...PARALLELISM, help: "independent steps at once, and requests at once while reading (default 10)" },
    { ...PRUNE, help: `${PRUNE.help} (FILE only; a saved plan keeps its own)` },
    { ...NO_REHEARSE, help: `${NO_REHEARSE.help} (FILE only)` },
    JSON_LINES,
  ],
  tenant: true,
  parse: (parsed) => ({
    target: onePositional(parsed, "apply", "FILE or PLAN"),
    autoApprove: flag(parsed, "auto-approve"),
    parallelism: parallelismOf(parsed),
    ...planningOf(parsed),
    json: flag(parsed, "json"),
    baseUrl: single(parsed, "base-url"),
  }),
  async run(args, context) {
    const { io, progress } = context;
    const text = await readNamedFile(args.target, "FILE or PLAN");
    const tenant = tenantClient(io, args.baseUrl, progress.say);
    const saved = isSavedPlan(text);
    if (saved && (args.prune || !args.rehearse)) {
      progress.say("A saved plan runs as it was planned (its --prune, its rehearsal); those options are ignored.");
    }
    const view = applyView(context, saved ? undefined : args.target);
    const plan = saved
      ? await checkedSavedPlan(text, tenant, args, context)
      : await planWithProgress(tenant, parseHierarchy(text, args.target), progress, args);
    if (plan === undefined) return 1;
    view.plan(plan);
    if (plan.refused.length > 0) return 1;
    if (plan.steps.length === 0) {
      view.nothingToDo(summary(plan));
      return 0;
    }
    if (!saved && !args.autoApprove && !(await approved(plan, tenant, args, context))) return 1;
    return await run(plan, tenant, args, context, view);
  },
};

async function approved(plan: Plan, tenant: TenantClient, args: ApplyArguments, context: Context): Promise<boolean> {
  const { io, progress } = context;
  if (!io.interactive || args.json) {
    showError(
      context,
      `${args.json ? "with --json" : "not a terminal"}, so nobody can approve: pass --auto-approve, or apply a saved plan (plan --out)`,
    );
    return false;
  }
  const answer = await io.ask(
    `Apply these ${plural(plan.steps.length, "step", "steps")} to ${tenant.origin}? Irreversible steps cannot be undone. Only 'yes' is accepted: `,
  );
  if (answer.trim() === "yes") return true;
  progress.say("Apply cancelled: nothing was sent.");
  return false;
}

async function run(
  plan: Plan,
  tenant: TenantClient,
  args: ApplyArguments,
  context: Context,
  view: ApplyView,
): Promise<number> {
  const { io, progress } = context;
  const before = tenant.requests();
  const start = performance.now();
  const interrupt = new AbortController();
  const stopListening = io.onInterrupt(() => {
    progress.say("Interrupted: starting nothing new; the running steps finish first.");
    interrupt.abort();
  });
  try {
    const result = await applyPlan(plan, tenant.zuora, {
      parallelism: args.parallelism,
      signal: interrupt.signal,
      onStep: (e) => view.step(e),
    });
    view.result(result, { requests: tenant.requests() - before, ms: performance.now() - start });
    return result.ok ? 0 : 1;
  } finally {
    stopListening();
  }
}

async function checkedSavedPlan(
  text: string,
  tenant: TenantClient,
  args: ApplyArguments,
  context: Context,
): Promise<Plan | undefined> {
  const { progress } = context;
  const plan = parseSavedPlan(text);
  if (plan.refused.length > 0) {
    showError(context, "the saved plan has refusals; it cannot be applied");
    return undefined;
  }
  const madeFor = madeForAnotherTenant(plan, tenant.url);
  if (madeFor !== undefined) {
    showError(
      context,
      `${args.target} was made for the tenant at ${madeFor}, not ${tenant.url}: nothing was sent; plan again against ${tenant.url}, or point ZUORA_BASE_URL (or --base-url) at ${madeFor}`,
    );
    return undefined;
  }
  progress.start(`Reading the tenant at ${tenant.origin} to check that it has not changed since the plan`);
  const check = await checkSavedPlan(tenant.zuora, plan, {
    tenantUrl: tenant.url,
    parallelism: args.parallelism,
    onProgress: (event) => showPlanEvent(progress, event),
  });
  if (check.ok) return plan;
  progress.end();
  if (!("changed" in check)) return undefined;
  showError(context, "the tenant changed since the plan was made; plan again", check.changed);
  return undefined;
}
