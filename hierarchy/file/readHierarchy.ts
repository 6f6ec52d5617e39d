import { readFile } from "node:fs/promises";
import {
  type Document,
  isMap,
  isNode,
  isScalar,
  LineCounter,
  type Node,
  parseDocument,
  visit,
  type YAMLMap,
} from "yaml";
import { ENTITY_NAME, isEntityName, isLocale, isTimeZone } from "../../rules/tenantValues.js";
import type { ConnectionStatus, DesiredConnection, DesiredEntity, Hierarchy, Location } from "../model.js";

/** A hierarchy file that cannot be read: it names the file, the line and column, and the rule broken. */
export class HierarchyFileError extends Error {
  override name = "HierarchyFileError";
  /** The file's name, as given. */
  readonly source: string;
  /** Where the problem is (1-based), when known. */
  readonly at: Location | undefined;

  constructor(source: string, at: Location | undefined, problem: string) {
    super(`${source}${at ? `:${at.line}:${at.column}` : ""}: ${problem}`);
    this.source = source;
    this.at = at;
  }
}

const STATUSES: readonly ConnectionStatus[] = ["Pending", "Connected", "Disconnected"];
const ENTITY_KEYS = new Set(["parent", "displayName", "locale", "timezone", "provisioned"]);
const CONNECTION_KEYS = new Set(["from", "to", "status"]);
const TOP_KEYS = new Set(["$schema", "version", "entities", "connections"]);

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
 * @throws {HierarchyFileError} naming the line, the column and the rule, at the first problem.
 */
