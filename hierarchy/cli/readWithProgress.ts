import type { Hierarchy, Plan, TenantState } from "../model.js";
import { type PlanForTenantOptions, planForTenant } from "../plan/planForTenant.js";
import { type ReadOptions, readTenant } from "../tenant/readTenant.js";
import type { Progress } from "./progress.js";
import type { TenantClient } from "./tenantClient.js";
import { showPlanEvent } from "./views/progressView.js";

/** Reads the tenant, saying so and how far it is: what `export`, and `show` without a FILE, begin with. */
export function readTenantWithProgress(
  tenant: TenantClient,
  progress: Progress,
  options: Omit<ReadOptions, "onProgress">,
): Promise<TenantState> {
  progress.start(`Reading the tenant at ${tenant.origin}`);
  return readTenant(tenant.zuora, { ...options, onProgress: (event) => showPlanEvent(progress, event) });
}

/** Plans `file` against the tenant, saying how far the reading and the rehearsal are: `plan`, and `apply FILE`. */
export function planWithProgress(
  tenant: TenantClient,
  file: Hierarchy,
  progress: Progress,
  options: Omit<PlanForTenantOptions, "onProgress">,
): Promise<Plan> {
  progress.start(`Reading the tenant at ${tenant.origin}`);
  return planForTenant(tenant.zuora, file, { ...options, onProgress: (event) => showPlanEvent(progress, event) });
}
