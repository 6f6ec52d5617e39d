import { exportHierarchy, formatHierarchy } from "../../file/exportHierarchy.js";
import { plural } from "../../plural.js";
import { readTenant } from "../../tenant/readTenant.js";
import { writeNamedFile } from "../files.js";
import { type Io, UsageError } from "../io.js";
import type { Args } from "../main.js";
import { tenantClient } from "../tenantClient.js";

/** `zuora-entities export [-o FILE]`: the tenant as a hierarchy file. Only reads. */
export async function exportCommand(args: Args, io: Io): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError("export takes no FILE; use -o FILE");
  const tenant = tenantClient(io, args.values["base-url"] as string | undefined);
  io.err(`Reading the tenant at ${tenant.origin}...`);
  const state = await readTenant(tenant.zuora);
  const hierarchy = exportHierarchy(state);
  const out = args.values.out as string | undefined;
  const json = args.values.json === true || (out?.endsWith(".json") ?? false);
  const text = formatHierarchy(hierarchy, json ? "json" : "yaml");
  if (out === undefined) io.out(text.trimEnd());
  else await writeNamedFile(out, text);
  io.err(
    `Exported ${plural(state.entities.length, "entity", "entities")} and ${plural(hierarchy.connections.length, "connection", "connections")}` +
      `${out === undefined ? "" : ` to ${out}`} (${tenant.requests()} requests, all reads).`,
  );
  return 0;
}
