import { JSON_LINES } from "../arguments/common.js";
import { flag } from "../arguments/parseOptions.js";
import { UsageError } from "../io.js";
import { packageVersion } from "../version.js";
import type { Command } from "./command.js";

/** `zuora-entities version`'s arguments. */
export interface VersionArguments {
  json: boolean;
}

/** `zuora-entities version` (or `--version`): the package's version. */
export const versionCommand: Command<VersionArguments> = {
  name: "version",
  synopsis: "version [--json]",
  summary: "the version of zuora-entities (also --version)",
  description: "Prints the version of zuora-entities, which is the version of the zuora-multi-entity package.",
  options: [JSON_LINES],
  tenant: false,
  parse(parsed) {
    if (parsed.positionals.length > 0) throw new UsageError("version takes no arguments");
    return { json: flag(parsed, "json") };
  },
  async run(_args, context) {
    // With --json, the version line every JSON output starts with is the whole answer.
    if (context.json) context.json.start();
    else context.io.out(`zuora-entities ${packageVersion()}`);
    return 0;
  },
};
