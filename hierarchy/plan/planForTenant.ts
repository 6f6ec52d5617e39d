import type { ZuoraClient } from "../../src/index.js";
import type { Hierarchy, Plan } from "../model.js";
import { plural } from "../plural.js";
import { readTenant } from "../tenant/readTenant.js";
import { planChanges } from "./planChanges.js";
import { rehearsePlan } from "./rehearsePlan.js";

/** How {@link planForTenant} plans. */
export interface PlanForTenantOptions {
  /** Delete unprovisioned entities and end open connections the file leaves out. Defaults to false. */
  prune?: boolean;
  /** Rehearse the plan on a stand-in of the tenant first. Defaults to true. */
  rehearse?: boolean;
  /** Told what is being done, a line at a time (reading, rehearsing), for progress on long work. */
  onProgress?: (message: string) => void;
}

/**
 * What `zuora-entities plan` does: reads the tenant (only reads), plans the file against it, and rehearses the plan on
 * a stand-in seeded with what was read; what the rehearsal refuses joins the plan's refusals.
 */
export async function planForTenant(
  zuora: ZuoraClient,
  file: Hierarchy,
  options: PlanForTenantOptions = {},
): Promise<Plan> {
  const say = options.onProgress ?? (() => {});
  let start = performance.now();
  say("Reading the tenant...");
  // A large tenant takes a request per provisioned entity: say how far it is, a tenth at a time.
  const tenant = await readTenant(zuora, {
    onConnectionsRead: (done, of) => {
      if (of >= 100 && done % Math.ceil(of / 10) === 0)
        say(`  connections of ${done} of ${of} provisioned entities read`);
    },
  });
  const ms = () => `${Math.round(performance.now() - start)} ms`;
  const read = `${plural(tenant.entities.length, "entity", "entities")} and ${plural(tenant.connections.length, "connection", "connections")}`;
  say(`Read ${read} (${ms()}).`);
  const plan = planChanges(file, tenant, { prune: options.prune ?? false });
  if (options.rehearse === false || plan.refused.length > 0 || plan.steps.length === 0) return plan;
  start = performance.now();
  say(`Rehearsing ${plan.steps.length} steps on a stand-in seeded with the tenant...`);
  const refused = await rehearsePlan(file, plan);
  say(refused.length === 0 ? `Rehearsal passed (${ms()}).` : `Rehearsal refused ${refused.length} step(s).`);
  return refused.length === 0 ? plan : { ...plan, refused };
}
