import { dirname, relative, resolve, sep } from "node:path";
import { exportHierarchy, formatHierarchy, type HierarchyFormat } from "../../file/exportHierarchy.js";
import { plural } from "../../plural.js";
import { PARALLELISM, parallelismOf } from "../arguments/common.js";
import { all, flag, single } from "../arguments/parseOptions.js";
import { writeNamedFile } from "../files.js";
import { UsageError } from "../io.js";
import { readTenantWithProgress } from "../readWithProgress.js";
import { tenantClient } from "../tenantClient.js";
import { schemaPath } from "../version.js";
import { showError } from "../views/errorView.js";
import { seconds } from "../views/progressView.js";
import type { Command } from "./command.js";

/** `zuora-entities export`'s arguments. */
export interface ExportArguments {
  /** The file to write, or undefined for stdout. */
  out: string | undefined;
  /** The users whose access to export (Zuora's API lists no users). */
  users: readonly string[];
  format: HierarchyFormat;
  /** Requests at once while reading the tenant. */
  parallelism: number;
  baseUrl: string | undefined;
}

/** `zuora-entities export [-o FILE]`: the tenant as a hierarchy file that plans to no change. Only reads. */
export const exportCommand: Command<ExportArguments> = {
  name: "export",
  synopsis: "export [-o FILE] [--json] [--user NAME]... [--parallelism N]",
  summary: "the tenant as a file that plans to no change; only reads",
  description: `Writes the tenant's entities, connections and the access of the users named with --user as a hierarchy file that
plans to no change. What Zuora publishes no read of (which entities a product is shared with, users' home
entities) is said in the file's \`unread\`, and left for you to write. Only reads.`,
  options: [
    {
      name: "out",
      short: "o",
      value: "FILE",
      help: "write to FILE (JSON when it ends in .json, YAML otherwise) instead of stdout",
    },
    { name: "json", help: "write JSON (the file's format; errors are JSON lines, as with the other commands)" },
    { name: "user", value: "NAME", repeatable: true, help: "also export this user's access (Zuora lists no users)" },
    PARALLELISM,
  ],
  tenant: true,
  parse(parsed) {
    if (parsed.positionals.length > 0) throw new UsageError("export takes no FILE; use -o FILE");
    const out = single(parsed, "out");
    return {
      out,
      users: all(parsed, "user"),
      format: flag(parsed, "json") || (out?.endsWith(".json") ?? false) ? "json" : "yaml",
      parallelism: parallelismOf(parsed),
      baseUrl: single(parsed, "base-url"),
    };
  },
  async run(args, context) {
    const { io, progress } = context;
    const tenant = tenantClient(io, args.baseUrl, progress.say);
    const start = performance.now();
    const state = await readTenantWithProgress(tenant, progress, { users: args.users, parallelism: args.parallelism });
    const missing = (state.users ?? []).filter((u) => !u.exists).map((u) => u.username);
    if (missing.length > 0) {
      progress.end();
      showError(context, `no such user in the tenant: ${missing.join(", ")} (Zuora's API cannot create users)`);
      return 1;
    }
    const hierarchy = exportHierarchy(state);
    const schema = schemaPath();
    const folder = args.out === undefined ? process.cwd() : dirname(resolve(args.out));
    const text = formatHierarchy(hierarchy, args.format, {
      schema: schema === undefined ? undefined : relative(folder, schema).split(sep).join("/"),
    });
    if (args.out === undefined) io.out(text.trimEnd());
    else await writeNamedFile(args.out, text);
    progress.end(
      `Exported ${plural(state.entities.length, "entity", "entities")}, ${plural(hierarchy.connections.length, "connection", "connections")} and ${plural(hierarchy.users?.length ?? 0, "user", "users")}` +
        `${args.out === undefined ? "" : ` to ${args.out}`} (${plural(tenant.requests(), "request", "requests")}, all reads, ${seconds(performance.now() - start)}).`,
    );
    return 0;
  },
};
