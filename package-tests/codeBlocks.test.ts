import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
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
// checked by what reads it. A hierarchy file by the reader of `zuora-entities`, then planned against a fresh
// stand-in; a CI job's scripts and a shell snippet by bash's parser, and each option given to a command this package
// ships by that command's own --help.

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** What each language of block is, and so how it is checked. */
const LANGUAGES = {
  ts: "TypeScript: compiled and run in a fresh project (consumer.test.ts)",
  sh: "a shell snippet: parsed by bash, and each option of the package's commands looked up in its --help",
  yaml: "a hierarchy file (read and planned) or a CI job (its scripts checked as shell snippets)",
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
