import type { ApplyResult, StepEvent } from "../../apply/applyPlan.js";
import { plural } from "../../plural.js";
import type { Context } from "../context.js";
import { type PlanView, planView } from "./planView.js";
import { seconds } from "./progressView.js";

/** What an apply cost: its requests, and how long it took (ms). */
export interface ApplyCost {
  requests: number;
  ms: number;
}

/** How `apply` is shown: the plan, each step as it ends, and what was done. */
export interface ApplyView extends PlanView {
  /** A step ended (done or failed). */
  step(event: StepEvent): void;
  /** The apply ended: what was done, what failed and why, what was not started. */
  result(result: ApplyResult, cost: ApplyCost): void;
  /** Nothing was to be done (the plan has no steps). */
  nothingToDo(summary: string): void;
}

/**
 * `apply`'s output: for a person, one line per step as it ends (`[3/7] provision entity.EU ... done (212 ms)`) and a
 * summary; with `--json`, an `apply_complete` or `apply_errored` line per step and an `apply_summary`.
 */
export function applyView(context: Context, source: string | undefined): ApplyView {
  const { io, json } = context;
  const plan = planView(context, source);
  if (json) {
    return {
      ...plan,
      step(e) {
        const said = `${e.step.action} ${e.step.address}: ${outcomeOf(e)}`;
        json.emit(
          e.outcome === "done" ? "apply_complete" : "apply_errored",
          said,
          {
            step: { index: e.step.index, action: e.step.action, address: e.step.address },
            outcome: e.outcome,
            ms: Math.round(e.ms),
            ...(e.failure === undefined ? {} : { failure: e.failure }),
            ...(e.note === undefined ? {} : { note: e.note }),
            position: e.position,
            total: e.total,
          },
          e.outcome === "done" ? "info" : "error",
        );
      },
      result(result, cost) {
        json.emit("apply_summary", outcomeLine(result, cost), {
          ok: result.ok,
          interrupted: result.interrupted,
          done: result.done.length,
          failed: result.failed.map((f) => ({ action: f.step.action, address: f.step.address, reason: f.reason })),
          notStarted: result.notStarted.map((s) => ({ action: s.action, address: s.address })),
          requests: cost.requests,
          ms: Math.round(cost.ms),
        });
      },
      nothingToDo: (summary) => json.emit("apply_summary", summary, { ok: true, done: 0, requests: 0 }),
    };
  }
  return {
    ...plan,
    step: (e) =>
      io.out(
        `[${e.position}/${e.total}] ${e.step.action} ${e.step.address} ... ${outcomeOf(e)} (${Math.round(e.ms)} ms)`,
      ),
    result(result, cost) {
      io.out("");
      io.out(outcomeLine(result, cost));
      if (result.ok) return;
      for (const f of result.failed) io.out(`  failed: ${f.step.action} ${f.step.address}: ${f.reason}`);
      for (const s of result.notStarted) io.out(`  not started: ${s.action} ${s.address}`);
      io.out("Run plan again to see what remains; apply again finishes the job.");
    },
    nothingToDo: () => {},
  };
}

/** `done`, `done: granted at once (...)`, or `failed: <reason>`. */
function outcomeOf(e: StepEvent): string {
  if (e.outcome === "failed") return `failed: ${e.failure}`;
  return e.note === undefined ? "done" : `done: ${e.note}`;
}

function outcomeLine(result: ApplyResult, cost: ApplyCost): string {
  const spent = `${plural(cost.requests, "request", "requests")} in ${seconds(cost.ms)}`;
  if (result.ok) return `Apply complete: ${plural(result.done.length, "step", "steps")} done (${spent}).`;
  return `Apply ${result.interrupted ? "interrupted" : "stopped"}: ${result.done.length} done, ${result.failed.length} failed, ${result.notStarted.length} not started (${spent}).`;
}
