/** The options of the commands that plan a file (`plan`, `apply FILE`), and how they are read. */
import { flag, type OptionSpec, type ParsedOptions } from "./parseOptions.js";

/** `--prune`. */
export const PRUNE: OptionSpec = {
  name: "prune",
  help: "also delete unprovisioned entities, end open connections and deny access the file leaves out",
};
/** `--no-rehearse`. */
export const NO_REHEARSE: OptionSpec = { name: "no-rehearse", help: "skip the rehearsal on a stand-in" };

/** How a file is planned, from `--prune` and `--no-rehearse`. */
export function planningOf(parsed: ParsedOptions): { prune: boolean; rehearse: boolean } {
  return { prune: flag(parsed, "prune"), rehearse: !flag(parsed, "no-rehearse") };
}
