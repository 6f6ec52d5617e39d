import type { Action, Change, Plan, Refusal } from "../../model.js";
import { plural } from "../../plural.js";
import { printable, printableData } from "../printable.js";

/** Colours for a terminal; every function returns its text unchanged when colour is off. */
export interface Paint {
  add(text: string): string;
  change(text: string): string;
  remove(text: string): string;
  strong(text: string): string;
}

/** ANSI colours, or none (`NO_COLOR`, not a terminal). */
export function paint(color: boolean): Paint {
  const wrap = (code: string) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { add: wrap("32"), change: wrap("33"), remove: wrap("31"), strong: wrap("1") };
}

const SYMBOL: Record<Action, "+" | "~" | "-"> = {
  create: "+",
  initiate: "+",
  update: "~",
  provision: "~",
  accept: "~",
  delete: "-",
  deny: "-",
  disconnect: "-",
  "request-access": "+",
  "accept-access": "~",
  "deny-access": "-",
  share: "+",
};

/** Where a refusal is, as `file:line:column`, when it has a place. */
export function place(refusal: Refusal, source: string | undefined): string {
  return refusal.at ? ` (${source ?? "file"}:${refusal.at.line}:${refusal.at.column})` : "";
}

/** One line per change, per difference kept (drift), the refusals, the notes and the summary, as `plan` prints them. */
export function renderPlan(
  given: Plan,
  options: { color?: boolean | undefined; source?: string | undefined } = {},
): string[] {
  // The plan's text (names, display names, a server's reasons) and the file's name are data: made printable before
  // they are coloured, so that only the colour codes added here reach the terminal.
  const plan = printableData(given);
  const source = options.source === undefined ? undefined : printable(options.source);
  const p = paint(options.color ?? false);
  const lines: string[] = [];
  if (plan.refused.length > 0) {
    lines.push(
      p.remove(
        p.strong(`Refused: ${plural(plan.refused.length, "change", "changes")} cannot be made; nothing will be sent.`),
      ),
    );
    for (const r of plan.refused) {
      lines.push(
        `  ${p.remove("✖")} ${r.address}${place(r, source)}: ${r.reason}${r.code && !r.reason.includes(r.code) ? ` [${r.code}]` : ""}`,
      );
    }
    return lines;
  }
  for (const change of plan.changes) lines.push(renderChange(change, p));
  for (const drift of plan.drift) lines.push(`  ${p.change("!")} ${drift.address}  kept: ${drift.reason}`);
  for (const note of plan.notes) lines.push(`  · ${note}`);
  if (lines.length > 0) lines.push("");
  lines.push(p.strong(summary(plan)));
  return lines;
}

function renderChange(change: Change, p: Paint): string {
  const symbol = SYMBOL[change.actions[0] as Action];
  const colour = symbol === "+" ? p.add : symbol === "-" ? p.remove : p.change;
  const marked = `${change.irreversible ? ` ${p.remove(p.strong("(irreversible)"))}` : ""}${change.unchecked ? " (unchecked)" : ""}`;
  return `  ${colour(symbol)} ${change.address}  ${change.actions.join(", ")}${marked}: ${change.reason}`;
}

/**
 * `Plan: 2 to create, 1 to update, 2 to provision (irreversible), 1 to connect.`, with the differences kept (drift)
 * counted; that the tenant matches the file only when nothing differs; or, when any step is refused, that the plan
 * is refused (nothing of it can be applied).
 */
export function summary(plan: Plan): string {
  if (plan.refused.length > 0) {
    return `Refused: ${plural(plan.refused.length, "problem", "problems")} to fix in the file before anything can be applied.`;
  }
  const counts = changeCounts(plan);
  const parts: [number, string, string][] = [
    [counts.create, "to create", "to create"],
    [counts.update, "to update", "to update"],
    [counts.provision, "to provision (irreversible)", "to provision (irreversible)"],
    [counts.delete, "to delete (irreversible)", "to delete (irreversible)"],
    [counts.connect, "to connect", "to connect"],
    [counts.accept, "to accept", "to accept"],
    [counts.deny, "to deny", "to deny"],
    [counts.disconnect, "to disconnect (irreversible)", "to disconnect (irreversible)"],
    [counts.grant, "access to grant", "accesses to grant"],
    [counts.denyAccess, "access to deny", "accesses to deny"],
    [counts.share, "to share (irreversible)", "to share (irreversible)"],
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  const kept = plural(plan.drift.length, "difference", "differences");
  const unchecked =
    counts.unchecked > 0
      ? `${plural(counts.unchecked, "share", "shares")} cannot be checked before ${counts.unchecked === 1 ? "it runs" : "they run"} (apply sends ${counts.unchecked === 1 ? "it" : "them"}).`
      : "";
  if (said.length === 0) {
    if (plan.drift.length > 0) {
      return `No changes to make, but the tenant differs from the file: ${kept} kept (shown with !).${unchecked ? ` ${unchecked}` : ""}`;
    }
    return unchecked ? `No differences Zuora shows: ${unchecked}` : "No changes: the tenant matches the file.";
  }
  const also = plan.drift.length > 0 ? ` The tenant also differs: ${kept} kept (shown with !).` : "";
  return `Plan: ${said.join(", ")}.${also}${unchecked ? ` ${unchecked}` : ""}`;
}

/** How many changes of a plan do what, by what the summary calls them. */
export interface ChangeCounts {
  create: number;
  update: number;
  provision: number;
  delete: number;
  /** Connections initiated (and accepted, when the file says Connected). */
  connect: number;
  /** Pending connections accepted. */
  accept: number;
  deny: number;
  disconnect: number;
  /** Users' access requested (and accepted). */
  grant: number;
  /** Users' access taken away. */
  denyAccess: number;
  /** Products shared that are known to need it (over a connection the plan makes). */
  share: number;
  /** Shares that cannot be checked before they run. */
  unchecked: number;
}

/** How many of a plan's changes do what, as its summary counts them (an accept after an initiate is the connect). */
export function changeCounts(plan: Plan): ChangeCounts {
  const count = (test: (c: Change) => boolean) => plan.changes.filter(test).length;
  const has = (action: Action) => (c: Change) => c.actions.includes(action);
  return {
    create: count(has("create")),
    update: count(has("update")),
    provision: count(has("provision")),
    delete: count(has("delete")),
    connect: count(has("initiate")),
    accept: count((c) => c.actions.includes("accept") && !c.actions.includes("initiate")),
    deny: count(has("deny")),
    disconnect: count(has("disconnect")),
    grant: count(has("request-access")),
    denyAccess: count(has("deny-access")),
    share: count((c) => c.actions.includes("share") && c.unchecked !== true),
    unchecked: count((c) => c.unchecked === true),
  };
}

/** The plan as one JSON document: stable for scripts (`formatVersion` "1"); `plan --json` streams the same as lines. */
export function planJson(plan: Plan): Record<string, unknown> {
  return {
    formatVersion: plan.formatVersion,
    changes: plan.changes,
    refused: plan.refused,
    drift: plan.drift,
    notes: plan.notes,
    summary: summary(plan),
  };
}
