import type { components } from "../../../generated/schema.js";
import { CONNECTION_ID, isConnectionId } from "../../../rules/tenantValues.js";
import type { Tenant } from "../tenant.js";
import {
  type EntityRef,
  knownKeysOnly,
  listOfMappings,
  type Report,
  type Resolver,
  refKey,
  unknownEntity,
} from "./reading.js";

type ConnectionStatus = components["schemas"]["ConnectionStatus"];

const CONNECTION_KEYS = new Set(["id", "from", "to", "status"]);
const STATUSES: readonly string[] = ["Pending", "Connected", "Disconnected"];

/** A connection of a seed, checked, with its ends as the seed names them. */
export interface SeedConnection {
  values: { id?: string; status?: ConnectionStatus };
  from: EntityRef;
  to: EntityRef;
}

/**
 * Checks a seed's `connections`, reporting every problem: ends that are entities (of the seed or the tenant), and
 * not the same one; a status of the spec's; an ID of the spec's shape that nobody has (no entity either); at most one
 * pending or connected connection per pair. `entityIds` are the IDs the seed gives its entities.
 */
export function readConnections(
  tenant: Tenant,
  raw: unknown,
  resolve: Resolver,
  entityIds: ReadonlyMap<string, string>,
  report: Report,
): SeedConnection[] {
  const out: SeedConnection[] = [];
  const ids = new Set<string>();
  const open = new Set<string>();
  const item = { one: "a connection", shape: "{ from, to, status }" };
  for (const { path, value: given } of listOfMappings(raw, "connections", item, report)) {
    let fine = knownKeysOnly(path, given, CONNECTION_KEYS, report);
    const from = resolve.one(given.from);
    const to = resolve.one(given.to);
    for (const [end, found] of [
      ["from", from],
      ["to", to],
    ] as const) {
      if (!found) {
        report([...path, end], unknownEntity(given[end]));
        fine = false;
      }
    }
    if (given.status !== undefined && !STATUSES.includes(given.status as string)) {
      report([...path, "status"], "`status` must be Pending, Connected or Disconnected");
      fine = false;
    }
    const id = given.id;
    if (id !== undefined && (typeof id !== "string" || ids.has(id) || tenant.connections.has(id))) {
      report([...path, "id"], typeof id === "string" ? `the connection ${id} exists` : "`id` must be a string");
      fine = false;
    } else if (typeof id === "string" && !isConnectionId(id)) {
      report([...path, "id"], `\`id\` must be ${CONNECTION_ID.words}, at most ${CONNECTION_ID.maxLength} characters`);
      fine = false;
    } else if (typeof id === "string" && (tenant.entities.has(id) || entityIds.has(id))) {
      report([...path, "id"], `${id} is the ID of an entity`);
      fine = false;
    }
    if (!fine || !from || !to) continue;
    if (refKey(from) === refKey(to)) {
      report(path, "an entity cannot connect to itself");
      continue;
    }
    if (typeof id === "string") ids.add(id);
    const status = (given.status ?? "Pending") as ConnectionStatus;
    if (status !== "Disconnected") {
      const pair = [refKey(from), refKey(to)].sort().join("\u0000");
      const existing = "id" in from && "id" in to ? tenant.connections.openBetween(from.id, to.id) : undefined;
      if (open.has(pair) || existing) {
        const which = existing ? existing.status.toLowerCase() : "pending or connected";
        report(path, `the entities already have a ${which} connection`);
        continue;
      }
      open.add(pair);
    }
    out.push({ values: { ...(typeof id === "string" ? { id } : {}), status }, from, to });
  }
  return out;
}
