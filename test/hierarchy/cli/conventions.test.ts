import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliHarness, EXAMPLE } from "./harness.js";

const { cli, inProcess, dir, writes, standIn } = cliHarness();
const own = JSON.parse(await readFile(new URL("../../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** The JSON lines of a `--json` output. */
const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("zuora-entities follows Terraform's conventions", () => {
  it("answers --version (and version, -version, -v) with the package's version", async () => {
    const { code, stdout } = await cli(["--version"]);
    expect(stdout.trim()).toBe(`zuora-entities ${own.version}`);
    expect(code).toBe(0);
    for (const spelling of ["version", "-version", "-v"]) {
      expect((await inProcess([spelling])).stdout).toBe(`zuora-entities ${own.version}`);
    }
  });

  it("answers version --json with one line, the version line, as terraform version -json does", async () => {
    const { code, stdout } = await cli(["version", "--json"]);
    expect(lines(stdout)).toEqual([
      expect.objectContaining({
        type: "version",
        "zuora-entities": own.version,
        "@message": `zuora-entities ${own.version}`,
      }),
    ]);
    expect(code).toBe(0);
  });

  it("takes Terraform's single-dash spellings: -auto-approve, -parallelism=N, -detailed-exitcode", async () => {
    const applied = await cli(["apply", EXAMPLE, "-auto-approve", "-parallelism=2"]);
    expect(applied.stderr).not.toMatch(/Unknown option|Unexpected argument/);
    expect(applied.stdout).toContain("Apply complete: 7 steps done");
    expect(applied.code).toBe(0);
    expect((await inProcess(["plan", EXAMPLE, "-detailed-exitcode"])).code).toBe(0);
  });

  it("answers an unknown option with the options there are, in their double-dash spelling, and exit 1", async () => {
    const { code, stderr } = await cli(["plan", EXAMPLE, "-var", "x=1"]);
    expect(stderr).toContain("Error: unknown option -var (the options here are --out, --json, --detailed-exitcode,");
    expect(stderr).toContain("Run zuora-entities plan --help for usage.");
    expect(code).toBe(1);
  });

  it("with --json, a bad file's problems are JSON lines on stdout, each with its place", async () => {
    const path = join(dir(), "bad.yaml");
    await writeFile(path, (await readFile(EXAMPLE, "utf8")).replace("en_GB", "english").replace("de_DE", "german"));
    const { code, stdout } = await cli(["plan", path, "--json"]);
    const said = lines(stdout);
    expect(said.map((l) => l.type)).toEqual(["version", "diagnostic", "diagnostic"]);
    expect(said[1]).toMatchObject({
      "@level": "error",
      diagnostic: {
        severity: "error",
        summary: "entity Acme-EU: `locale` must be a locale ll_CC, e.g. en_GB",
        range: { filename: path, start: { line: 12, column: 13 } },
      },
    });
    expect(code).toBe(1);
  });

  it("with --json, a usage error is a JSON line too", async () => {
    const { code, stdout } = await inProcess(["plan", "--json"]);
    expect(lines(stdout)[1]).toMatchObject({ type: "diagnostic", diagnostic: { summary: "plan needs FILE" } });
    expect(code).toBe(1);
  });

  it("shows a saved plan with show PLAN, and as JSON lines with show --json PLAN", async () => {
    const saved = join(dir(), "plan.json");
    expect((await inProcess(["plan", EXAMPLE, "--out", saved])).code).toBe(0);
    const shown = await cli(["show", saved]);
    expect(shown.stdout).toContain("+ entity.Acme-EU  create, provision (irreversible)");
    expect(shown.stdout).toContain("Plan: 3 to create, 2 to provision (irreversible), 1 to connect.");
    expect(shown.code).toBe(0);
    const json = await inProcess(["show", "--json", saved]);
    expect(lines(json.stdout).at(-1)).toMatchObject({ type: "change_summary", differs: true });
    expect(writes()).toEqual([]);
  });

  it("refuses a saved plan on another tenant, naming the tenant it was made for, and sends nothing", async () => {
    const saved = join(dir(), "plan.json");
    expect((await inProcess(["plan", EXAMPLE, "--out", saved])).code).toBe(0);
    const plan = JSON.parse(await readFile(saved, "utf8")) as { tenantUrl: string };
    expect(plan.tenantUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await writeFile(saved, JSON.stringify({ ...plan, tenantUrl: "https://rest.eu.zuora.com" }));
    const before = standIn.requests().length;
    const { code, stderr } = await inProcess(["apply", saved]);
    expect(stderr).toContain(`was made for the tenant at https://rest.eu.zuora.com, not ${plan.tenantUrl}`);
    expect(stderr).not.toContain("Reading the tenant");
    expect(code).toBe(1);
    expect(standIn.requests()).toHaveLength(before);
  });

  it("names a file it cannot read in words, not an error code", async () => {
    const { code, stderr } = await cli(["plan", join(dir(), "missing.yaml")]);
    expect(stderr).toContain(`Error: cannot read ${join(dir(), "missing.yaml")}: no such file`);
    expect(stderr).not.toContain("ENOENT");
    expect(code).toBe(1);
  });

  it("counts in words: 1 step, 1 change, never 1 steps or 1 change(s)", async () => {
    standIn.seed({
      entities: [{ name: "Acme-EU", locale: "en_GB", timezone: "Europe/London", status: "Provisioned" }],
    });
    const path = join(dir(), "one.yaml");
    await writeFile(
      path,
      "version: 1\nentities:\n  Global: { locale: en_US, timezone: America/Los_Angeles }\n  Acme-EU: { parent: Global, locale: en_GB, timezone: Europe/Paris, provisioned: true }\n",
    );
    const refused = await inProcess(["plan", path]);
    expect(refused.stdout).toContain("Refused: 1 change cannot be made; nothing will be sent.");
    await writeFile(
      path,
      (await readFile(path, "utf8"))
        .replace("Europe/Paris", "Europe/London")
        .concat("  New: { parent: Global, locale: en_US, timezone: UTC }\n"),
    );
    const applied = await inProcess(["apply", path, "--auto-approve"]);
    expect(applied.stdout).toContain("Apply complete: 1 step done (1 request in");
    expect(`${refused.stdout}${applied.stdout}${applied.stderr}`).not.toMatch(/\b1 steps|\(s\)/);
  });
});
