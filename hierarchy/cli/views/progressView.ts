import type { PlanEvent } from "../../events.js";
import { plural } from "../../plural.js";
import type { Progress } from "../progress.js";

/** A count as people read it: `1,521`. */
export const count = (n: number): string => n.toLocaleString("en-US");

/** Shows the reading and rehearsing of a plan (or of an export, or a saved plan's check) as progress lines. */
export function showPlanEvent(progress: Progress, event: PlanEvent): void {
  switch (event.type) {
    case "entities-listed":
      progress.update(`listed ${count(event.entities)} entities (${count(event.provisioned)} provisioned)`);
      return;
    case "connections-read":
      progress.update(`read ${count(event.done)} of ${count(event.of)} entities' connections`);
      return;
    case "users-read":
      progress.update(`read ${count(event.done)} of ${count(event.of)} users' access`);
      return;
    case "tenant-read":
      progress.end(
        `Read ${plural(event.entities, "entity", "entities")}, ${plural(event.connections, "connection", "connections")}${event.users > 0 ? ` and ${plural(event.users, "user", "users")}` : ""} (${seconds(event.ms)}).`,
      );
      return;
    case "rehearsal-started":
      progress.start(`Rehearsing ${plural(event.steps, "step", "steps")} on a stand-in seeded with the tenant`);
      return;
    case "rehearsal-ended":
      progress.end(
        event.refused === 0
          ? `Rehearsal passed (${seconds(event.ms)}).`
          : `Rehearsal refused ${plural(event.refused, "step", "steps")} (${seconds(event.ms)}).`,
      );
      return;
  }
}

/** `1.2 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
