import type { Plan } from "../../model.js";
import { hasDifferences } from "../../plan/planChanges.js";
import type { Context } from "../context.js";
import { emitDiagnostic, fromRefusal } from "./diagnostics.js";
import { changeCounts, renderPlan, summary } from "./renderPlan.js";

/** How a plan is shown: `plan`, `apply` before it runs, and `show PLAN`. */
export interface PlanView {
  /** The plan, once made or read. */
  plan(plan: Plan): void;
}

/**
 * The plan for a person (one line per change, drift with `!`, the refusals with the file's line, the summary), or,
 * with `--json`, as lines: a `planned_change` per change, a `resource_drift` per difference kept, a `diagnostic` per
 * refusal, a `log` per note, then the `change_summary`.
 */
export function planView(context: Context, source: string | undefined): PlanView {
  const { io, json } = context;
  if (!json) {
    return {
      plan(plan) {
        for (const line of renderPlan(plan, { color: io.color, source })) io.out(line, io.color);
      },
    };
  }
  return {
    plan(plan) {
      for (const change of plan.changes) {
        json.emit("planned_change", `${change.address}: ${change.actions.join(", ")}`, { change });
      }
      for (const drift of plan.drift) json.emit("resource_drift", `${drift.address}: kept: ${drift.reason}`, { drift });
      for (const note of plan.notes) json.emit("log", note);
      for (const refusal of plan.refused) emitDiagnostic(json, fromRefusal(refusal, source));
      json.emit("change_summary", summary(plan), {
        changes: changeCounts(plan),
        drift: plan.drift.length,
        refused: plan.refused.length,
        differs: hasDifferences(plan),
      });
    },
  };
}
