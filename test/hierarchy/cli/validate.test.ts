import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliHarness, EXAMPLE } from "./harness.js";

const { cli, dir, standIn } = cliHarness();

const place = "    locale: en_US\n    timezone: America/Los_Angeles\n";

/** Whether a text holds a control character other than a line break or a tab (an escape, a bell...). */
const hasControls = (text: string) =>
  [...text].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && c !== "\n" && c !== "\t") || (code >= 0x7f && code <= 0x9f);
  });

/** Writes a file into the test's folder and returns its path. */
async function written(name: string, text: string): Promise<string> {
  const path = join(dir(), name);
  await writeFile(path, text);
  return path;
}

describe("zuora-entities validate, and show FILE: a broken file is never shown as if it were whole", () => {
  it("validate reports every problem of a file at once, each with its line, and exits 1; no tenant needed", async () => {
    const path = await written(
      "broken.yaml",
      [
        "version: 1",
        "entities:",
        "  Global:",
        place,
        "  EU:",
        "    parent: Global",
        "    locale: english",
        "    timezone: Europe/London",
        "  A:",
        "    parent: B",
        place,
        "  B:",
        "    parent: A",
        place,
        "  Lost:",
        "    parent: Nowhere",
        place,
        "connections:",
        "  - { from: EU, to: Mars, status: Connected }",
        "",
      ].join("\n"),
    );
    const { code, stdout } = await cli(["validate", path], { ZUORA_BASE_URL: "", ZUORA_ACCESS_TOKEN: "" });
    expect(stdout.split("\n").filter((line) => line.startsWith(path))).toEqual([
      `${path}:9:13: entity EU: \`locale\` must be a locale ll_CC, e.g. en_GB`,
      `${path}:11:3: entity.A: a cycle of parents: A → B → A`,
      `${path}:21:3: entity.Lost: its parent Nowhere is not in the file`,
      `${path}:27:5: connection.EU->Mars: Mars is not an entity of the file`,
      `${path}: 4 problems.`,
    ]);
    expect(code).toBe(1);
    expect(standIn.requests()).toEqual([]);
  });

  it("validate says a sound file is valid, exit 0", async () => {
    const { code, stdout } = await cli(["validate", EXAMPLE]);
    expect(stdout).toContain(`${EXAMPLE}: valid.`);
    expect(code).toBe(0);
  });

  it("validate writes a file's control characters as escapes, colour codes included", async () => {
    const names = [
      '  "A\\u001b[31m": { parent: Global, locale: en_GB, timezone: Europe/London, displayName: "x\\u001b[8m" }',
      '  "B\\u0007": { parent: Nowhere, locale: en_GB, timezone: Europe/London }',
    ];
    const path = await written("controls.yaml", `version: 1\nentities:\n  Global:\n${place}${names.join("\n")}\n`);
    const { stdout, stderr } = await cli(["validate", path]);
    expect(hasControls(stdout + stderr)).toBe(false);
    expect(stdout + stderr).toContain(String.raw`A\u001b[31m`);
  });

  it("show FILE refuses a file with a cycle, naming it, instead of printing part of the tree with exit 0", async () => {
    const lines = ["version: 1", "entities:", "  Global:", place];
    for (let i = 0; i < 12; i++) lines.push(`  C${i}:`, `    parent: C${(i + 1) % 12}`, place);
    lines.push("  Kept:", "    parent: Global", place);
    const { code, stdout, stderr } = await cli(["show", await written("cycle.yaml", lines.join("\n"))]);
    expect(stderr).toContain("entity.C0: a cycle of parents: C0 → C1 →");
    expect(stdout).toBe("");
    expect(code).toBe(1);
  });

  it("show FILE refuses an entity whose parent is not in the file, instead of leaving it out", async () => {
    const path = await written(
      "orphan.yaml",
      ["version: 1", "entities:", "  Global:", place, "  Orphan:", "    parent: Nowhere", place].join("\n"),
    );
    const { code, stderr } = await cli(["show", path]);
    expect(stderr).toContain("entity.Orphan: its parent Nowhere is not in the file");
    expect(code).toBe(1);
  });
});
