import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { killAll, runCommand, serve } from "./served.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "zuora-stand-in-"));
});
afterEach(() => killAll());
afterAll(() => rm(dir, { recursive: true, force: true }));

const place = (locale: string, timezone: string) => [`    locale: ${locale}`, `    timezone: ${timezone}`];

describe("zuora-stand-in, the command", () => {
  it("answers --help with its options and exit codes, and --version with its name and the package's version", async () => {
    const help = await runCommand(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: zuora-stand-in [options]");
    expect(help.stdout).toContain("  2  a bad call: an unknown option or a value it cannot take");
    const version = await runCommand(["--version"]);
    const manifest = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
    expect(version).toEqual({ code: 0, stdout: `zuora-stand-in ${manifest.version}\n`, stderr: "" });
  });

  it("refuses a bad call with exit 2, naming the option, and serves nothing", async () => {
    const cases: [string[], RegExp][] = [
      [["--bogus"], /Unknown option '--bogus'/],
      [["--port", "70000"], /--port must be a port number from 0 to 65535, not 70000/],
      [["--limits", "concurrency=10,burst=5"], /--limits takes concurrency=N,perMinute=N/],
      [["--limits", "concurrency=0"], /--limits: createStandIn: .*limits\.concurrency must be a whole number/],
      [["--latency", "soon"], /--latency must be a duration such as 20ms or 1s, not soon/],
      [["--latency", "9999999999ms"], /--latency: createStandIn: options\.latencyMs must be a number of ms from 0 to/],
      [["--auth", "sometimes"], /--auth: createStandIn: options\.auth\.tokens must be "any" or "issued"/],
      [["--log", "loud"], /--log must be one of info, json, off, not loud/],
      [["--host", "0.0.0.0"], /--host 0\.0\.0\.0 is not a loopback address: .* Add --allow-remote/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await runCommand(args);
      expect({ args, code, stdout }).toEqual({ args, code: 2, stdout: "" });
      expect(stderr).toMatch(message);
      expect(stderr).toContain("Run zuora-stand-in --help for usage.");
    }
  });

  it("refuses a seed file with problems before serving: every problem, with file:line, exit 1", async () => {
    const file = join(dir, "broken.yaml");
    const lines = ["version: 1", "entities:", "  Global:", ...place("en_US", "UTC"), "  DE:", "    parent: EMAE"];
    lines.push(...place("de_DE", "Europe/Berlin"), "  FR:", "    parent: Global", ...place("fr_FR", "Europe/Paris"));
    lines.push("connections:", "  - { from: Global, to: PL, status: Connected }");
    lines.push("  - { from: Global, to: FR, status: Pending }", "users:", "  jane: { home: EMEA, access: [DE] }");
    lines.push("shares:", "  P-1: [FR, Global]");
    await writeFile(file, `${lines.join("\n")}\n`);
    const { code, stdout, stderr } = await runCommand(["--seed", file]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    // What `zuora-entities validate` says of the file, in its words.
    expect(stderr.trim().split("\n")).toEqual([
      `Error: ${file}:6:3: entity.DE: its parent EMAE is not in the file`,
      `Error: ${file}:15:5: connection.Global->PL: PL is not an entity of the file`,
      `Error: ${file}:18:3: user.jane: its home EMEA is not an entity of the file`,
      `Error: ${file}:20:3: share.P-1->FR: the connection Global->FR is Pending: a product is shared over a Connected connection`,
      `Error: ${file}:20:3: share.P-1->Global: a product of the global entity Global cannot be shared with Global itself`,
    ]);
    // What the tenant refuses of a file that is sound as a file: each with its line too.
    const unsound = ["version: 1", "entities:", "  Global:", ...place("en_US", "UTC"), "  EMEA:", "    parent: Global"];
    unsound.push(
      ...place("en_GB", "UTC"),
      "  DE:",
      "    parent: EMEA",
      ...place("de_DE", "UTC"),
      "    provisioned: true",
    );
    await writeFile(file, `${unsound.join("\n")}\n`);
    const refused = await runCommand(["--seed", file]);
    expect(refused).toEqual({
      code: 1,
      stdout: "",
      stderr: `Error: ${file}:10:3: DE cannot be provisioned under the unprovisioned EMEA\n`,
    });
    await writeFile(file, "version: 1\nentities:\n  Global:\n    locale: english\n    timezone: Mars\n");
    const shape = await runCommand(["--seed", file]);
    expect(shape).toMatchObject({ code: 1, stdout: "" });
    expect(shape.stderr.trim().split("\n")).toEqual([
      `Error: ${file}:4:13: entity Global: \`locale\` must be a locale ll_CC, e.g. en_GB`,
      `Error: ${file}:5:15: entity Global: \`timezone\` must be an IANA time zone name, e.g. Europe/London`,
    ]);
    expect(await runCommand(["--seed", join(dir, "missing.yaml")])).toMatchObject({
      code: 1,
      stderr: `Error: ${join(dir, "missing.yaml")}: no such file\n`,
    });
  });

  it("writes a seed file's control characters as escapes on stderr, so a name cannot drive the terminal", async () => {
    const file = join(dir, "controls.yaml");
    const lines = ["version: 1", "entities:", "  Global:", ...place("en_US", "UTC")];
    lines.push('  "A\\u0007\\u001b[31m":', "    parent: Nowhere\u009b", ...place("en_GB", "UTC"));
    await writeFile(file, `${lines.join("\n")}\n`);
    const { code, stderr } = await runCommand(["--seed", file]);
    expect(code).toBe(1);
    const controls = [...stderr].filter((c) => {
      const code = c.charCodeAt(0);
      return (code < 0x20 && c !== "\n") || (code >= 0x7f && code <= 0x9f);
    });
    expect(controls).toEqual([]);
    expect(stderr).toContain(String.raw`A\u0007\u001b[31m`);
  });

  it("refuses a folder or a pipe as the seed file, saying what it is, without waiting on the pipe", async () => {
    const folder = join(dir, "seed-folder");
    await mkdir(folder);
    const pipe = join(dir, "seed-pipe");
    await promisify(execFile)("mkfifo", [pipe]);
    expect(await runCommand(["--seed", folder])).toEqual({
      code: 1,
      stdout: "",
      stderr: `Error: ${folder}: is a folder, not a file\n`,
    });
    expect(await runCommand(["--seed", pipe])).toMatchObject({
      code: 1,
      stderr: `Error: ${pipe}: is not a regular file (a pipe, a socket or a device): give a file\n`,
    });
  });

  it("starts from a seed file, its root the global entity, and starts from it again on reset", async () => {
    const file = join(dir, "hierarchy.yaml");
    const lines = ["version: 1", "entities:", "  Acme:", ...place("en_US", "UTC"), "  EMEA:", "    parent: Acme"];
    lines.push(...place("en_GB", "Europe/London"), "    provisioned: true");
    await writeFile(file, `${lines.join("\n")}\n`);
    const served = await serve(["--seed", file, "--log", "off"]);
    const state = async () => (await fetch(`${served.url}/__stand-in/state`)).json();
    expect((await state()).entities).toMatchObject({ Acme: { provisioned: true }, EMEA: { parent: "Acme" } });
    await fetch(`${served.url}/__stand-in/seed`, { method: "POST", body: '{"entities":{"X":{"parent":"Acme"}}}' });
    await fetch(`${served.url}/__stand-in/reset`, { method: "POST" });
    expect(Object.keys((await state()).entities)).toEqual(["Acme", "EMEA"]);
    expect(await served.stop("SIGINT")).toBe(0);
  });

  it("prints the base URL alone on stdout, one log line per request on stderr, and none with --log off", async () => {
    const served = await serve([]);
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await fetch(`${served.url}/v1/entities?provisioned=true`, { headers: { authorization: "Bearer t" } });
    const json = { authorization: "Bearer t", "content-type": "application/json" };
    await fetch(`${served.url}/v1/entities`, { method: "POST", headers: json, body: "{}" });
    await fetch(`${served.url}/__stand-in/health`);
    expect(await served.stop()).toBe(0);
    const lines = served.stderr().trim().split("\n");
    expect(lines[0]).toMatch(/^zuora-stand-in \d+\.\d+\.\d+\S* on http:\/\/127\.0\.0\.1:\d+$/);
    expect(lines.slice(1).map((l) => l.replace(/ [\d.]+ms$/, " <ms>"))).toEqual([
      "GET /v1/entities 200 <ms>",
      "POST /v1/entities 200 <ms>",
      "GET /__stand-in/health 200 <ms>",
    ]);

    const asJson = await serve(["--log", "json"]);
    await fetch(`${asJson.url}/__stand-in/health`);
    await asJson.stop();
    const logged = JSON.parse(asJson.stderr().trim().split("\n").at(-1) ?? "");
    expect(logged).toEqual({ method: "GET", path: "/__stand-in/health", status: 200, ms: expect.any(Number) });

    const quiet = await serve(["--log", "off"]);
    await fetch(`${quiet.url}/__stand-in/health`);
    expect(await quiet.stop()).toBe(0);
    expect(quiet.stderr()).toBe("");
  });

  it("refuses a port in use with one line and exit 1", async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      expect(await runCommand(["--port", String(port)])).toEqual({
        code: 1,
        stdout: "",
        stderr: `Error: port ${port} on 127.0.0.1 is in use: give another --port, or --port 0 for a free one\n`,
      });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it("serves on a host other machines reach only with --allow-remote, and warns", async () => {
    const served = await serve(["--host", "0.0.0.0", "--allow-remote", "--log", "off"]);
    expect(served.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    expect(await served.stop()).toBe(0);
    expect(served.stderr()).toMatch(/^Warning: serving on 0\.0\.0\.0: whoever reaches http:\/\/0\.0\.0\.0:\d+ can/);
  });

  it("enforces --limits, --latency and --auth as createStandIn's options", async () => {
    const served = await serve(["--limits", "perMinute=2", "--latency", "1ms", "--auth", "issued", "--log", "off"]);
    const list = () => fetch(`${served.url}/v1/entities`, { headers: { authorization: "Bearer made-up" } });
    expect((await list()).status).toBe(401);
    const token = await fetch(`${served.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "client_id=a&client_secret=b&grant_type=client_credentials",
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const authorized = () =>
      fetch(`${served.url}/v1/entities`, { headers: { authorization: `Bearer ${access_token}` } });
    expect((await authorized()).status).toBe(200);
    expect((await authorized()).status).toBe(429);
    expect(await served.stop()).toBe(0);
  });
});
