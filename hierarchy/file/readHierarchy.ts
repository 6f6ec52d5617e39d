import { readFile } from "node:fs/promises";
import {
  ENTITY_NAME,
  isEntityName,
  isLocale,
  isProductId,
  isTimeZone,
  isUsername,
  PRODUCT_ID,
  USERNAME,
} from "../../rules/tenantValues.js";
import type {
  ConnectionStatus,
  DesiredConnection,
  DesiredEntity,
  DesiredShare,
  DesiredUser,
  Hierarchy,
  Location,
} from "../model.js";
import { type ParsedText, parseText } from "./parsedText.js";

/** One problem of a hierarchy file: where it is (1-based), when known, and the rule broken. */
export interface FileProblem {
  at: Location | undefined;
  problem: string;
}

/**
 * A hierarchy file that cannot be read: it names the file, and each problem's line, column and rule. The message
 * holds every problem, one per line (`hierarchy.yaml:12:5: ...`).
 */
export class HierarchyFileError extends Error {
  override name = "HierarchyFileError";
  /** The file's name, as given. */
  readonly source: string;
  /** Where the first problem is (1-based), when known. */
  readonly at: Location | undefined;
  /** Every problem of the file, in the order of the file. */
  readonly problems: readonly FileProblem[];

  constructor(source: string, problems: readonly FileProblem[]) {
    super(problems.map((p) => placed(source, p)).join("\n"));
    this.source = source;
    this.at = problems[0]?.at;
    this.problems = problems;
  }
}

/** A problem as `file:line:column: problem`. */
export function placed(source: string, problem: FileProblem): string {
  return `${source}${problem.at ? `:${problem.at.line}:${problem.at.column}` : ""}: ${problem.problem}`;
}

const STATUSES: readonly ConnectionStatus[] = ["Pending", "Connected", "Disconnected"];
/** The keys a hierarchy file may hold, at its top and in each entity, connection and user (the JSON Schema's too). */
export const FILE_KEYS = {
  top: ["$schema", "version", "unread", "entities", "connections", "users", "shares"],
  entity: ["parent", "displayName", "locale", "timezone", "provisioned"],
  connection: ["from", "to", "status"],
  user: ["home", "access"],
} as const;
const TOP_KEYS: ReadonlySet<string> = new Set(FILE_KEYS.top);
const ENTITY_KEYS: ReadonlySet<string> = new Set(FILE_KEYS.entity);
const CONNECTION_KEYS: ReadonlySet<string> = new Set(FILE_KEYS.connection);
const USER_KEYS: ReadonlySet<string> = new Set(FILE_KEYS.user);

/** Reads and checks a hierarchy file (YAML or JSON) from disk. See {@link parseHierarchy}. */
export async function readHierarchy(path: string): Promise<Hierarchy> {
  return parseHierarchy(await readFile(path, "utf8"), path);
}

/**
 * Parses a hierarchy file's text (YAML or JSON: JSON is YAML) and checks its shape: the keys and types of
 * `hierarchy.schema.json`, names by the spec's rule, locales `ll_CC`, IANA time zone names. What the file means
 * (one root, parents present, no cycle, what a tenant allows) is the planner's to judge.
 *
 * @param text - The file's content.
 * @param source - The file's name, for messages. Defaults to `hierarchy`.
 * @throws {HierarchyFileError} naming the line, the column and the rule of every problem.
 */
export function parseHierarchy(text: string, source = "hierarchy"): Hierarchy {
  const { hierarchy, problems } = readHierarchyText(text, source);
  if (problems.length > 0 || hierarchy === undefined) throw new HierarchyFileError(source, problems);
  return hierarchy;
}

/**
 * {@link parseHierarchy} without throwing: every problem of the file, and the hierarchy as far as it could be read
 * (undefined when the text is not YAML, or not a mapping). An entity or connection with a problem is still in the
 * hierarchy, with what could be read of it, so that the checks of what the file means can run on the rest.
 */
export function readHierarchyText(
  text: string,
  source = "hierarchy",
): { hierarchy: Hierarchy | undefined; problems: FileProblem[] } {
  return readParsed(parseText(text), source);
}

