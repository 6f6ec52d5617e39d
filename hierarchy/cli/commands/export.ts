import { exportHierarchy, formatHierarchy, type HierarchyFormat } from "../../file/exportHierarchy.js";
import { plural } from "../../plural.js";
import { readTenant } from "../../tenant/readTenant.js";
import { BASE_URL, HELP, NO_COLOR, PARALLELISM, parallelismOf } from "../arguments/common.js";
import { flag, single } from "../arguments/parseOptions.js";
import { writeNamedFile } from "../files.js";
import { UsageError } from "../io.js";
import { tenantClient } from "../tenantClient.js";
import { seconds, showPlanEvent } from "../views/progressView.js";
import type { Command } from "./command.js";

/** `zuora-entities export`'s arguments. */
export interface ExportArguments {
  /** The file to write, or undefined for stdout. */
  out: string | undefined;
  format: HierarchyFormat;
  /** Requests at once while reading the tenant. */
  parallelism: number;
  baseUrl: string | undefined;
}

/** `zuora-entities export [-o FILE]`: the tenant as a hierarchy file that plans to no change. Only reads. */
export const exportCommand: Command<ExportArguments> = {
  name: "export",
  synopsis: "export [-o FILE] [--json] [--parallelism N]",
  summary: "the tenant as a file that plans to no change; only reads",
  description: `Writes the tenant's entities and connections as a hierarchy file that plans to no change. Only reads.`,
  options: [
    {
      name: "out",
      short: "o",
      value: "FILE",
      help: "write to FILE (JSON when it ends in .json, YAML otherwise) instead of stdout",
    },
    { name: "json", help: "write JSON (the file's format; errors are JSON lines, as with the other commands)" },
    PARALLELISM,
    BASE_URL,
    NO_COLOR,
    HELP,
  ],
  tenant: true,
  parse(parsed) {
    if (parsed.positionals.length > 0) throw new UsageError("export takes no FILE; use -o FILE");
    const out = single(parsed, "out");
    return {
      out,
      format: flag(parsed, "json") || (out?.endsWith(".json") ?? false) ? "json" : "yaml",
      parallelism: parallelismOf(parsed),
      baseUrl: single(parsed, "base-url"),
    };
  },
  async run(args, context) {
    const { io, progress } = context;
    const tenant = tenantClient(io, args.baseUrl, progress.say);
    const start = performance.now();
    progress.start(`Reading the tenant at ${tenant.origin}`);
    const state = await readTenant(tenant.zuora, {
      parallelism: args.parallelism,
      onProgress: (event) => showPlanEvent(progress, event),
    });
    const hierarchy = exportHierarchy(state);
    const text = formatHierarchy(hierarchy, args.format);
    if (args.out === undefined) io.out(text.trimEnd());
    else await writeNamedFile(args.out, text);
    progress.end(
      `Exported ${plural(state.entities.length, "entity", "entities")} and ${plural(hierarchy.connections.length, "connection", "connections")}` +
        `${args.out === undefined ? "" : ` to ${args.out}`} (${plural(tenant.requests(), "request", "requests")}, all reads, ${seconds(performance.now() - start)}).`,
    );
    return 0;
  },
};
