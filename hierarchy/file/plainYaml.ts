import type { OddKey, ParsedText, TextPath } from "./parsedText.js";

/**
 * A fast reader of plain YAML: block mappings and sequences indented with spaces, one-line flow collections, plain
 * and quoted one-line scalars, comments. That is what `export` writes and what most hierarchy files are; reading it
 * takes a fraction of the time of the yaml package, which builds a full document (a 10,000-entity file is most of a
 * second there). Anything else (anchors, tags, block scalars, multi-line flow collections such as pretty JSON,
 * several documents, tabs, an empty value, a text that is not YAML) is left to the yaml package: the reader gives up
 * and answers undefined. What it reads, it reads as the yaml package does (YAML 1.2's core schema), at the same
 * offsets; a property test compares the two.
 */
export function readPlainYaml(text: string): ParsedText | undefined {
  try {
    return new PlainReader(text).read();
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

/** The text goes beyond plain YAML: the yaml package reads it. */
class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

type PlainNode =
  | { kind: "map"; start: number; entries: Entry[] }
  | { kind: "seq"; start: number; items: PlainNode[] }
  | { kind: "scalar"; start: number; value: unknown };

interface Entry {
  /** The key as YAML reads it (text, or a number, a boolean...). */
  key: unknown;
  /** The key as written. */
  written: string;
  keyStart: number;
  value: PlainNode;
}

/** A line with content: its indentation (spaces), its text after them, and the offset where that text starts. */
interface Line {
  indent: number;
  text: string;
  start: number;
}

/** What cannot start a plain scalar: YAML's indicators (`-`, `?` and `:` only before a space, as in `- item`). */
const INDICATOR = /^(?:[,[\]{}#&*!|>'"%@`]|[-?:](?: |$))/;

class PlainReader {
  readonly #text: string;
  readonly #lines: Line[] = [];
  readonly #lineStarts: number[] = [0];
  #at = 0;

  constructor(text: string) {
    this.#text = text;
  }

  read(): ParsedText {
    const text = this.#text;
    // Tabs, carriage returns and other control characters, and a byte order mark, are the yaml package's to read.
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if ((code < 0x20 && code !== 0x0a) || code === 0x7f || code === 0xfeff) giveUp();
    }
    let offset = 0;
    for (const raw of text.split("\n")) {
      const start = offset;
      offset += raw.length + 1;
      if (offset <= text.length) this.#lineStarts.push(offset);
      const body = trimStart(raw);
      if (body === "" || body.startsWith("#")) continue;
      const indent = raw.length - body.length;
      if (indent === 0 && /^(?:---|\.\.\.|%)/.test(body)) giveUp();
      this.#lines.push({ indent, text: trimEnd(body), start: start + indent });
    }
    const first = this.#lines[0] ?? giveUp();
    const root = this.#block(first.indent);
    if (this.#at < this.#lines.length) giveUp();
    return this.#parsed(root);
  }

  /** The block node whose lines start at the current one, indented `indent`. */
  #block(indent: number): PlainNode {
    const line = this.#lines[this.#at] as Line;
    return isSeqLine(line.text) ? this.#seq(indent) : this.#map(indent);
  }

  #map(indent: number): PlainNode {
    const entries: Entry[] = [];
    const start = (this.#lines[this.#at] as Line).start;
    for (let line = this.#lines[this.#at]; line && line.indent === indent; line = this.#lines[this.#at]) {
      if (isSeqLine(line.text)) giveUp();
      const key = splitKey(line.text) ?? giveUp();
      this.#at++;
      const restStart = line.start + key.restAt;
      const rest = line.text.slice(key.restAt);
      let value: PlainNode;
      if (trimStart(rest) === "" || trimStart(rest).startsWith("#")) {
        const next = this.#lines[this.#at] ?? giveUp();
        if (next.indent > indent) value = this.#block(next.indent);
        else if (next.indent === indent && isSeqLine(next.text)) value = this.#seq(indent);
        else value = giveUp();
      } else {
        const skipped = rest.length - trimStart(rest).length;
        value = inline(trimStart(rest), restStart + skipped);
        const next = this.#lines[this.#at];
        if (next && next.indent > indent) giveUp();
      }
      entries.push({ key: key.value, written: key.written, keyStart: line.start, value });
    }
    const next = this.#lines[this.#at];
    if (next && next.indent > indent) giveUp();
    return { kind: "map", start, entries };
  }

  #seq(indent: number): PlainNode {
    const items: PlainNode[] = [];
    const start = (this.#lines[this.#at] as Line).start;
    for (let line = this.#lines[this.#at]; line && line.indent === indent; line = this.#lines[this.#at]) {
      if (!isSeqLine(line.text) || line.text === "-") {
        if (isSeqLine(line.text)) giveUp();
        break;
      }
      const after = line.text.slice(1);
      const content = trimStart(after);
      const column = indent + 1 + (after.length - content.length);
      const contentStart = line.start + (line.text.length - content.length);
      if (isSeqLine(content) || content.startsWith("#")) giveUp();
      if (splitKey(content)) {
        // A mapping that starts on the item's line: its keys are at the column of its first.
        this.#lines[this.#at] = { indent: column, text: content, start: contentStart };
        items.push(this.#map(column));
      } else {
        this.#at++;
        items.push(inline(content, contentStart));
        const next = this.#lines[this.#at];
        if (next && next.indent > indent) giveUp();
      }
    }
    const next = this.#lines[this.#at];
    if (next && next.indent > indent) giveUp();
    return { kind: "seq", start, items };
  }

  #parsed(root: PlainNode): ParsedText {
    const starts = this.#lineStarts;
    // A map's entries by key as text (the first of a repeated key), indexed once: placing each of many entities must
    // not scan the whole map.
    const indexes = new WeakMap<PlainNode, Map<string, Entry>>();
    const entryOf = (map: PlainNode & { kind: "map" }, name: string) => {
      let index = indexes.get(map);
      if (index === undefined) {
        index = new Map();
        for (const e of map.entries) if (!index.has(String(e.key))) index.set(String(e.key), e);
        indexes.set(map, index);
      }
      return index.get(name);
    };
    const nodeAt = (path: TextPath): PlainNode | undefined => {
      let node: PlainNode | undefined = root;
      for (const step of path) {
        if (node?.kind === "map") node = entryOf(node, String(step))?.value;
        else if (node?.kind === "seq" && typeof step === "number") node = node.items[step];
        else return undefined;
      }
      return node;
    };
    return {
      errors: [],
      value: toJS(root),
      offsetOf(path, key) {
        if (!key || path.length === 0) return nodeAt(path)?.start;
        const parent = nodeAt(path.slice(0, -1));
        const last = String(path.at(-1));
        return parent?.kind === "map" ? entryOf(parent, last)?.keyStart : undefined;
      },
      repeatedKeys() {
        const repeated: number[] = [];
        const visit = (node: PlainNode) => {
          if (node.kind === "map") {
            const seen = new Set<unknown>();
            for (const e of node.entries) {
              if (seen.has(e.key)) repeated.push(e.keyStart);
              seen.add(e.key);
            }
            for (const e of node.entries) visit(e.value);
          } else if (node.kind === "seq") for (const item of node.items) visit(item);
        };
        visit(root);
        return repeated;
      },
      oddKeys(path) {
        const node = nodeAt(path);
        if (node?.kind !== "map") return [];
        return node.entries
          .filter((e) => typeof e.key !== "string")
          .map((e): OddKey => ({ written: e.written, value: e.key }));
      },
      position(offset) {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if ((starts[mid] as number) <= offset) low = mid;
          else high = mid - 1;
        }
        return { line: low + 1, column: offset - (starts[low] as number) + 1 };
      },
    };
  }
}

/**
 * Whether a character is YAML's white space: a space or a tab, and nothing else. JavaScript's `trim` and `\s` also
 * take no-break spaces, U+2028 and the like, which YAML reads as text (`Acme\u00a0` is a name of five characters).
 */
function isWhite(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/** A text without the white space (YAML's: spaces and tabs) it starts with. */
function trimStart(text: string): string {
  let i = 0;
  while (isWhite(text[i])) i++;
  return i === 0 ? text : text.slice(i);
}

/** A text without the white space (YAML's: spaces and tabs) it ends with. */
function trimEnd(text: string): string {
  let i = text.length;
  while (isWhite(text[i - 1])) i--;
  return i === text.length ? text : text.slice(0, i);
}

/** Whether a line's text is a sequence item (`- ...`, or a lone `-`). */
function isSeqLine(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

/** The key a line starts with (`key: ...`), its value as read and as written, and where the rest begins. */
function splitKey(text: string): { value: unknown; written: string; restAt: number } | undefined {
  let end: number;
  let value: unknown;
  if (text[0] === '"' || text[0] === "'") {
    const quoted = readQuoted(text, 0);
    value = quoted.value;
    end = quoted.end;
    const colon = end + (text.slice(end).length - trimStart(text.slice(end)).length);
    if (text[colon] !== ":" || (colon + 1 < text.length && text[colon + 1] !== " ")) return undefined;
    // Stored with `out[key] =`, `__proto__` would swap the object's prototype: the yaml package makes it a key.
    if (value === "__proto__") giveUp();
    return { value, written: text.slice(0, end), restAt: colon + 1 };
  }
  if (INDICATOR.test(text)) return undefined;
  const comment = text.search(/[ \t]#/);
  const colon = text.search(/:(?: |$)/);
  if (colon < 0 || (comment >= 0 && comment < colon)) return undefined;
  const written = trimEnd(text.slice(0, colon));
  if (written === "" || written === "__proto__") giveUp();
  value = plainValue(written);
  return { value, written, restAt: colon + 1 };
}

/** A value on the rest of a line (block context): a flow collection, a quoted or a plain scalar, then a comment. */
function inline(text: string, start: number): PlainNode {
  let node: PlainNode;
  let end: number;
  if (text[0] === "{" || text[0] === "[") {
    ({ node, end } = flow(text, 0, start));
  } else if (text[0] === '"' || text[0] === "'") {
    const quoted = readQuoted(text, 0);
    node = { kind: "scalar", start, value: quoted.value };
    end = quoted.end;
  } else {
    if (INDICATOR.test(text)) giveUp();
    const comment = text.search(/[ \t]#/);
    const written = trimEnd(comment < 0 ? text : text.slice(0, comment));
    // `a: b: c` and a trailing `:` are mappings where a value belongs: errors the yaml package names.
    if (/:(?: |$)/.test(written)) giveUp();
    return { kind: "scalar", start, value: plainValue(written) };
  }
  const rest = trimStart(text.slice(end));
  if (rest !== "" && !(rest.startsWith("#") && isWhite(text[end]))) giveUp();
  return node;
}

/**
 * How deep flow collections may nest in what this reader reads (a hierarchy file needs three); deeper ones are left
 * to the yaml package, which reports them, rather than read by recursion until the stack runs out.
 */
const MAX_FLOW_DEPTH = 32;

/** A one-line flow collection starting at `at` (`{` or `[`): the node and the index after its end. */
function flow(text: string, at: number, base: number, depth = 1): { node: PlainNode; end: number } {
  if (depth > MAX_FLOW_DEPTH) giveUp();
  const open = text[at];
  const close = open === "{" ? "}" : "]";
  const skip = (i: number) => {
    while (text[i] === " ") i++;
    return i;
  };
  let i = skip(at + 1);
  const entries: Entry[] = [];
  const items: PlainNode[] = [];
  if (text[i] !== close) {
    for (;;) {
      if (i >= text.length) giveUp();
      const first = flowValue(text, i, base, depth);
      let j = skip(first.end);
      if (open === "{") {
        const keyNode = first.node;
        if (text[j] !== ":" || keyNode.kind !== "scalar") return giveUp();
        const key = keyNode.value;
        if (key === "__proto__") giveUp();
        j = skip(j + 1);
        if (text[j] === "," || text[j] === close) giveUp();
        const value = flowValue(text, j, base, depth);
        entries.push({ key, written: trimEnd(text.slice(i, first.end)), keyStart: base + i, value: value.node });
        j = skip(value.end);
      } else {
        if (text[j] === ":") giveUp();
        items.push(first.node);
      }
      if (text[j] === close) {
        i = j;
        break;
      }
      if (text[j] !== ",") giveUp();
      i = skip(j + 1);
      if (text[i] === close) giveUp();
    }
  }
  const node: PlainNode =
    open === "{" ? { kind: "map", start: base + at, entries } : { kind: "seq", start: base + at, items };
  return { node, end: i + 1 };
}

/** A value inside a flow collection: a nested collection, a quoted scalar, or a plain one up to `,`, `:` or a bracket. */
function flowValue(text: string, at: number, base: number, depth: number): { node: PlainNode; end: number } {
  const c = text[at];
  if (c === "{" || c === "[") return flow(text, at, base, depth + 1);
  if (c === '"' || c === "'") {
    const quoted = readQuoted(text, at);
    return { node: { kind: "scalar", start: base + at, value: quoted.value }, end: quoted.end };
  }
  if (c === undefined || INDICATOR.test(text.slice(at))) giveUp();
  let end = at;
  while (end < text.length && !/[,[\]{}]/.test(text[end] as string)) {
    if (text[end] === ":" && /[ ,[\]{}]/.test(text[end + 1] ?? " ")) break;
    if (text[end] === "#" && text[end - 1] === " ") giveUp();
    end++;
  }
  const written = trimEnd(text.slice(at, end));
  if (written === "") giveUp();
  return { node: { kind: "scalar", start: base + at, value: plainValue(written) }, end: at + written.length };
}

/** A quoted scalar on one line: its text, and the index after its closing quote. */
function readQuoted(text: string, at: number): { value: string; end: number } {
  const quote = text[at];
  if (quote === "'") {
    let value = "";
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] !== "'") value += text[i];
      else if (text[i + 1] === "'") {
        value += "'";
        i++;
      } else return { value, end: i + 1 };
    }
    return giveUp();
  }
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === "\\") {
      // JSON's escapes mean the same in YAML; YAML's others (\x, \e, \N, a line break...) are the yaml package's.
      if (!/[\\"/bfnrt]|u[0-9a-fA-F]{4}/y.test(text.slice(i + 1, i + 6))) giveUp();
      i++;
    } else if (text[i] === '"') {
      return { value: JSON.parse(text.slice(at, i + 1)) as string, end: i + 1 };
    }
  }
  return giveUp();
}

/** A plain scalar as YAML 1.2's core schema reads it, as the yaml package does (its `core` tags, in its order). */
function plainValue(written: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(written)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(written)) return written[0] === "t" || written[0] === "T";
  if (/^0o[0-7]+$/.test(written)) return Number.parseInt(written.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(written)) return Number.parseInt(written, 10);
  if (/^0x[0-9a-fA-F]+$/.test(written)) return Number.parseInt(written.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(written)) {
    if (written.slice(-3).toLowerCase() === "nan") return Number.NaN;
    return written[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(written)) return Number.parseFloat(written);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(written)) return Number.parseFloat(written);
  return written;
}

/** A node as plain data: mappings as objects (a repeated key's last value), sequences as arrays. */
function toJS(node: PlainNode): unknown {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(toJS);
  const out: Record<string, unknown> = {};
  // As the yaml package makes a key text: a null key is "".
  for (const e of node.entries) out[e.key === null ? "" : String(e.key)] = toJS(e.value);
  return out;
}
