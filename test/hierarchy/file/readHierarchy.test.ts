import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HierarchyFileError, parseHierarchy, readHierarchy } from "../../../hierarchy/index.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const run = promisify(execFile);
const schema = JSON.parse(await readFile(new URL("../../../hierarchy/hierarchy.schema.json", import.meta.url), "utf8"));
const validate = new Ajv({ strict: false }).compile(schema);

const VALID = `version: 1
entities:
  Acme:
    displayName: Acme Corporation
    locale: en_US
    timezone: America/Los_Angeles
  Acme-EU:
    parent: Acme
    locale: en_GB
    timezone: Europe/London
    provisioned: true
connections:
  - { from: Acme, to: Acme-EU, status: Pending }
`;

const WITH_USERS = `users:
  jane.doe@acme.com: { home: Acme, access: [Acme-EU] }
  ops: { access: [Acme, Acme-EU] }
shares:
  "8a80825": [Acme-EU]
`;

/** The error a text gives, as `file:line:column: problem`. */
function problem(text: string): string {
  try {
    parseHierarchy(text, "h.yaml");
  } catch (error) {
    if (error instanceof HierarchyFileError) return error.message;
    throw error;
  }
  return "no error";
}

describe("parseHierarchy", () => {
  it("reads YAML, with defaults filled in and each entity's place in the file", () => {
    const read = parseHierarchy(VALID, "h.yaml");
    expect(read.entities.map((e) => [e.name, e.parent, e.displayName, e.provisioned, e.at])).toEqual([
      ["Acme", undefined, "Acme Corporation", undefined, { line: 3, column: 3 }],
      ["Acme-EU", "Acme", "Acme-EU", true, { line: 7, column: 3 }],
    ]);
    expect(read.connections).toEqual([{ from: "Acme", to: "Acme-EU", status: "Pending", at: { line: 13, column: 5 } }]);
  });

  it("reads JSON to the same hierarchy", () => {
    const fromJson = parseHierarchy(JSON.stringify(parse(VALID)), "h.json");
    const strip = (h: ReturnType<typeof parseHierarchy>) => ({
      entities: h.entities.map(({ at: _at, ...e }) => e),
      connections: h.connections.map(({ at: _at, ...c }) => c),
    });
    expect(strip(fromJson)).toEqual(strip(parseHierarchy(VALID)));
  });

  it("takes every time zone the tenant takes, aliases such as GMT and UTC included, so an export reads back", () => {
    for (const zone of ["GMT", "UTC", "Asia/Harbin", "America/Argentina/Buenos_Aires"]) {
      expect(() => parseHierarchy(VALID.replace("Europe/London", zone)), zone).not.toThrow();
    }
  });

  it("names the line, the column and the rule of each problem", () => {
    expect(problem(VALID.replace("en_GB", "english"))).toBe(
      "h.yaml:9:13: entity Acme-EU: `locale` must be a locale ll_CC, e.g. en_GB",
    );
    expect(problem(VALID.replace("Europe/London", "London time"))).toBe(
      "h.yaml:10:15: entity Acme-EU: `timezone` must be an IANA time zone name, e.g. Europe/London",
    );
    expect(problem(VALID.replace("Europe/London", "Mars/Phobos"))).toBe(
      "h.yaml:10:15: entity Acme-EU: `timezone` must be an IANA time zone name, e.g. Europe/London",
    );
    expect(problem(VALID.replace("provisioned: true", "provisioned: yes"))).toBe(
      "h.yaml:11:18: entity Acme-EU: `provisioned` must be true or false",
    );
    expect(problem(VALID.replace("status: Pending", "status: Denied"))).toBe(
      "h.yaml:13:40: connection: `status` must be Pending, Connected or Disconnected",
    );
    expect(problem(VALID.replace(", status: Pending", ""))).toBe(
      "h.yaml:13:5: connection: `status` is required: Pending, Connected or Disconnected",
    );
    expect(problem(VALID.replace("    parent: Acme\n", "    parent: Acme\n    color: blue\n"))).toBe(
      "h.yaml:9:5: entity Acme-EU: unknown key `color`",
    );
    expect(problem(VALID.replace("  Acme-EU:", "  Acme_EU:"))).toMatch(/^h.yaml:7:3: entity name "Acme_EU": /);
    expect(problem(VALID.replace("version: 1", "version: 2"))).toBe("h.yaml:1:10: `version` must be 1");
    expect(problem(VALID.replace("    locale: en_GB\n", ""))).toBe("h.yaml:7:3: entity Acme-EU: `locale` is required");
  });

  it("refuses YAML that does not parse, and a name given twice, with the place", () => {
    expect(problem("version: 1\nentities: [\n")).toMatch(/^h.yaml:\d+:\d+: /);
    expect(problem(`${VALID}\n`.replace("  Acme-EU:", "  Acme:"))).toMatch(/^h.yaml:7:3: Map keys must be unique/);
    expect(problem(VALID.replace("    locale: en_GB\n", "    locale: en_GB\n    locale: de_DE\n"))).toBe(
      "h.yaml:10:5: Map keys must be unique",
    );
    expect(problem(JSON.stringify({ version: 1, entities: {} }).replace("{}", '{"A": {}, "A": {}}'))).toContain(
      "h.yaml:1:35: Map keys must be unique",
    );
  });

  it("refuses a file nested deeper than a stack goes, or whose aliases expand without end, as a problem of the file", () => {
    const deep = (depth: number) => `version: 1\nentities: ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
    for (const depth of [10_000, 100_000]) expect(problem(deep(depth))).toMatch(/^h\.yaml:\d+:\d+: /);
    // A billion laughs: each level names the one before nine times.
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const name of "bcdefg") {
      const before = String.fromCharCode(name.charCodeAt(0) - 1);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${before}`).join(", ")}]`);
    }
    expect(problem(`version: 1\n${levels.join("\n")}\nentities: {}\n`)).toMatch(/^h\.yaml:1:1: .*alias/i);
  });

  it("refuses a name given twice through an alias, as any name given twice", () => {
    const twice =
      "version: 1\nentities:\n  &g Global: { locale: en_US, timezone: UTC }\n  *g : { locale: en_GB, timezone: UTC }\n";
    expect(problem(twice)).toBe("h.yaml:4:3: Map keys must be unique");
  });

  it("reports every problem of a file at once, in the order of the file, each with its place", () => {
    const broken = VALID.replace("en_GB", "english")
      .replace("status: Pending", "status: Denied")
      .replace("version: 1", "version: 2")
      .replace("    parent: Acme\n", "    parent: Acme\n    color: blue\n");
    let caught: unknown;
    try {
      parseHierarchy(broken, "h.yaml");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HierarchyFileError);
    const error = caught as HierarchyFileError;
    expect(error.message.split("\n")).toEqual([
      "h.yaml:1:10: `version` must be 1",
      "h.yaml:9:5: entity Acme-EU: unknown key `color`",
      "h.yaml:10:13: entity Acme-EU: `locale` must be a locale ll_CC, e.g. en_GB",
      "h.yaml:14:40: connection: `status` must be Pending, Connected or Disconnected",
    ]);
    expect(error.problems).toHaveLength(4);
    expect(error.at).toEqual({ line: 1, column: 10 });
  });

  it("refuses an entity name YAML reads as another value (2024.10 is the number 2024.1), asking for quotes", () => {
    expect(problem(VALID.replace("  Acme-EU:", "  2024.10:"))).toBe(
      'h.yaml:7:3: entity name 2024.10 is read by YAML as the number 2024.1: quote it ("2024.10")',
    );
    expect(problem(VALID.replace("  Acme-EU:", "  007:"))).toBe(
      'h.yaml:7:3: entity name 007 is read by YAML as the number 7: quote it ("007")',
    );
    const quoted = parseHierarchy(VALID.replace("  Acme-EU:", '  "2024.10":').replace("to: Acme-EU", 'to: "2024.10"'));
    expect(quoted.entities.map((e) => e.name)).toEqual(["Acme", "2024.10"]);
  });

  it("counts a display name's length in characters, as the spec and the schema do: 200 emoji fit in 255", () => {
    const rockets = "🚀".repeat(200);
    const read = parseHierarchy(VALID.replace("Acme Corporation", rockets));
    expect(read.entities[0]?.displayName).toBe(rockets);
    expect(problem(VALID.replace("Acme Corporation", "é".repeat(256)))).toBe(
      "h.yaml:4:18: entity Acme: `displayName` must be a string of 1 to 255 characters",
    );
  });

  it("reads users' access and product shares, each with its place", () => {
    const read = parseHierarchy(`${VALID}${WITH_USERS}`, "h.yaml");
    expect(read.users).toEqual([
      { username: "jane.doe@acme.com", home: "Acme", access: ["Acme-EU"], at: { line: 15, column: 3 } },
      { username: "ops", home: undefined, access: ["Acme", "Acme-EU"], at: { line: 16, column: 3 } },
    ]);
    expect(read.shares).toEqual([{ product: "8a80825", entities: ["Acme-EU"], at: { line: 18, column: 3 } }]);
  });

  it("names each problem of the users and shares", () => {
    const text = `${VALID}${WITH_USERS}`
      .replace("access: [Acme-EU] }", "access: [Acme-EU, Acme-EU], color: blue }")
      .replace('"8a80825": [Acme-EU]', '"8a80825": []\n  ..: [Acme]')
      .replace("  ops: { access: [Acme, Acme-EU] }", "  ops: {}");
    expect(problem(text).split("\n")).toEqual([
      "h.yaml:15:54: user jane.doe@acme.com: `access`: Acme-EU is listed twice",
      "h.yaml:15:64: user jane.doe@acme.com: unknown key `color`",
      "h.yaml:16:3: user ops: give its `home` or the entities in `access` (a user can always access its home)",
      "h.yaml:18:14: shares of 8a80825: name at least one entity",
      'h.yaml:19:3: product ID "..": must be a value other than . and ..',
    ]);
  });

  it("reads a key named __proto__ as any other key, whichever reader reads the file", () => {
    const texts = [
      '"__proto__":\n  version: 1\n  entities:\n    Global: { locale: en_US, timezone: UTC }\n',
      'version: 1\nentities:\n  "__proto__": { locale: en_US, timezone: UTC }\n',
      "version: 1\nentities:\n  Global: { locale: en_US, timezone: UTC }\nusers:\n  '__proto__': { access: [Global] }\n",
    ];
    // The hierarchy read, or the problems found.
    const outcome = (text: string) => (problem(text) === "no error" ? parseHierarchy(text, "h.yaml") : problem(text));
    for (const text of texts) {
      // A document end marker leaves the text to the yaml package, at the same lines.
      const byYaml = outcome(`${text}...\n`);
      expect(JSON.stringify(byYaml), text).toMatch(/__proto__/);
      expect(outcome(text), text).toEqual(byYaml);
    }
  });

  it("reads a file from disk: the example plans as the README shows", async () => {
    const example = await readHierarchy("examples/hierarchy.yaml");
    expect(example.source).toBe("examples/hierarchy.yaml");
    expect(example.entities.map((e) => e.name)).toEqual(["Global", "Acme-EU", "Acme-DE", "Acme-US"]);
  });
});

describe("loading the yaml package", () => {
  it("is left to the files the fast reader leaves to it: a plain file never loads it", async () => {
    // A process of its own: this one may have loaded the package already (for another file, or this test's `parse`).
    const script = `
      import { createRequire } from "node:module";
      import { parseHierarchy } from "./hierarchy/file/readHierarchy.ts";
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((p) => /[\\/]node_modules[\\/]yaml[\\/]/.test(p));
      parseHierarchy(${JSON.stringify(VALID)});
      const afterPlain = loaded();
      parseHierarchy(${JSON.stringify(JSON.stringify(parse(VALID), null, 2))});
      console.log(JSON.stringify({ afterPlain, afterPrettyJson: loaded() }));
    `;
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: ROOT,
    });
    expect(JSON.parse(stdout)).toEqual({ afterPlain: false, afterPrettyJson: true });
  });
});

describe("hierarchy.schema.json agrees with the reader", () => {
  const cases: [string, string][] = [
    ["the valid file", VALID],
    ["a bad locale", VALID.replace("en_GB", "english")],
    ["a bad time zone", VALID.replace("Europe/London", "London time")],
    ["a time zone longer than any IANA name", VALID.replace("Europe/London", `Europe/${"A".repeat(60)}`)],
    ["an unknown key", VALID.replace("    parent: Acme\n", "    parent: Acme\n    color: blue\n")],
    ["a bad status", VALID.replace("status: Pending", "status: Denied")],
    ["a bad name", VALID.replace("  Acme-EU:", "  Acme_EU:")],
    ["no locale", VALID.replace("    locale: en_GB\n", "")],
    ["version 2", VALID.replace("version: 1", "version: 2")],
    ["provisioned: a string", VALID.replace("provisioned: true", 'provisioned: "true"')],
    ["users and shares", `${VALID}${WITH_USERS}`],
    ["a user with an unknown key", `${VALID}${WITH_USERS}`.replace("{ home: Acme,", "{ color: blue, home: Acme,")],
    ["a user with neither home nor access", `${VALID}${WITH_USERS}`.replace("{ access: [Acme, Acme-EU] }", "{}")],
    ["an entity shared with twice", `${VALID}${WITH_USERS}`.replace("[Acme-EU]\n", "[Acme-EU, Acme-EU]\n")],
    ["a share with no entity", `${VALID}${WITH_USERS}`.replace('"8a80825": [Acme-EU]', '"8a80825": []')],
    ["unread notes", `unread: [shares were not read]\n${VALID}`],
  ];
  it.each(cases)("%s", async (_name, text) => {
    const readerAccepts = problem(text) === "no error";
    expect(validate(parse(text))).toBe(readerAccepts);
  });

  it("accepts the example", async () => {
    expect(validate(parse(await readFile("examples/hierarchy.yaml", "utf8")))).toBe(true);
  });
});
