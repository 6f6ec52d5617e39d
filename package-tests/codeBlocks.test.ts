import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { parseHierarchy, planForTenant } from "../hierarchy/index.js";
import { createZuoraClient } from "../src/index.js";
import { createStandIn } from "../stand-in/index.js";
import { allCodeBlocks, type CodeBlock } from "./support/markdown.js";
import { guidePages } from "./support/pages.js";

// The README's and the docs pages' blocks other than TypeScript (which consumer.test.ts compiles and runs): each is
// checked by what reads it. The environment variables of every block, TypeScript too, are those zuora-entities reads. A hierarchy file by the reader of `zuora-entities`, then planned against a fresh
// stand-in; a CI job's scripts and a shell snippet by bash's parser, and each option given to a command this package
// ships by that command's own --help.

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** What each language of block is, and so how it is checked. */
const LANGUAGES = {
  ts: "TypeScript: compiled and run in a fresh project (consumer.test.ts)",
  sh: "a shell snippet: parsed by bash, and each option of the package's commands looked up in its --help",
  yaml: "a hierarchy file (read and planned) or a CI job (its scripts checked as shell snippets; a step starting zuora-stand-in runs)",
  json: "a hierarchy file, as YAML's",
  text: "what a program prints: shown, not run",
  python: "a client of the served stand-in in Python: parsed by python3 (examples/any-language/lifecycle.py runs)",
  java: "a client of the served stand-in in Java: shown, not run (the Python example makes the same calls, and runs)",
  go: "a client of the served stand-in in Go: shown, not run (the Python example makes the same calls, and runs)",
} as const;

interface Located extends CodeBlock {
  page: string;
}

let blocks: Located[];

beforeAll(async () => {
  const pages = await guidePages(join(inject("packDir"), "package"));
  blocks = pages.flatMap((page) => allCodeBlocks(page.text).map((block) => ({ ...block, page: page.path })));
});

const where = (block: Located) => `${block.page}:${block.line}`;
const ofLanguage = (...languages: string[]) => blocks.filter((block) => languages.includes(block.language));

