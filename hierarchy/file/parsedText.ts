import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type { Document, Node, YAMLMap } from "yaml";
import { readPlainYaml } from "./plainYaml.js";

/** A path into a file's value: mapping keys (as text) and sequence indexes. */
export type TextPath = readonly (string | number)[];

/** A key YAML reads as something else than text (`2024.10` is the number 2024.1): as written, and as read. */
export interface OddKey {
  written: string;
  value: unknown;
}

/**
 * A YAML (or JSON) file as the hierarchy reader needs it: its value as plain data, where each part of it is, and what
 * of it is not what it seems. One shape, whichever parser read the text.
 */
export interface ParsedText {
  /** The text's own problems (it is not YAML): each with its offset. None when the value could be read. */
  errors: { offset: number; message: string }[];
  /** The value: mappings as objects (keys as text, a repeated key's last value), sequences as arrays. */
  value: unknown;
  /** The offset where the node at `path` starts, or its key does (`key`), if there is such a node. */
  offsetOf(path: TextPath, key: boolean): number | undefined;
  /** The offset of every key that repeats an earlier key of the same mapping. */
  repeatedKeys(): number[];
  /** The keys of the mapping at `path` that YAML reads as something else than text. */
  oddKeys(path: TextPath): OddKey[];
  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number };
}

/**
 * Reads a file's text: with the fast reader of plain YAML when the text keeps to what it reads (block mappings and
 * sequences, one-line flow collections, plain and quoted scalars, comments: what `export` writes and most people
 * do), else with the yaml package, which reads all of YAML. Both give the same answer for what the fast one reads.
 */
export function parseText(text: string): ParsedText {
  return readPlainYaml(text) ?? parseWithYaml(text);
}

let yamlPackage: typeof Yaml | undefined;

/**
 * The yaml package, loaded the first time a text needs it: a file the fast reader reads (what `export` writes) never
 * loads it, which spares a command's start the package's load (`zuora-stand-in --seed`, `zuora-entities validate`).
 * Loaded with `require`, so that the readers stay synchronous.
 */
function yaml(): typeof Yaml {
  yamlPackage ??= createRequire(import.meta.url)("yaml") as typeof Yaml;
  return yamlPackage;
}

/** Reads a file's text with the yaml package (all of YAML 1.2, JSON included). */
export function parseWithYaml(text: string): ParsedText {
  const { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // Keys are checked for uniqueness by `repeatedKeys`: the yaml package's own check compares each key with every other.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const errors = doc.errors.map((e) => ({ offset: e.pos[0], message: e.message.split("\n")[0] ?? "" }));
  let value: unknown;
  try {
    if (errors.length === 0) value = doc.toJS();
  } catch (error) {
    // The yaml package refuses aliases that expand too far (a "billion laughs"): a problem of the file like any other.
    errors.push({ offset: 0, message: error instanceof Error ? error.message : String(error) });
  }
  // A map's pairs by key as text (as the value's objects have them: 2024.1, not the number), indexed once, so that
  // placing each of many entities does not scan the whole map.
  const indexes = new WeakMap<YAMLMap, Map<string, { key: unknown; value: unknown }>>();
  const pairOf = (map: YAMLMap, name: string) => {
    let pairs = indexes.get(map);
    if (pairs === undefined) {
      pairs = new Map();
      for (const pair of map.items) {
        const text = String(isScalar(pair.key) ? pair.key.value : pair.key);
        if (!pairs.has(text)) pairs.set(text, pair);
      }
      indexes.set(map, pairs);
    }
    return pairs.get(name);
  };
  const nodeAt = (path: TextPath): unknown => {
    let node: unknown = doc.contents;
    for (const step of path) {
      if (isMap(node)) node = pairOf(node, String(step))?.value;
      else if (isSeq(node) && typeof step === "number") node = node.items[step];
      else return undefined;
    }
    return node;
  };
  return {
    errors,
    value,
    offsetOf(path, key) {
      const parent = key && path.length > 0 ? nodeAt(path.slice(0, -1)) : undefined;
      const node = key && isMap(parent) ? pairOf(parent, String(path.at(-1)))?.key : nodeAt(path);
      return isNode(node) ? node.range?.[0] : undefined;
    },
    repeatedKeys: () => repeatedKeys(doc),
    oddKeys(path) {
      const map = nodeAt(path);
      const odd: OddKey[] = [];
      for (const { key } of isMap(map) ? map.items : []) {
        if (isScalar(key) && typeof key.value !== "string") {
          odd.push({ written: key.source ?? String(key.value), value: key.value });
        }
      }
      return odd;
    },
    position(offset) {
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    },
  };
}

/** The offset of every key that repeats an earlier one of the same mapping (as the yaml package compares them). */
function repeatedKeys(doc: Document): number[] {
  const { isAlias, isScalar, visit } = yaml();
  const repeated: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        // A key written as an alias (`*g :`) is the key it names.
        const named = isAlias(key) ? key.resolve(doc) : key;
        if (!isScalar(named)) continue;
        const offset = (key as Node).range?.[0];
        if (seen.has(named.value) && offset !== undefined) repeated.push(offset);
        seen.add(named.value);
      }
    },
  });
  return repeated;
}
