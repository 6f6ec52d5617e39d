import type { ZuoraClient } from "../../src/index.js";
import type { PlanEvent } from "../events.js";
import type { Hierarchy, Plan } from "../model.js";
import { readTenantForPlan } from "../tenant/readTenantForPlan.js";
import { planChanges } from "./planChanges.js";
import { rehearsePlan } from "./rehearsePlan.js";

/** How {@link planForTenant} plans. */
export interface PlanForTenantOptions {
  /** Delete unprovisioned entities, end open connections and deny users' access the file leaves out. Defaults to false. */
  prune?: boolean;
  /** Rehearse the plan on a stand-in of the tenant first. Defaults to true. */
  rehearse?: boolean;
  /** Requests at once while reading the tenant. Defaults to 10. */
  parallelism?: number;
  /** Aborts the reading. */
  signal?: AbortSignal;
  /** Told how far it is (reading, rehearsing), for progress on long work. */
  onProgress?: (event: PlanEvent) => void;
}

/**
 * What `zuora-entities plan` does: reads the tenant (only reads; the access of the users the file names), plans the
 * file against it, and rehearses the plan on a stand-in seeded with what was read; what the rehearsal refuses joins
 * the plan's refusals.
 */
export async function planForTenant(
  zuora: ZuoraClient,
  file: Hierarchy,
  options: PlanForTenantOptions = {},
): Promise<Plan> {
  const say = options.onProgress ?? (() => {});
  const tenant = await readTenantForPlan(zuora, file.users, options);
  const plan = planChanges(file, tenant, { prune: options.prune ?? false });
  if (options.rehearse === false || plan.refused.length > 0 || plan.steps.length === 0) return plan;
  const start = performance.now();
  say({ type: "rehearsal-started", steps: plan.steps.length });
  const refused = await rehearsePlan(file, plan);
  say({ type: "rehearsal-ended", refused: refused.length, ms: performance.now() - start });
  return refused.length === 0 ? plan : { ...plan, refused };
}
