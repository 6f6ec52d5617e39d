import type { ZuoraClient } from "../../src/index.js";
import type { PlanEvent } from "../events.js";
import type { TenantState } from "../model.js";
import { readTenant } from "./readTenant.js";

/** How {@link readTenantForPlan} reads. */
export interface ReadForPlanOptions {
  /** Requests at once while reading the tenant. Defaults to 10. */
  parallelism?: number | undefined;
  /** Aborts the reading. */
  signal?: AbortSignal | undefined;
  /** Told how far the reading is, and then that the tenant is read (`tenant-read`, with how long it took). */
  onProgress?: ((event: PlanEvent) => void) | undefined;
}

/**
 * Reads the tenant as a plan needs it: the access of the users a file (or a saved plan) names, and a `tenant-read`
 * event at the end. What planning a file and checking a saved plan both begin with. Only reads.
 */
export async function readTenantForPlan(
  zuora: ZuoraClient,
  users: readonly { username: string }[] | undefined,
  options: ReadForPlanOptions,
): Promise<TenantState> {
  const say = options.onProgress ?? (() => {});
  const start = performance.now();
  const tenant = await readTenant(zuora, {
    users: (users ?? []).map((u) => u.username),
    onProgress: say,
    ...(options.parallelism === undefined ? {} : { parallelism: options.parallelism }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  say({
    type: "tenant-read",
    entities: tenant.entities.length,
    connections: tenant.connections.length,
    users: tenant.users?.length ?? 0,
    ms: performance.now() - start,
  });
  return tenant;
}