/** The commands the package installs (package.json's `bin`), each with the TypeScript source its build bundles. */
const commands = new Map(
  Object.entries(
    (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin?: Record<string, string> }).bin ?? {},
  ).map(([name, built]) => [name, built.replace(/^\.\/dist\//, "").replace(/\.js$/, ".ts")]),
);

const helpTexts = new Map<string, Promise<string>>();

/** A command's `--help` (of `sub`command when it has one by that name), run from the sources. */
function helpOf(command: string, sub: string | undefined): Promise<string> {
  const key = `${command} ${sub ?? ""}`;
  let help = helpTexts.get(key);
  if (!help) {
    const source = join(ROOT, commands.get(command) ?? "");
    const args = ["--import", "tsx", source, ...(sub ? [sub] : []), "--help"];
    help = run(process.execPath, args, { cwd: ROOT }).then(
      ({ stdout }) => stdout,
      () => "",
    );
    helpTexts.set(key, help);
  }
  return help;
}

/** Each call of a command the package ships, in a shell snippet: the command, and the words given to it. */
function packageCommandCalls(script: string): { command: string; words: string[] }[] {
  const lines = script.replace(/\\\n/g, " ").split("\n");
  const calls: { command: string; words: string[] }[] = [];
  for (const line of lines) {
    const code = line.replace(/(^|\s)#.*$/, "");
    for (const part of code.split(/&&|\|\||[;|&]/)) {
      const words = part.trim().split(/\s+/);
      const at = words.findIndex((word) => commands.has(word));
      if (at >= 0) calls.push({ command: words[at] ?? "", words: words.slice(at + 1) });
    }
  }
  return calls;
}

/** The options a call gives that its command's --help does not list (`--out=PLAN` counts as `--out`). */
async function unknownOptions(call: { command: string; words: string[] }): Promise<string[]> {
  const first = call.words[0];
  const subHelp = first && /^[a-z][\w-]*$/.test(first) ? await helpOf(call.command, first) : "";
  const help = subHelp.includes(`Usage: ${call.command} ${first}`) ? subHelp : await helpOf(call.command, undefined);
  if (!help) return [`${call.command}: no --help`];
  const options = call.words.filter((word) => /^-{1,2}[a-z]/i.test(word)).map((word) => word.split("=")[0] ?? "");
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return options.filter((option) => !new RegExp(`(^|[\\s\\[,(|])${literal(option)}(?=$|[\\s\\]=,)|])`, "m").test(help));
}

/** The shell scripts of a CI job, as GitHub Actions (`run:`) and GitLab CI (`script:` and its kin) hold them. */
function ciScripts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(ciScripts);
  if (typeof value !== "object" || value === null) return [];
  const scripts: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (key === "run" && typeof item === "string") scripts.push(item);
    else if (/^(before_|after_)?script$/.test(key)) scripts.push(...[item].flat().map(String));
    else scripts.push(...ciScripts(item));
  }
  return scripts;
}

/** True for a parsed YAML or JSON document in the hierarchy file's shape. */
const isHierarchy = (value: unknown) => typeof value === "object" && value !== null && "entities" in value;

/** The shell scripts of the guide: its `sh` blocks, and the scripts of the CI jobs in its YAML. */
function shellScripts(): { block: Located; script: string }[] {
  const scripts = ofLanguage("sh").map((block) => ({ block, script: block.code }));
  for (const block of ofLanguage("yaml")) {
    const document: unknown = parse(block.code);
    if (!isHierarchy(document)) scripts.push(...ciScripts(document).map((script) => ({ block, script })));
  }
  return scripts;
}

describe("the code blocks of the README and the docs pages, other than TypeScript", () => {
  it("each name their language, one of those the checks know", () => {
    expect(blocks.length).toBeGreaterThan(20);
    const unknown = blocks.filter((block) => !(block.language in LANGUAGES));
    expect(unknown.map((block) => `${where(block)}: \`\`\`${block.language}`)).toEqual([]);
  });

  it("hold YAML and JSON that is a hierarchy file or a CI job", () => {
    const neither = ofLanguage("yaml", "json").filter((block) => {
      const document: unknown = block.language === "json" ? JSON.parse(block.code) : parse(block.code);
      return !isHierarchy(document) && ciScripts(document).length === 0;
    });
    expect(neither.map(where)).toEqual([]);
  });

  it("hold hierarchy files that zuora-entities reads, and that plan with nothing refused against a fresh stand-in holding the users they name", async () => {
    const files = ofLanguage("yaml", "json").filter((block) => isHierarchy(parse(block.code)));
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const block of files) {
      try {
        const hierarchy = parseHierarchy(block.code, "block");
        const standIn = createStandIn();
        // Zuora's API cannot create users: a file manages the access of users who exist, in the global entity here.
        const users = (hierarchy.users ?? []).map((u) => [u.username, { home: standIn.globalEntityId }]);
        standIn.seed({ users: Object.fromEntries(users) });
        const zuora = createZuoraClient({
          baseUrl: "https://rest.test.zuora.com",
          auth: "any-token",
          fetch: standIn.fetch,
        });
        const plan = await planForTenant(zuora, hierarchy);
        problems.push(...plan.refused.map((refusal) => `${where(block)}: refused: ${JSON.stringify(refusal)}`));
      } catch (error) {
        problems.push(`${where(block)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("hold shell snippets and CI scripts that bash parses", async () => {
    const scripts = shellScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const broken: string[] = [];
    for (const { block, script } of scripts) {
      await run("bash", ["-n", "-c", script]).catch((error: { stderr: string }) =>
        broken.push(`${where(block)}: ${error.stderr}`),
      );
    }
    expect(broken).toEqual([]);
  });

  it("hold Python that python3 parses", async () => {
    const snippets = ofLanguage("python");
    expect(snippets.length).toBeGreaterThan(0);
    const broken: string[] = [];
    for (const block of snippets) {
      const parse = "import ast, sys; ast.parse(sys.argv[1])";
      await run("python3", ["-c", parse, block.code]).catch((error: { stderr?: string; message: string }) =>
        broken.push(`${where(block)}: ${error.stderr || error.message}`),
      );
    }
    expect(broken).toEqual([]);
  });

  it("hold CI steps that start zuora-stand-in from hierarchy.yaml, wait until it serves, and fail at once, saying why, when it cannot start", async () => {
    const steps = shellScripts().filter(({ script }) => /zuora-stand-in .*--seed hierarchy\.yaml.*&\s*$/m.test(script));
    expect(steps.length).toBeGreaterThan(0);
    const folder = await mkdtemp(join(tmpdir(), "zuora-stand-in-ci-"));
    try {
      // `npx ... zuora-stand-in ARGS` runs the command from the sources, as the job's npx would run the package's.
      const tsx = import.meta.resolve("tsx/esm");
      const npx = join(folder, "npx");
      const bin = join(ROOT, "stand-in-cli/bin.ts");
      const shim = `while [ "$#" -gt 0 ] && [ "$1" != zuora-stand-in ]; do shift; done; shift`;
      await writeFile(npx, `#!/bin/sh\n${shim}\nexec "${process.execPath}" --import "${tsx}" "${bin}" "$@"\n`);
      await chmod(npx, 0o755);
      const env = { ...process.env, PATH: `${folder}:${process.env.PATH ?? ""}` };
      const global = ["version: 1", "entities:", "  Global: { locale: en_US, timezone: UTC }"];
      const outcomes: string[] = [];
      /** Runs the step as the job's shell would, its output in a file (a pipe would wait for the stand-in). */
      const runStep = async (step: string) => {
        await writeFile(join(folder, "step.sh"), step);
        const code = await run("bash", ["-c", "bash -e step.sh > step.log 2>&1"], { cwd: folder, env }).then(
          () => 0,
          (error: { code: number }) => error.code,
        );
        const pid = Number((await readFile(join(folder, "stand-in.pid"), "utf8").catch(() => "")) || 0);
        if (pid > 0) process.kill(pid, "SIGTERM");
        await rm(join(folder, "stand-in.pid"), { force: true });
        return { code, output: await readFile(join(folder, "step.log"), "utf8") };
      };
      for (const { block, script } of steps) {
        // The job's port, 4010, may be taken on this machine: the step runs on a free one.
        const port = String(await freePort());
        const step = `${script.replaceAll("4010", port)}\necho "$!" > stand-in.pid\n`;
        await writeFile(join(folder, "hierarchy.yaml"), `${global.join("\n")}\n`);
        const served = await runStep(step);
        await writeFile(
          join(folder, "hierarchy.yaml"),
          `${[...global, "  DE: { parent: EMAE, locale: de_DE, timezone: Europe/Berlin }"].join("\n")}\n`,
        );
        const refused = await runStep(step);
        const saysWhy = /its parent EMAE/.test(refused.output);
        outcomes.push(
          `${where(block)}: ${served.code === 0 ? "served" : `exit ${served.code}: ${served.output}`}; ` +
            (refused.code !== 0 && saysWhy ? "failed, saying why" : `exit ${refused.code}: ${refused.output}`),
        );
      }
      expect(outcomes).toEqual(steps.map(({ block }) => `${where(block)}: served; failed, saying why`));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("name only the environment variables zuora-entities reads, and never give a missing credential as an empty string", async () => {
    const documented = new Set((await helpOf("zuora-entities", undefined)).match(/\bZUORA_[A-Z_]+\b/g) ?? []);
    expect(documented).toContain("ZUORA_ACCESS_TOKEN");
    const problems: string[] = [];
    for (const block of blocks) {
      for (const name of new Set(block.code.match(/\bZUORA_[A-Z_]+\b/g) ?? [])) {
        if (!documented.has(name)) problems.push(`${where(block)}: ${name} is not a variable zuora-entities reads`);
      }
      // `auth: process.env.X ?? ""` fails in the client ("must not be empty") without naming the variable to set.
      for (const fallback of block.code.match(/process\.env\.\w+\s*\?\?\s*(""|'')/g) ?? []) {
        problems.push(`${where(block)}: ${fallback}: say which variable to set instead`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("hold shell snippets that stop the zuora-stand-in they start in the background, leaving nothing serving", async () => {
    const snippets = ofLanguage("sh").filter(
      (b) => /zuora-stand-in[^\n]*&\s*$/m.test(b.code) && /\bkill\b/.test(b.code),
    );
    expect(snippets.length).toBeGreaterThan(0);
    const folder = await mkdtemp(join(tmpdir(), "zuora-stand-in-stop-"));
    try {
      const node = `"${process.execPath}" --import "${import.meta.resolve("tsx/esm")}" "${join(ROOT, "stand-in-cli/bin.ts")}"`;
      // The installed command, as npm links it, is the stand-in itself; npx, as npm exec runs a command, is a parent
      // that waits for it. Each writes the stand-in's pid, so that the test stops what a snippet left serving.
      await mkdir(join(folder, "node_modules/.bin"), { recursive: true });
      const installed = join(folder, "node_modules/.bin/zuora-stand-in");
      await writeFile(installed, `#!/bin/sh\necho "$$" >> pids\nexec ${node} "$@"\n`);
      const skip = `while [ "$#" -gt 0 ] && [ "$1" != zuora-stand-in ]; do shift; done; shift`;
      await writeFile(join(folder, "npx"), `#!/bin/sh\n${skip}\n${node} "$@" &\necho "$!" >> pids\nwait "$!"\n`);
      await Promise.all([chmod(installed, 0o755), chmod(join(folder, "npx"), 0o755)]);
      const env = { ...process.env, PATH: `${folder}:${process.env.PATH ?? ""}` };
      const outcomes: string[] = [];
      for (const block of snippets) {
        await writeFile(join(folder, "snippet.sh"), block.code);
        const code = await run("bash", ["-c", "bash -e snippet.sh > snippet.log 2>&1"], { cwd: folder, env }).then(
          () => 0,
          (error: { code: number }) => error.code,
        );
        const url = (await readFile(join(folder, "stand-in.url"), "utf8")).split("\n")[0] ?? "";
        // The snippet has returned: a stand-in it stopped has closed its port; one it left behind still answers.
        const left = await fetch(`${url}/__stand-in/health`).then(
          () => "left serving",
          () => "stopped",
        );
        outcomes.push(`${where(block)}: exit ${code}, ${left}`);
        const pids = (await readFile(join(folder, "pids"), "utf8").catch(() => "")).split("\n").filter(Boolean);
        for (const pid of pids) {
          try {
            process.kill(Number(pid), "SIGTERM");
          } catch {
            // Stopped already, by the snippet.
          }
        }
        await rm(join(folder, "pids"), { force: true });
        await rm(join(folder, "stand-in.url"), { force: true });
      }
      expect(outcomes).toEqual(snippets.map((block) => `${where(block)}: exit 0, stopped`));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("call the package's commands only with options their --help lists", async () => {
    const calls = shellScripts().flatMap(({ block, script }) =>
      packageCommandCalls(script).map((call) => ({ block, call })),
    );
    expect(calls.length).toBeGreaterThan(0);
    const unknown: string[] = [];
    for (const { block, call } of calls) {
      for (const option of await unknownOptions(call)) unknown.push(`${where(block)}: ${call.command} ${option}`);
    }
    expect(unknown).toEqual([]);
  });
});

/** A port nothing listens on now, from the operating system. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === "object" && address ? address.port : 0));
    });
  });
}
