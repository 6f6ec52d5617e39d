import type { ContractChange, Impact } from "./contractChanges.js";

/** The report's sections, in the README Versioning table's words, with the release each one needs. */
const SECTIONS: Record<Impact, string> = {
  breaking: "Breaking",
  "non-breaking": "Compatible",
  annotation: "Fix",
};
const RELEASES: Record<Impact, string> = {
  breaking: "a major release (a minor one while at 0.x)",
  "non-breaking": "a minor release (a patch while at 0.x)",
  annotation: "descriptions, examples, documentation: a patch release",
};

/**
 * The lines `npm run diff:spec` prints for these changes: one section per impact, each change once with where it
 * is. The same change at several places (a shared header's example, repeated under every response) is one entry
 * that says how many other places it is at.
 */
export function reportLines(title: string, changes: readonly ContractChange[]): string[] {
  const lines = [title];
  if (changes.length === 0) lines.push("  none");
  for (const impact of Object.keys(SECTIONS) as Impact[]) {
    const entries = new Map<string, { change: ContractChange; places: number }>();
    for (const change of changes.filter((candidate) => candidate.impact === impact)) {
      const key = `${change.what}\u0000${change.policy ?? ""}`;
      const entry = entries.get(key);
      if (entry) entry.places += 1;
      else entries.set(key, { change, places: 1 });
    }
    if (entries.size === 0) continue;
    lines.push("", `${SECTIONS[impact]} (${entries.size}): ${RELEASES[impact]}`);
    for (const { change, places } of entries.values()) {
      const policy = change.policy ? ` [policy: ${change.policy}]` : "";
      const others = places > 1 ? ` (and ${places - 1} more place${places > 2 ? "s" : ""})` : "";
      lines.push(`  - ${change.what}${policy}`, `      at ${change.where}${others}`);
    }
  }
  return lines;
}
