import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../../hierarchy/cli/commands/table.js";
import { type Io, wantsColor } from "../../../hierarchy/cli/io.js";
import { main } from "../../../hierarchy/cli/main.js";
import { BIN, captureIo, cliHarness, EXAMPLE, ROOT } from "./harness.js";

const { standIn, cli, inProcess, writes, server, dir } = cliHarness();

/** The JSON lines of a `--json` output. */
const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

// The process's own behaviour (arguments, exit code, streams) is pinned by child processes; the rest runs the same
// `main` in this process, which spares a second of start-up per case.
describe("zuora-entities against the stand-in's listen()", () => {
  it("plans the example against a fresh stand-in: one line per change, the summary, exit 2 for changes, only reads", async () => {
    const { code, stdout, stderr } = await cli(["plan", EXAMPLE, "--detailed-exitcode"]);
    expect(code).toBe(2);
    expect(stdout).toContain("+ entity.Acme-EU  create, provision (irreversible)");
    expect(stdout).toContain("+ connection.Acme-EU->Acme-DE  initiate, accept");
    expect(stdout).toContain("Plan: 3 to create, 2 to provision (irreversible), 1 to connect.");
    expect(stderr).toContain("Rehearsal passed");
    expect(standIn.requests().length).toBeGreaterThan(0);
    expect(writes()).toEqual([]);
  });

  it("keeps stdout to the result with ZUORA_LOG=debug: the client's log lines go to stderr, and --json parses", async () => {
    const { code, stdout, stderr } = await cli(["plan", EXAMPLE, "--json"], { ZUORA_LOG: "debug" });
    expect(code).toBe(0);
    expect(lines(stdout).map((l) => l.type)).toContain("change_summary");
    expect(stderr).toMatch(/zuora-multi-entity: GET .*\/v1\/entities attempt 1: HTTP 200/);
  });

  it("ends quietly, exit 0, when the reader of its output closes the pipe (| head -1)", async () => {
    // More output than a pipe holds, so the command is still writing when the reader goes away.
    const place = ["    locale: en_US", "    timezone: America/Los_Angeles"];
    const lines = ["version: 1", "entities:", "  Global:", "    displayName: Global", ...place];
    for (let i = 0; i < 3000; i++) lines.push(`  E${i}:`, "    parent: Global", "    displayName: E", ...place);
    const file = join(dir(), "wide.yaml");
    await writeFile(file, `${lines.join("\n")}\n`);
    const child = spawn(process.execPath, ["--import", "tsx", BIN, "show", file], { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("streams the plan as JSON lines with --json, as terraform plan -json does: version first, then each change", async () => {
    const { code, stdout } = await inProcess(["plan", EXAMPLE, "--json"]);
    expect(code).toBe(0);
    const said = lines(stdout);
    expect(said[0]).toMatchObject({ type: "version", "@level": "info", ui: "1.0" });
    expect(said.map((l) => l.type)).toEqual([
      "version",
      "planned_change",
      "planned_change",
      "planned_change",
      "planned_change",
      "change_summary",
    ]);
    expect(said[1]?.change).toMatchObject({
      address: "entity.Acme-EU",
      actions: ["create", "provision"],
      irreversible: true,
      before: null,
      after: { parent: "Global", displayName: "Acme Europe", locale: "en_GB", provisioned: true },
    });
    expect(said.at(-1)).toMatchObject({
      "@message": "Plan: 3 to create, 2 to provision (irreversible), 1 to connect.",
      changes: { create: 3, provision: 2, connect: 1 },
      differs: true,
    });
  });

  it("refuses to apply without a terminal unless --auto-approve, and sends nothing", async () => {
    const { code, stderr } = await inProcess(["apply", EXAMPLE]);
    expect(code).toBe(1);
    expect(stderr).toContain("not a terminal");
    expect(writes()).toEqual([]);
  });

  it("applies with one line per step, then exports a file that plans to no change; a second apply has nothing to do", async () => {
    const applied = await cli(["apply", EXAMPLE, "--auto-approve", "--parallelism", "2"]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^\[1\/7\] create entity\.Acme-(EU|US) \.\.\. done \(\d+ ms\)$/m);
    expect(applied.stdout).toMatch(/^\[7\/7\] accept connection\.Acme-EU->Acme-DE \.\.\. done \(\d+ ms\)$/m);
    expect(applied.stdout).toContain("Apply complete: 7 steps done (7 requests in");

    const exported = join(dir(), "exported.yaml");
    expect((await cli(["export", "-o", exported])).code).toBe(0);
    expect(await readFile(exported, "utf8")).toContain("Acme-DE:\n    parent: Acme-EU");
    expect((await cli(["plan", exported, "--detailed-exitcode"])).code).toBe(0);
    const again = await inProcess(["apply", EXAMPLE, "--auto-approve"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("No changes: the tenant matches the file.");
  });

  it("applies a saved plan without asking, and refuses it, naming the resource, once the tenant changed", async () => {
    const saved = join(dir(), "plan.json");
    expect((await inProcess(["plan", EXAMPLE, "--out", saved])).code).toBe(0);
    standIn.seed({ entities: [{ name: "Intruder" }] });
    const stale = await inProcess(["apply", saved]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("entity.Intruder is new");
    expect(writes()).toEqual([]);

    expect((await inProcess(["plan", EXAMPLE, "--out", saved])).code).toBe(0);
    const fresh = await inProcess(["apply", saved]);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain("Apply complete: 7 steps done");
  });

  it("refuses to save a plan over the file it plans, which would lose the file", async () => {
    const file = join(dir(), "tenant.yaml");
    const text = await readFile(EXAMPLE, "utf8");
    await writeFile(file, text);
    for (const out of [file, join(dir(), ".", "tenant.yaml")]) {
      const run = await inProcess(["plan", file, "--out", out]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("--out PLAN is the FILE being planned");
      expect(await readFile(file, "utf8")).toBe(text);
    }
  });

  it("refuses a change Zuora would not make, naming the file's line, with exit 1 and nothing sent", async () => {
    standIn.seed({
      entities: [{ name: "Acme-EU", status: "Provisioned", locale: "en_GB", timezone: "Europe/London" }],
    });
    const text = (await readFile(EXAMPLE, "utf8")).replace("Europe/London", "Europe/Dublin");
    const path = join(dir(), "moved.yaml");
    await writeFile(path, text);
    const { code, stdout } = await inProcess(["plan", path]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `✖ entity.Acme-EU (${path}:9:3): the timezone of a provisioned entity cannot change (Europe/London → Europe/Dublin)`,
    );
    expect(writes()).toEqual([]);
  });

  it("at a failure prints what was done, what failed with Zuora's reason, and what was not started; apply again finishes", async () => {
    await fetch(`${server().url}/__stand-in/faults`, {
      method: "POST",
      body: JSON.stringify({ fault: { status: 400 }, operationId: "initiateConnection" }),
    });
    const failed = await cli(["apply", EXAMPLE, "--auto-approve", "--no-rehearse"]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("Apply stopped: 5 done, 1 failed, 1 not started");
    expect(failed.stdout).toContain("failed: initiate connection.Acme-EU->Acme-DE: SystemError injected 400");
    expect(failed.stdout).toContain("not started: accept connection.Acme-EU->Acme-DE");
    const rest = await inProcess(["plan", EXAMPLE]);
    expect(rest.stdout).toContain("Plan: 1 to connect.");
    expect((await inProcess(["apply", EXAMPLE, "--auto-approve"])).code).toBe(0);
  });

  it("shows the tenant as a tree and a file as a Mermaid flowchart, and exports, only reading", async () => {
    const tree = await inProcess(["show"]);
    expect(tree.stdout.trim()).toBe("Global (Provisioned, en_US, America/Los_Angeles)");
    const mermaid = await inProcess(["show", EXAMPLE, "--format", "mermaid"]);
    expect(mermaid.stdout).toContain("flowchart TD");
    expect(mermaid.stdout).toContain("e1 -.->|Connected| e2");
    const exported = await inProcess(["export", "--json"]);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).entities).toEqual({
      Global: { locale: "en_US", timezone: "America/Los_Angeles" },
    });
    expect(writes()).toEqual([]);
  });

  it("writes a tenant's control characters as escapes, so a display name cannot drive the terminal", async () => {
    // Anyone who may rename an entity sets its display name: Zuora's rule is its length alone.
    const hostile = "Evil\u001b]0;owned\u0007\u001b[2J\u001b[1A\rNo changes\nFAKE line\u009b";
    standIn.seedByName({ entities: { Evil: { parent: "Global", displayName: hostile } } });
    for (const args of [["show"], ["plan", EXAMPLE]]) {
      const { stdout, stderr } = await cli(args, { NO_COLOR: "" });
      const controls = [...(stdout + stderr)].filter((c) => {
        const code = c.charCodeAt(0);
        return (code < 0x20 && c !== "\n" && c !== "\t") || (code >= 0x7f && code <= 0x9f);
      });
      expect(controls, args[0]).toEqual([]);
      if (args[0] === "show") expect(stdout).toContain(String.raw`"Evil\u001b]0;owned\u0007\u001b[2J`);
    }
  });

  it("colours a plan on a terminal with its own codes alone: the data's are escaped before it is coloured", async () => {
    // The global entity's display name cannot change: the refusal quotes the file's.
    const file = join(dir(), "hostile.yaml");
    const example = await readFile(EXAMPLE, "utf8");
    await writeFile(
      file,
      example.replace("  Global:\n", '  Global:\n    displayName: "Red\\u001b[31m\\u001b[8mhidden"\n'),
    );
    const run = captureIo({ ZUORA_BASE_URL: server().url, ZUORA_ACCESS_TOKEN: "any-token" });
    const lines: { line: string; coloured: boolean | undefined }[] = [];
    const io: Io = { ...run.io, color: true, out: (line, coloured) => lines.push({ line, coloured }) };
    await main(["plan", file], io);
    const coloured = lines.filter((l) => l.coloured);
    expect(coloured.length).toBeGreaterThan(0);
    for (const { line } of coloured) {
      // What is left once the plan's own colour codes are taken out holds no control character.
      const ours = ["0", "1", "31", "32", "33"].reduce((rest, code) => rest.replaceAll(`\u001b[${code}m`, ""), line);
      const controls = [...ours].filter(
        (c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f),
      );
      expect(controls, line).toEqual([]);
    }
    expect(coloured.map((l) => l.line).join("\n")).toContain(String.raw`Red\u001b[31m\u001b[8mhidden`);
  });

  it("has --help and --no-color on every command, with the exit codes; a bad option or a missing tenant is exit 1", async () => {
    for (const { name, tenant } of COMMANDS) {
      const { io, out } = captureIo();
      expect(await main([name, "--help"], io)).toBe(0);
      expect(out.join("\n")).toContain(`Usage: zuora-entities ${name}`);
      expect(out.join("\n")).toContain("2  plan --detailed-exitcode only: the tenant differs from the file");
      expect(out.join("\n")).toMatch(/^ {2}--no-color /m);
      expect(out.join("\n").includes("--base-url URL")).toBe(tenant);
    }
    const { io, err } = captureIo();
    expect(await main(["plan", EXAMPLE, "--auto-approve"], io)).toBe(1);
    expect(err.join("\n")).toContain("Error: unknown option --auto-approve (the options here are --out, --json,");
    expect(err.join("\n")).toContain("Run zuora-entities plan --help for usage.");
    const bare = captureIo({});
    expect(await main(["plan", EXAMPLE], bare.io)).toBe(1);
    expect(bare.err[0]).toBe("Error: no tenant: set ZUORA_BASE_URL or pass --base-url");
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: zuora-entities <command> [options]");
  });

  it("names the variable or flag behind a setting the client refuses, not the client's option", async () => {
    const short = await inProcess(["show"], { ZUORA_ACCESS_TOKEN: "test" });
    expect(short.code).toBe(1);
    expect(short.stderr.split("\n")[0]).toBe(
      "Error: ZUORA_ACCESS_TOKEN must be at least 8 characters (a shorter one could not be hidden in errors and logs)",
    );
    const withV1 = await inProcess(["show", "--base-url", "https://rest.test.zuora.com/v1"]);
    expect(withV1.stderr.split("\n")[0]).toBe(
      "Error: --base-url must not end in /v1: the operation paths already start with it",
    );
    const fromEnv = await inProcess(["show"], { ZUORA_BASE_URL: "https://rest.test.zuora.com/v1" });
    expect(fromEnv.stderr.split("\n")[0]).toMatch(/^Error: ZUORA_BASE_URL must not end in \/v1/);
    expect(fromEnv.stderr).toContain("Run zuora-entities show --help for usage.");
  });

  it("names in each command's usage line every option of its own (all but --base-url, --no-color and --help)", () => {
    const shared = new Set(["base-url", "no-color", "help"]);
    const missing = COMMANDS.flatMap((command) => {
      const words = command.synopsis.split(/[\s[\]]+/);
      const named = (option: { name: string; short?: string }) =>
        words.includes(`--${option.name}`) || (option.short !== undefined && words.includes(`-${option.short}`));
      return command.options
        .filter((option) => !shared.has(option.name) && !named(option))
        .map((option) => `${command.name} --${option.name}`);
    });
    expect(missing).toEqual([]);
  });

  it("states in its help every case of exit 1 that the README's table states", async () => {
    const words = (text: string) => text.replace(/\s+/g, " ");
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    const row = /^\| `1` \| (.+) \|$/m.exec(readme)?.[1] ?? "";
    expect(row).toMatch(/^error: /);
    const { io, out } = captureIo();
    expect(await main(["--help"], io)).toBe(0);
    expect(words(out.join("\n"))).toContain(`1 ${row}`);
  });
});

describe("zuora-entities apply on a terminal", () => {
  it("asks for yes: anything else cancels with nothing sent; yes applies", async () => {
    const no = captureIo({ ZUORA_BASE_URL: server().url, ZUORA_ACCESS_TOKEN: "any-token" }, "y");
    expect(await main(["apply", EXAMPLE], no.io)).toBe(1);
    expect(no.questions[0]).toContain("Apply these 7 steps to http://127.0.0.1");
    expect(no.err).toContain("Apply cancelled: nothing was sent.");
    expect(writes()).toEqual([]);
    const yes = captureIo({ ZUORA_BASE_URL: server().url, ZUORA_ACCESS_TOKEN: "any-token" }, "yes");
    expect(await main(["apply", EXAMPLE], yes.io)).toBe(0);
    expect(writes()).toHaveLength(7);
  });

  it("on Ctrl-C starts nothing new, lets the running step finish, and says what was not started", async () => {
    const run = captureIo({ ZUORA_BASE_URL: server().url, ZUORA_ACCESS_TOKEN: "any-token" }, "yes");
    const io: Io = {
      ...run.io,
      out: (line) => {
        run.out.push(line);
        if (line.startsWith("[1/7]")) for (const interrupt of [...run.interrupts]) interrupt();
      },
    };
    expect(await main(["apply", EXAMPLE, "--parallelism", "1"], io)).toBe(1);
    expect(run.err).toContain("Interrupted: starting nothing new; the running steps finish first.");
    expect(run.out.join("\n")).toMatch(
      /^Apply interrupted: 1 done, 0 failed, 6 not started \(1 request in \d+\.\d s\)\.$/m,
    );
    expect(writes()).toHaveLength(1);
    expect(run.interrupts).toEqual([]);
  });

  it("colours only a terminal, and never with NO_COLOR", () => {
    expect(wantsColor({}, true)).toBe(true);
    expect(wantsColor({}, false)).toBe(false);
    expect(wantsColor({ NO_COLOR: "1" }, true)).toBe(false);
    expect(wantsColor({ NO_COLOR: "" }, true)).toBe(true);
  });
});