export function parseHierarchy(text: string, source = "hierarchy"): Hierarchy {
  const lineCounter = new LineCounter();
  // Keys are checked for uniqueness below: the yaml package's own check compares each key with every other.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const pos = lineCounter.linePos(firstError.pos[0]);
    throw new HierarchyFileError(source, { line: pos.line, column: pos.col }, firstError.message.split("\n")[0] ?? "");
  }
  const repeated = firstRepeatedKey(doc)?.range?.[0];
  if (repeated !== undefined) {
    const pos = lineCounter.linePos(repeated);
    throw new HierarchyFileError(source, { line: pos.line, column: pos.col }, "Map keys must be unique");
  }
  // A map's keys by name, indexed once, so that placing each of many entities does not scan the whole map.
  const keyIndexes = new WeakMap<YAMLMap, Map<string, unknown>>();
  const keyNode = (map: YAMLMap, name: string): unknown => {
    let keys = keyIndexes.get(map);
    if (keys === undefined) {
      keys = new Map();
      for (const { key } of map.items) {
        if (isScalar(key) && !keys.has(String(key.value))) keys.set(String(key.value), key);
      }
      keyIndexes.set(map, keys);
    }
    return keys.get(name);
  };
  const where = (path: (string | number)[], key = false): Location | undefined => {
    const last = path.at(-1);
    const parent = path.length > 0 ? doc.getIn(path.slice(0, -1), true) : undefined;
    const node =
      key && isMap(parent) ? keyNode(parent, String(last)) : path.length > 0 ? doc.getIn(path, true) : doc.contents;
    const offset = isNode(node) ? node.range?.[0] : undefined;
    if (offset === undefined) return undefined;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const fail = (path: (string | number)[], problem: string, key = false): never => {
    throw new HierarchyFileError(source, where(path, key), problem);
  };

  const root: unknown = doc.toJS();
  if (!isObject(root)) return fail([], "must be a mapping with `version`, `entities` and `connections`");
  for (const key of Object.keys(root)) if (!TOP_KEYS.has(key)) fail([key], `unknown key \`${key}\``, true);
  if (root.version !== 1) fail(["version"], "`version` must be 1");
  const entitiesValue = root.entities;
  if (!isObject(entitiesValue) || Object.keys(entitiesValue).length === 0) {
    fail(["entities"], "`entities` must be a mapping of entity names to entities, with at least the global entity");
  }
  // A plain key such as 2024.10 is the number 2024.1 to YAML: the name the file shows is not the one it gives.
  const entityMap = doc.getIn(["entities"], true);
  for (const pair of isMap(entityMap) ? entityMap.items : []) {
    const key = pair.key;
    if (isScalar(key) && typeof key.value !== "string") {
      const written = key.source ?? String(key.value);
      const read = key.value === null ? "null" : `the ${typeof key.value} ${String(key.value)}`;
      fail(
        ["entities", String(key.value)],
        `entity name ${written} is read by YAML as ${read}: quote it ("${written}")`,
        true,
      );
    }
  }
  const entities: DesiredEntity[] = [];
  for (const [name, value] of Object.entries(entitiesValue as Record<string, unknown>)) {
    const path = ["entities", name];
    // The tenant's rules (rules/tenantValues.ts): the spec's for a name, what Zuora accepts for a locale and a zone.
    if (!isEntityName(name)) {
      fail(
        path,
        `entity name "${name}": must be ${ENTITY_NAME.words}, at most ${ENTITY_NAME.maxLength} characters`,
        true,
      );
    }
    if (!isObject(value)) return fail(path, `entity ${name} must be a mapping`);
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
      if (v === undefined || v === null)
        return required ? fail(path, `entity ${name}: \`${key}\` is required`, true) : undefined;
      if (typeof v !== "string" || v.length === 0 || characters(v) > 255) {
        fail([...path, key], `entity ${name}: \`${key}\` must be a string of 1 to 255 characters`);
      }
      if (rule && !rule(v as string)) fail([...path, key], `entity ${name}: \`${key}\` must be ${ruleText}`);
      return v as string;
    };
    const parent = text("parent", false);
    const displayName = text("displayName", false);
    const locale = text("locale", true, isLocale, "a locale ll_CC, e.g. en_GB") as string;
    // An IANA zone the runtime knows, or an alias of one (UTC, GMT).
    const timezone = text("timezone", true, isTimeZone, "an IANA time zone name, e.g. Europe/London") as string;
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
      provisioned: provisioned as boolean | undefined,
      at: where(path, true),
    });
  }

  const connectionsValue = root.connections ?? [];
  if (!Array.isArray(connectionsValue)) return fail(["connections"], "`connections` must be a list");
  const connections: DesiredConnection[] = connectionsValue.map((value: unknown, i: number) => {
    const path = ["connections", i];
    if (!isObject(value)) return fail(path, "a connection must be a mapping { from, to, status }");
    for (const key of Object.keys(value)) {
      if (!CONNECTION_KEYS.has(key)) fail([...path, key], `connection: unknown key \`${key}\``, true);
    }
    for (const key of ["from", "to"]) {
      if (typeof value[key] !== "string" || value[key] === "")
        fail(path, `connection: \`${key}\` must be an entity name`);
    }
    if (!STATUSES.includes(value.status as ConnectionStatus)) {
      fail([...path, "status"], "connection: `status` must be Pending, Connected or Disconnected");
    }
    return {
      from: value.from as string,
      to: value.to as string,
      status: value.status as ConnectionStatus,
      at: where(path),
    };
  });
  return { version: 1, entities, connections, source };
}

/** The first key that repeats an earlier one of the same mapping (as the yaml package compares them), if any. */
function firstRepeatedKey(doc: Document): Node | undefined {
  let repeated: Node | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (seen.has(key.value)) {
          repeated = key;
          return visit.BREAK;
        }
        seen.add(key.value);
      }
      return undefined;
    },
  });
  return repeated;
}

/** Length in code points, as the spec's and the schema's `maxLength` count it (an emoji is one character). */
function characters(text: string): number {
  // 255 characters take at most 510 UTF-16 units: a longer text is too long without counting.
  return text.length <= 255 || text.length > 510 ? text.length : [...text].length;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
