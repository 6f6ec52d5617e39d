import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWithYaml } from "../../../hierarchy/file/parsedText.js";
import { readPlainYaml } from "../../../hierarchy/file/plainYaml.js";
import { readParsed } from "../../../hierarchy/file/readHierarchy.js";

/** Scalars a hierarchy file holds, and those YAML reads as something else than text. */
const WORDS = [
  "Global",
  "Acme-EU",
  "Acme EU",
  "en_US",
  "Europe/London",
  "Etc/GMT+5",
  "2024.10",
  "007",
  "true",
  "False",
  "null",
  "~",
  "yes",
  "1e3",
  ".5",
  "0x1F",
  "0o17",
  "+5",
  "-3",
  ".inf",
  "a#b",
  "x:y",
  "it's",
  "Connected",
  "jane.doe@acme.com",
  // Spaces JavaScript trims and YAML reads as text.
  "Acme\u00a0",
  "\u3000Acme",
  "Acme\u2028EU",
  "EU\u2029",
  "\u202f",
];

type Quote = "plain" | "single" | "double";
const quoted = (word: string, quote: Quote) =>
  quote === "single" ? `'${word.replaceAll("'", "''")}'` : quote === "double" ? JSON.stringify(word) : word;
const scalar = fc
  .tuple(fc.constantFrom(...WORDS), fc.constantFrom<Quote>("plain", "plain", "single", "double"))
  .map(([w, q]) => quoted(w, q));
const comment = fc.constantFrom("", "", "", " # a note");

/** A small mapping of scalars, written in block style (one key a line) or as a flow mapping on one line. */
const fields = fc.array(fc.tuple(scalar, scalar), { minLength: 1, maxLength: 4 });
const list = fc.array(scalar, { minLength: 1, maxLength: 3 });

/** One hierarchy-like file in random plain-YAML styles (indents, flow or block, comments, quotes, blank lines). */
const texts = fc
  .record({
    indent: fc.constantFrom(2, 4),
    entities: fc.array(fc.tuple(scalar, fields, fc.boolean(), comment), { maxLength: 5 }),
    connections: fc.array(fc.tuple(fields, fc.boolean(), comment), { maxLength: 3 }),
    sameIndentSeq: fc.boolean(),
    users: fc.array(fc.tuple(scalar, list, fc.boolean()), { maxLength: 2 }),
    blank: fc.boolean(),
  })
  .map((d) => {
    const pad = " ".repeat(d.indent);
    const lines = ["# a hierarchy", "version: 1", "entities:"];
    for (const [name, body, flow, note] of d.entities) {
      if (flow) lines.push(`${pad}${name}: { ${body.map(([k, v]) => `${k}: ${v}`).join(", ")} }${note}`);
      else {
        lines.push(`${pad}${name}:${note}`);
        for (const [k, v] of body) lines.push(`${pad}${pad}${k}: ${v}`);
      }
      if (d.blank) lines.push("");
    }
    if (d.entities.length === 0) lines.push(`${pad}Global: { locale: en_US }`);
    lines.push("connections:");
    const item = d.sameIndentSeq ? "" : pad;
    for (const [body, flow, note] of d.connections) {
      if (flow) lines.push(`${item}- { ${body.map(([k, v]) => `${k}: ${v}`).join(", ")} }${note}`);
      else {
        const [[k0, v0] = ["from", "A"], ...more] = body;
        lines.push(`${item}- ${k0}: ${v0}${note}`);
        for (const [k, v] of more) lines.push(`${item}  ${k}: ${v}`);
      }
    }
    if (d.connections.length === 0) lines.push(`${item}- { from: A, to: B, status: Pending }`);
    if (d.users.length > 0) {
      lines.push("users:");
      for (const [name, access, flow] of d.users) {
        lines.push(`${pad}${name}:`);
        if (flow) lines.push(`${pad}${pad}access: [${access.join(", ")}]`);
        else {
          lines.push(`${pad}${pad}access:`);
          for (const a of access) lines.push(`${pad}${pad}${pad}- ${a}`);
        }
      }
    }
    return `${lines.join("\n")}\n`;
  });

