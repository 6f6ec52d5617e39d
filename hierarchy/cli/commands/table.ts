import { applyCommand } from "./apply.js";
import { type CommandEntry, entry } from "./command.js";
import { exportCommand } from "./export.js";
import { planCommand } from "./plan.js";
import { showCommand } from "./show.js";
import { validateCommand } from "./validate.js";
import { versionCommand } from "./version.js";

/** The commands of `zuora-entities`, in the order the help lists them: the one table help, parsing and dispatch read. */
export const COMMANDS: readonly CommandEntry[] = [
  entry(exportCommand),
  entry(planCommand),
  entry(applyCommand),
  entry(showCommand),
  entry(validateCommand),
  entry(versionCommand),
];

/** The command of that name, if there is one. */
export function commandNamed(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}
