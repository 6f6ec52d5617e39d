import { formatHierarchy } from "../../file/exportHierarchy.js";
import type { Hierarchy } from "../../model.js";
import type { Context } from "../context.js";
import { showMermaid, showTree } from "./showHierarchy.js";

/** How a hierarchy is shown: a tree or a Mermaid flowchart for a person; with `--json`, a `hierarchy` line. */
export function showHierarchyView(context: Context, hierarchy: Hierarchy, format: "tree" | "mermaid"): void {
  const { io, json } = context;
  if (json) {
    json.emit("hierarchy", `${hierarchy.entities.length} entities, ${hierarchy.connections.length} connections`, {
      hierarchy: JSON.parse(formatHierarchy(hierarchy, "json")),
    });
    return;
  }
  for (const line of format === "tree" ? showTree(hierarchy) : showMermaid(hierarchy)) io.out(line);
}
