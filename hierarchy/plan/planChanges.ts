import {
  type Action,
  type Change,
  type Hierarchy,
  IRREVERSIBLE,
  type Plan,
  type Step,
  type TenantState,
} from "../model.js";
import { indexTenant } from "../tenant/tenantIndex.js";
import { type Draft, stepKey } from "./draft.js";
import { planConnections } from "./planConnections.js";
import { planEntities } from "./planEntities.js";
import { planShares, sharesOverConnections } from "./planShares.js";
import { planUsers } from "./planUsers.js";
import { soundPart, validateHierarchy } from "./validateHierarchy.js";

/**
 * Whether the tenant differs from the file by the plan: a step to take, or a difference the plan keeps (drift). A
 * step that cannot be checked before it runs (a share over a standing connection) is not one: Zuora does not show it.
 * What `plan --detailed-exitcode` exits 2 for.
 */
export function hasDifferences(plan: Plan): boolean {
  return plan.steps.some((step) => step.unchecked !== true) || plan.drift.length > 0;
}

/** What `planChanges` may do besides what the file says. */
export interface PlanOptions {
  /** Delete unprovisioned entities, end open connections and deny users' access the file leaves out. Defaults to false. */
  prune?: boolean;
}

/**
 * The order of the phases: deletes free names first; entities exist before they change, change before provisioning.
 * Every action a plan can hold is one of them.
 */
export const PHASES: readonly Action[] = [
  "delete",
  "create",
  "update",
  "provision",
  "deny",
  "disconnect",
  "initiate",
  "accept",
  "deny-access",
  "request-access",
  "accept-access",
  "share",
];

/**
 * Decides what it takes to bring the tenant to the file, without sending anything: a pure function of the file
 * and the tenant's state. Every change Zuora would refuse or that cannot be undone against the file's wish is
 * refused, as is a file that is not sound (a second root, a missing parent, a cycle, a connection to an entity not in
 * the file), and all of them are reported at once (the sound part of an unsound file is still planned, for its own
 * refusals); a plan with refusals has no steps. Otherwise the changes become steps in a safe order, each naming the
 * steps it waits for, and what the tenant has that the file leaves out is kept as drift unless `prune` removes it.
 */
export function planChanges(file: Hierarchy, tenant: TenantState, options: PlanOptions = {}): Plan {
  const prune = options.prune ?? false;
  const structure = validateHierarchy(file);
  const draft: Draft = { steps: [], refused: [...structure], drift: [], notes: [], views: new Map() };
  const sound = soundPart(file, structure);
  if (sound) {
    const index = indexTenant(tenant);
    const outcome = planEntities(sound, index, prune, draft);
    if (outcome) {
      planConnections(sound, index, outcome, prune, draft, sharesOverConnections(sound));
      planUsers(sound, index, outcome, prune, draft);
      planShares(sound, index, outcome, draft);
    }
  }
  const refused = draft.refused;
  const drafts = refused.length > 0 ? [] : draft.steps;
  const phase = new Map(PHASES.map((p, i) => [p, i]));
  const sorted = [...drafts].sort((a, b) => (phase.get(a.action) ?? 0) - (phase.get(b.action) ?? 0) || a.rank - b.rank);
  const indexOf = new Map(sorted.map((d, i) => [stepKey(d.action, d.address), i]));
  const steps: Step[] = sorted.map((d, index) => {
    const { address, action, after, rank: _rank, reason: _reason, ...what } = d;
    const dependsOn = after.map((key) => indexOf.get(key)).filter((i): i is number => i !== undefined && i !== index);
    return { index, address, action, dependsOn, ...definedOnly(what) };
  });

  const changes = new Map<string, Change>();
  sorted.forEach((d) => {
    const view = draft.views.get(d.address) ?? { before: null, after: null };
    const change = changes.get(d.address);
    if (change) {
      change.actions.push(d.action);
      change.irreversible ||= IRREVERSIBLE.has(d.action);
      change.reason += `; ${d.reason}`;
    } else {
      changes.set(d.address, {
        address: d.address,
        actions: [d.action],
        irreversible: IRREVERSIBLE.has(d.action),
        ...(d.unchecked ? { unchecked: true as const } : {}),
        reason: d.reason,
        before: view.before,
        after: view.after,
      });
    }
  });
  return {
    formatVersion: "1",
    changes: [...changes.values()],
    steps,
    refused,
    drift: refused.length > 0 ? [] : draft.drift,
    notes: draft.notes,
    prune,
    tenant,
  };
}

/** `value` without its undefined fields: a step holds only the fields its action uses. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
