import { apiDiff } from "api-smart-diff";

/** How a change affects users of this package (see "Versioning" in the README). */
export type Impact = "breaking" | "non-breaking" | "annotation";

/** One change of the contract between two versions of the spec. */
export interface ContractChange {
  impact: Impact;
  /** Location in the spec, e.g. `paths › /v1/entities › post › requestBody › … › maxLength`. */
  where: string;
  /** What changed, in words. */
  what: string;
  /** Set when this package's policy overrides api-smart-diff's classification, and why. */
  policy?: string;
}

/**
 * Compares two versions of the spec with api-smart-diff and classifies each change for this package. On top of
 * api-smart-diff's HTTP-level classification, the package's policy counts as breaking:
 * - a removed property anywhere (request or response): the generated types lose it, and callers' code breaks;
 * - a change the tool cannot classify (an `x-` extension, say): the client compiles `x-methods` and
 *   `x-retryable-categories` into its behaviour, so a reviewer must decide, and until then it is breaking.
 *
 * Changes under `components/` are left out: api-smart-diff reports each of them again, resolved, under the
 * operations that use them (and the lint forbids unused components), which is where a reader looks.
 */
export function contractChanges(before: unknown, after: unknown): ContractChange[] {
  const changes: ContractChange[] = [];
  for (const diff of apiDiff(before, after)) {
    if (diff.path[0] === "components") continue;
    const where = diff.path.join(" › ");
    const what = `${diff.description?.trim() || diff.action}${valueChange(diff.before, diff.after)}`;
    const change: ContractChange = { impact: "non-breaking", where, what };
    if (diff.type === "breaking") change.impact = "breaking";
    else if (diff.type === "annotation") change.impact = "annotation";
    else if (diff.type === "unclassified") {
      change.impact = "breaking";
      change.policy = "not classified by api-smart-diff: breaking until a reviewer decides otherwise";
    } else if (diff.action === "remove" && diff.path.at(-2) === "properties") {
      // A removed property is a missing member in the generated types: code that reads or writes it stops compiling.
      change.impact = "breaking";
      change.policy = "a removed property is removed from the generated types";
    }
    changes.push(change);
  }
  return changes;
}

/** ` (32 → 30)` for a changed scalar, so the report shows the old and new limit; empty otherwise. */
function valueChange(before: unknown, after: unknown): string {
  const scalar = (value: unknown) => value === undefined || (typeof value !== "object" && typeof value !== "function");
  if (!scalar(before) || !scalar(after) || (before === undefined && after === undefined)) return "";
  const show = (value: unknown) => (value === undefined ? "none" : JSON.stringify(value));
  return ` (${show(before)} → ${show(after)})`;
}
