import { childrenByParentName } from "../../childrenByParent.js";
import type { DesiredEntity, Hierarchy } from "../../model.js";

/** The hierarchy as an indented tree with statuses, then its connections, users' access and shares. */
export function showTree(hierarchy: Hierarchy): string[] {
  const tree = childrenByParentName(hierarchy.entities);
  const lines: string[] = [];
  // A stack, not recursion: a chain thousands deep would overflow the call stack.
  const stack = tree
    .childrenOf(undefined)
    .map((e) => ({ e, prefix: "", last: true, top: true }))
    .reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { e, prefix, last, top } = next;
    const status = e.parent === undefined || e.provisioned ? "Provisioned" : "Unprovisioned";
    // Quoted as JSON: a display name is any text, a line break included, which must not start a line of its own.
    const label = `${e.name}${e.displayName === e.name ? "" : ` ${JSON.stringify(e.displayName)}`} (${status}, ${e.locale}, ${e.timezone})`;
    lines.push(top ? label : `${prefix}${last ? "└─ " : "├─ "}${label}`);
    const kids = tree.childrenOf(e.name);
    const inner = top ? "" : `${prefix}${last ? "   " : "│  "}`;
    for (let i = kids.length - 1; i >= 0; i--) {
      stack.push({ e: kids[i] as DesiredEntity, prefix: inner, last: i === kids.length - 1, top: false });
    }
  }
  if (hierarchy.connections.length > 0) {
    lines.push("", "connections:");
    for (const c of hierarchy.connections) lines.push(`  ${c.from} -> ${c.to}  ${c.status}`);
  }
  const users = hierarchy.users ?? [];
  if (users.length > 0) {
    lines.push("", "users:");
    for (const u of users) {
      const reach = [...new Set([...(u.home === undefined ? [] : [u.home]), ...u.access])];
      lines.push(`  ${u.username}${u.home === undefined ? "" : ` (home ${u.home})`}: ${reach.join(", ")}`);
    }
  }
  const shares = hierarchy.shares ?? [];
  if (shares.length > 0) {
    lines.push("", "shares:");
    for (const s of shares) lines.push(`  ${s.product} -> ${s.entities.join(", ")}`);
  }
  return lines;
}

/** The hierarchy as a Mermaid flowchart: parent edges solid, connections dotted and labelled with their status. */
export function showMermaid(hierarchy: Hierarchy): string[] {
  const id = new Map(hierarchy.entities.map((e, i) => [e.name, `e${i}`]));
  const lines = ["flowchart TD"];
  for (const e of hierarchy.entities) {
    const status = e.parent === undefined || e.provisioned ? "Provisioned" : "Unprovisioned";
    lines.push(`  ${id.get(e.name)}["${e.name}<br/>${status}"]`);
  }
  for (const e of hierarchy.entities) {
    if (e.parent !== undefined && id.has(e.parent)) lines.push(`  ${id.get(e.parent)} --> ${id.get(e.name)}`);
  }
  for (const c of hierarchy.connections) {
    if (id.has(c.from) && id.has(c.to)) lines.push(`  ${id.get(c.from)} -.->|${c.status}| ${id.get(c.to)}`);
  }
  return lines;
}