describe("the plain-YAML reader reads as the yaml package does", () => {
  it("gives the same hierarchy and the same problems, at the same places, for every text it reads", () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(texts, (text) => {
        runs++;
        const plain = readPlainYaml(text);
        if (plain === undefined) return;
        read++;
        const full = parseWithYaml(text);
        expect(plain.value).toEqual(full.value);
        expect(readParsed(plain, "h.yaml")).toEqual(readParsed(full, "h.yaml"));
      }),
      { numRuns: 500 },
    );
    // The texts are plain YAML: the reader must read most of them, or this compares nothing.
    expect(read / runs).toBeGreaterThan(0.6);
  });

  it("reads only spaces and tabs as white space: other Unicode spaces are text, as the yaml package reads them", () => {
    // Spaces JavaScript's trim and \\s take and YAML does not, in every place white space matters: indentation, after a
    // key or a colon, before a comment, at the end of a line, inside a flow collection.
    const SPACES = ["\u00a0", "\u2028", "\u2029", "\u3000", "\u1680", "\u2007", "\u202f", "\u205f", "\u0085"];
    const gap = fc.constantFrom(" ", " ", "", ...SPACES);
    const word = fc.tuple(gap, fc.constantFrom("a", "b", "Acme", "1", "x y"), gap).map((p) => p.join(""));
    const line = fc
      .record({
        indent: fc.constantFrom("", "", "  ", "  "),
        lead: fc.constantFrom("", "", ...SPACES),
        key: word,
        value: fc.oneof(
          word,
          word.map((w) => `[${w}, ${w}]`),
          word.map((w) => `{ k: ${w} }`),
          fc.constant(""),
        ),
        tail: fc.constantFrom("", "", " # note", ...SPACES.map((sp) => `${sp}# note`), ...SPACES),
      })
      .map((l) => `${l.indent}${l.lead}${l.key}: ${l.value}${l.tail}`);
    const text = fc.array(line, { minLength: 1, maxLength: 5 }).map((lines) => `${lines.join("\n")}\n`);
    /** Every path into a value, to compare where each part of it is. */
    const paths = (value: unknown, path: (string | number)[] = []): (string | number)[][] => [
      path,
      ...(value !== null && typeof value === "object"
        ? Object.entries(value).flatMap(([k, v]) => paths(v, [...path, Array.isArray(value) ? Number(k) : k]))
        : []),
    ];
    let read = 0;
    fc.assert(
      fc.property(text, (text) => {
        const plain = readPlainYaml(text);
        if (plain === undefined) return;
        read++;
        const full = parseWithYaml(text);
        const shown = JSON.stringify(text).replace(
          /[^\x20-\x7e]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
        );
        expect(full.errors, shown).toEqual([]);
        expect(plain.value, shown).toEqual(full.value);
        expect(plain.repeatedKeys(), shown).toEqual(full.repeatedKeys());
        for (const path of paths(plain.value)) {
          expect(plain.offsetOf(path, false), shown).toBe(full.offsetOf(path, false));
          if (typeof path.at(-1) === "string")
            expect(plain.offsetOf(path, true), shown).toBe(full.offsetOf(path, true));
        }
      }),
      { numRuns: 1000 },
    );
    expect(read).toBeGreaterThan(100);
    // As the yaml package reads them: a no-break space ends no name, and indents nothing.
    expect(readPlainYaml("name: Acme\u00a0\n")?.value ?? parseWithYaml("name: Acme\u00a0\n").value).toEqual({
      name: "Acme\u00a0",
    });
    const nested = "a:\n\u00a0 b: c\n";
    expect(readPlainYaml(nested)?.value ?? parseWithYaml(nested).errors).not.toEqual({ a: { b: "c" } });
  });

  it("gives up on what it does not read: anchors, block scalars, multi-line flow, tabs, empty values", () => {
    for (const text of [
      "a: &x 1\nb: *x\n",
      "a: |\n  text\n",
      '{\n  "version": 1\n}\n',
      "a:\n\tb: 1\n",
      "a:\nb: 1\n",
      "a: b: c\n",
      "--- \na: 1\n",
      "a: 'open\n",
    ]) {
      expect(readPlainYaml(text), text).toBeUndefined();
    }
  });
});
