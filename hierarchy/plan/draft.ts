import type { Action, Drift, Location, Refusal, Step, TenantEntity } from "../model.js";

/** A step before it has its place: named by its key, depending on other keys. */
export interface DraftStep extends Omit<Step, "index" | "dependsOn"> {
  /** Keys (`action address`) of the steps that must be done first; unknown keys are dropped. */
  after: string[];
  /** Rank within its phase: depth in the hierarchy, then order in the file. */
  rank: number;
  /** Why the step is needed, as the plan's change at its address says. */
  reason: string;
}

/** The key that other drafts depend on. */
export const stepKey = (action: Action, address: string): string => `${action} ${address}`;

/** What the planning of entities and of connections both add to. */
export interface Draft {
  steps: DraftStep[];
  refused: Refusal[];
  drift: Drift[];
  notes: string[];
  /** Before and after of each address, as `plan --json` shows them. */
  views: Map<string, { before: Record<string, unknown> | null; after: Record<string, unknown> | null }>;
}

/** A refusal at an address, with the file's location when there is one. */
export function refusal(address: string, reason: string, at?: Location): Refusal {
  return at ? { address, reason, at } : { address, reason };
}

/** An entity's fields as a plan shows them. */
export function entityView(entity: TenantEntity, parentName: string | undefined): Record<string, unknown> {
  return {
    ...(parentName === undefined ? {} : { parent: parentName }),
    displayName: entity.displayName,
    locale: entity.locale,
    timezone: entity.timezone,
    provisioned: entity.status === "Provisioned",
  };
}
