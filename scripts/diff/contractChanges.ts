import { apiDiff } from "api-smart-diff";
import { isDocumentation } from "./documentation.js";
import { oneLine, shortValue } from "./shortText.js";

/**
 * How a change affects users of this package, after the README's Versioning table: `breaking` (a major release),
 * `non-breaking` (compatible: a minor release), `annotation` (a fix: descriptions, examples, documentation).
 */
export type Impact = "breaking" | "non-breaking" | "annotation";

/** One change of the contract between two versions of the spec. */
export interface ContractChange {
  impact: Impact;
  /** Location in the spec, e.g. `paths › /v1/entities › post › requestBody › … › maxLength`. */
  where: string;
  /** What changed, in words, on one line of at most {@link WHAT_CHARACTERS} characters; never empty. */
  what: string;
  /** Set when this package's policy overrides api-smart-diff's classification, and why. */
  policy?: string;
}

/** The longest `what` a change gets: a reworded description must not fill the screen. */
export const WHAT_CHARACTERS = 200;

type Diff = ReturnType<typeof apiDiff>[number];

const VERBS: Record<string, string> = { add: "Added", remove: "Removed", replace: "Replaced", rename: "Renamed" };

/**
 * Compares two versions of the spec with api-smart-diff and classifies each change for this package, by the
 * README's Versioning table. On top of api-smart-diff's HTTP-level classification, the package's policy:
 * - a change that only touches documentation (a description, summary, title, example; see `isDocumentation`) is a
 *   fix, even where the tool cannot classify it (it leaves added examples unclassified);
 * - a removed property anywhere (request or response) is breaking: the generated types lose it, and callers' code
 *   breaks;
 * - a whole component added under `components/` (a parameter, say) is compatible: it takes effect only where an
 *   operation refers to it, and that reference is a change of the operation, classified under `paths`;
 * - any other change the tool cannot classify (an `x-` extension, say) is breaking: the client compiles `x-methods`
 *   and `x-retryable-categories` into its behaviour, so a reviewer must decide, and until then it is breaking.
 *
 * A change under `components/` is left out when api-smart-diff reports it again, resolved, under the operations
 * that use it (where a reader looks); one it does not resolve there (a shared example, say) is kept.
 */
export function contractChanges(before: unknown, after: unknown): ContractChange[] {
  const diffs = apiDiff(before, after);
  const underPaths = diffs.filter((diff) => diff.path[0] !== "components");
  const changes: ContractChange[] = [];
  for (const diff of diffs) {
    if (diff.path[0] === "components" && reportedUnderPaths(diff, underPaths)) continue;
    const where = diff.path.join(" › ");
    const classified = classify(diff);
    // api-smart-diff describes the same documentation edit in different words at different places (and some not
    // at all); our own words let the report list a shared header's example once, with how many places it is at.
    const described = classified.impact === "annotation" ? ownWords(diff) : words(diff);
    const what = oneLine(`${described}${valueChange(diff.before, diff.after)}`, WHAT_CHARACTERS);
    changes.push({ where, what, ...classified });
  }
  return changes;
}

/** The impact of one change, and the policy when the package's rules override api-smart-diff. */
function classify(diff: Diff): Pick<ContractChange, "impact" | "policy"> {
  if (isDocumentation(diff.path)) {
    return diff.type === "annotation"
      ? { impact: "annotation" }
      : { impact: "annotation", policy: "descriptions and examples are documentation: a fix" };
  }
  if (diff.type === "breaking") return { impact: "breaking" };
  if (diff.type === "annotation") return { impact: "annotation" };
  if (diff.type === "unclassified" && diff.action === "add" && isWholeComponent(diff.path)) {
    return { impact: "non-breaking", policy: "a new component changes only the operations that refer to it" };
  }
  if (diff.type === "unclassified") {
    return {
      impact: "breaking",
      policy: "not classified by api-smart-diff: breaking until a reviewer decides otherwise",
    };
  }
  if (diff.action === "remove" && diff.path.at(-2) === "properties") {
    // A removed property is a missing member in the generated types: code that reads or writes it stops compiling.
    return { impact: "breaking", policy: "a removed property is removed from the generated types" };
  }
  return { impact: "non-breaking" };
}

/** `components › <kind> › <name>`: a whole component, not a part of one. */
function isWholeComponent(path: Diff["path"]): boolean {
  return path.length === 3 && path[0] === "components";
}

/** api-smart-diff's description of the change, or (it leaves some empty) our own words. */
function words(diff: Diff): string {
  return diff.description?.trim() || ownWords(diff);
}

/** The action and the key it acted on: "Added `another` in `examples`". */
function ownWords(diff: Diff): string {
  const key = diff.path.at(-1);
  const parent = diff.path.at(-2);
  const verb = VERBS[diff.action] ?? `${diff.action[0]?.toUpperCase() ?? ""}${diff.action.slice(1)}`;
  return `${verb} \`${String(key)}\`${parent === undefined ? "" : ` in \`${String(parent)}\``}`;
}

/** Whether a change under `components/<kind>/<name>/…` shows up again, resolved, at the end of a path under `paths`. */
function reportedUnderPaths(diff: Diff, underPaths: readonly Diff[]): boolean {
  const tail = diff.path.slice(3);
  if (tail.length === 0) return false;
  return underPaths.some(
    (other) =>
      other.action === diff.action &&
      other.path.length > tail.length &&
      tail.every((segment, index) => other.path[other.path.length - tail.length + index] === segment),
  );
}

/** ` (32 → 30)` for a changed scalar, so the report shows the old and new limit (long text cut); empty otherwise. */
function valueChange(before: unknown, after: unknown): string {
  const scalar = (value: unknown) => value === undefined || (typeof value !== "object" && typeof value !== "function");
  if (!scalar(before) || !scalar(after) || (before === undefined && after === undefined)) return "";
  return ` (${shortValue(before)} → ${shortValue(after)})`;
}
