import type { ZuoraClient } from "../../src/index.js";
import type { PlanEvent } from "../events.js";
import type { Plan } from "../model.js";
import { changesSince } from "../plan/savedPlan.js";
import { readTenantForPlan } from "../tenant/readTenantForPlan.js";

/** Why a saved plan may not run, or nothing when it may. */
export type SavedPlanCheck =
  | { ok: true }
  /** It was made for another tenant: the one it names. */
  | { ok: false; madeFor: string }
  /** The tenant changed since the plan read it: one line per resource. */
  | { ok: false; changed: string[] };

/** How a saved plan is checked. */
export interface SavedPlanCheckOptions {
  /** The base URL of the tenant `zuora` calls, compared with the one the plan records. */
  tenantUrl: string;
  /** Requests at once while reading the tenant. Defaults to 10. */
  parallelism?: number;
  /** Told how far the reading is. */
  onProgress?: (event: PlanEvent) => void;
}

/**
 * Whether a saved plan may run on this tenant: it must be the tenant the plan was made for (when the plan records
 * one), unchanged since the plan read it. Reads the tenant (only reads) unless the plan names another tenant.
 */
export async function checkSavedPlan(
  zuora: ZuoraClient,
  plan: Plan,
  options: SavedPlanCheckOptions,
): Promise<SavedPlanCheck> {
  const madeFor = madeForAnotherTenant(plan, options.tenantUrl);
  if (madeFor !== undefined) return { ok: false, madeFor };
  const now = await readTenantForPlan(zuora, plan.tenant.users, options);
  const changed = changesSince(plan.tenant, now);
  return changed.length === 0 ? { ok: true } : { ok: false, changed };
}

/** The tenant a saved plan was made for, when it records one and it is not the tenant at `tenantUrl`. */
export function madeForAnotherTenant(plan: Plan, tenantUrl: string): string | undefined {
  return plan.tenantUrl !== undefined && plan.tenantUrl !== tenantUrl ? plan.tenantUrl : undefined;
}