/** {@link readHierarchyText} on a text already parsed (by either reader: the tests compare them). */
export function readParsed(
  parsed: ParsedText,
  source = "hierarchy",
): { hierarchy: Hierarchy | undefined; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const at = (offset: number): Location => parsed.position(offset);
  for (const error of parsed.errors) problems.push({ at: at(error.offset), problem: error.message });
  if (problems.length > 0) return { hierarchy: undefined, problems };
  for (const offset of parsed.repeatedKeys()) problems.push({ at: at(offset), problem: "Map keys must be unique" });
  const where = (path: (string | number)[], key = false): Location | undefined => {
    const offset = parsed.offsetOf(path, key);
    return offset === undefined ? undefined : at(offset);
  };
  const fail = (path: (string | number)[], problem: string, key = false): void => {
    problems.push({ at: where(path, key), problem });
  };
  const sorted = () =>
    problems.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0));

  const root: unknown = parsed.value;
  if (!isObject(root)) {
    fail([], "must be a mapping with `version`, `entities` and `connections`");
    return { hierarchy: undefined, problems: sorted() };
  }
  for (const key of Object.keys(root)) if (!TOP_KEYS.has(key)) fail([key], `unknown key \`${key}\``, true);
  if (root.version !== 1) fail(["version"], "`version` must be 1");
  const entitiesValue = isObject(root.entities) ? root.entities : {};
  if (!isObject(root.entities) || Object.keys(root.entities).length === 0) {
    fail(["entities"], "`entities` must be a mapping of entity names to entities, with at least the global entity");
  }
  // A plain key such as 2024.10 is the number 2024.1 to YAML: the name the file shows is not the one it gives.
  for (const [section, what] of [
    ["entities", "entity name"],
    ["users", "username"],
    ["shares", "product ID"],
  ] as const) {
    for (const key of parsed.oddKeys([section])) {
      const read = key.value === null ? "null" : `the ${typeof key.value} ${String(key.value)}`;
      fail(
        [section, String(key.value)],
        `${what} ${key.written} is read by YAML as ${read}: quote it ("${key.written}")`,
        true,
      );
    }
  }
  const entities: DesiredEntity[] = [];
  for (const [name, value] of Object.entries(entitiesValue)) {
    const path = ["entities", name];
    // The tenant's rules (rules/tenantValues.ts): the spec's for a name, what Zuora accepts for a locale and a zone.
    if (!isEntityName(name)) {
      fail(
        path,
        `entity name "${name}": must be ${ENTITY_NAME.words}, at most ${ENTITY_NAME.maxLength} characters`,
        true,
      );
    }
    if (!isObject(value)) {
      fail(path, `entity ${name} must be a mapping`);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (!ENTITY_KEYS.has(key)) fail([...path, key], `entity ${name}: unknown key \`${key}\``, true);
    }
    const text = (
      key: string,
      required: boolean,
      rule?: (value: string) => boolean,
      ruleText?: string,
    ): string | undefined => {
      const v = value[key];
      if (v === undefined || v === null) {
        if (required) fail(path, `entity ${name}: \`${key}\` is required`, true);
        return undefined;
      }
      if (typeof v !== "string" || v.length === 0 || characters(v) > 255) {
        fail([...path, key], `entity ${name}: \`${key}\` must be a string of 1 to 255 characters`);
        return undefined;
      }
      if (rule && !rule(v)) fail([...path, key], `entity ${name}: \`${key}\` must be ${ruleText}`);
      return v;
    };
    // A parent of the wrong type is still a parent: read as a root, it would add a second problem that is not one.
    const parent = text("parent", false) ?? (value.parent == null ? undefined : String(value.parent));
    const displayName = text("displayName", false);
    const locale = text("locale", true, isLocale, "a locale ll_CC, e.g. en_GB") ?? "";
    // An IANA zone the runtime knows, or an alias of one (UTC, GMT).
    const timezone = text("timezone", true, isTimeZone, "an IANA time zone name, e.g. Europe/London") ?? "";
    const provisioned = value.provisioned;
    if (provisioned !== undefined && typeof provisioned !== "boolean") {
      fail([...path, "provisioned"], `entity ${name}: \`provisioned\` must be true or false`);
    }
    entities.push({
      name,
      parent,
      displayName: displayName ?? name,
      locale,
      timezone,
      provisioned: typeof provisioned === "boolean" ? provisioned : undefined,
      at: where(path, true),
    });
  }

  const connectionsValue = root.connections ?? [];
  const connections: DesiredConnection[] = [];
  if (!Array.isArray(connectionsValue)) fail(["connections"], "`connections` must be a list");
  for (const [i, value] of (Array.isArray(connectionsValue) ? connectionsValue : []).entries()) {
    const path = ["connections", i];
    if (!isObject(value)) {
      fail(path, "a connection must be a mapping { from, to, status }");
      continue;
    }
    for (const key of Object.keys(value)) {
      if (!CONNECTION_KEYS.has(key)) fail([...path, key], `connection: unknown key \`${key}\``, true);
    }
    const ends = ["from", "to"].map((key) => {
      const end = value[key];
      if (typeof end === "string" && end !== "") return end;
      fail(path, `connection: \`${key}\` must be an entity name`);
      return undefined;
    });
    const status = value.status as ConnectionStatus;
    // A missing status has no place of its own in the file: the connection's is where to write it.
    if (status === undefined || status === null) {
      fail(path, "connection: `status` is required: Pending, Connected or Disconnected");
    } else if (!STATUSES.includes(status)) {
      fail([...path, "status"], "connection: `status` must be Pending, Connected or Disconnected");
    }
    const [from, to] = ends;
    if (from !== undefined && to !== undefined && STATUSES.includes(status)) {
      connections.push({ from, to, status, at: where(path) });
    }
  }
  /** A list of entity names at `path`: each a non-empty string, none twice. */
  const names = (path: (string | number)[], value: unknown, what: string): string[] => {
    if (!Array.isArray(value)) {
      fail(path, `${what} must be a list of entity names`);
      return [];
    }
    const seen = new Set<string>();
    const out: string[] = [];
    for (const [i, name] of value.entries()) {
      if (typeof name !== "string" || name === "") fail([...path, i], `${what}: each must be an entity name`);
      else if (seen.has(name)) fail([...path, i], `${what}: ${name} is listed twice`);
      else {
        seen.add(name);
        out.push(name);
      }
    }
    return out;
  };

  const users: DesiredUser[] = [];
  const usersValue = root.users ?? {};
  if (!isObject(usersValue)) fail(["users"], "`users` must be a mapping of usernames to { home, access }");
  for (const [username, value] of Object.entries(isObject(usersValue) ? usersValue : {})) {
    const path = ["users", username];
    if (!isUsername(username)) fail(path, `username "${username}": must be ${USERNAME.words}`, true);
    if (!isObject(value)) {
      fail(path, `user ${username} must be a mapping { home, access }`);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (!USER_KEYS.has(key)) fail([...path, key], `user ${username}: unknown key \`${key}\``, true);
    }
    let home: string | undefined;
    if (value.home !== undefined && value.home !== null) {
      if (typeof value.home === "string" && value.home !== "") home = value.home;
      else fail([...path, "home"], `user ${username}: \`home\` must be an entity name`);
    }
    const access =
      value.access === undefined ? [] : names([...path, "access"], value.access, `user ${username}: \`access\``);
    if (home === undefined && access.length === 0) {
      fail(
        path,
        `user ${username}: give its \`home\` or the entities in \`access\` (a user can always access its home)`,
        true,
      );
    }
    users.push({ username, home, access, at: where(path, true) });
  }

  const shares: DesiredShare[] = [];
  const sharesValue = root.shares ?? {};
  if (!isObject(sharesValue)) fail(["shares"], "`shares` must be a mapping of product IDs to lists of entity names");
  for (const [product, value] of Object.entries(isObject(sharesValue) ? sharesValue : {})) {
    const path = ["shares", product];
    if (!isProductId(product)) fail(path, `product ID "${product}": must be ${PRODUCT_ID.words}`, true);
    const entities = names(path, value, `shares of ${product}`);
    if (Array.isArray(value) && value.length === 0) fail(path, `shares of ${product}: name at least one entity`);
    shares.push({ product, entities, at: where(path, true) });
  }

  let unread: string[] | undefined;
  if (root.unread !== undefined) {
    if (Array.isArray(root.unread) && root.unread.every((line) => typeof line === "string")) unread = root.unread;
    else fail(["unread"], "`unread` must be a list of texts (what export could not read)");
  }
  const hierarchy: Hierarchy = { version: 1, entities, connections, users, shares, source };
  if (unread !== undefined) hierarchy.unread = unread;
  return { hierarchy, problems: sorted() };
}

/** Length in code points, as the spec's and the schema's `maxLength` count it (an emoji is one character). */
function characters(text: string): number {
  // 255 characters take at most 510 UTF-16 units: a longer text is too long without counting.
  return text.length <= 255 || text.length > 510 ? text.length : [...text].length;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
