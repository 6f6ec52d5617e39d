import { execFile, spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { mapProblems, type PackageManifest } from "../scripts/package/build.js";
import { openEditor } from "../test/support/editor.js";
import { allCodeBlocks } from "./support/markdown.js";
import { guidePages } from "./support/pages.js";
import { goToDefinitions } from "./support/tsserver.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const own = createRequire(import.meta.url)("../package.json") as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** A fresh project that installed the tarball, as a user's would; its TypeScript and Node types are ours. */
let project: string;
let tscOutput: string;
/**
 * The TypeScript blocks of the README and the docs pages, as the tarball ships them, each written into the project as
 * `src/<page>-<n>.ts` (`readme-1.ts`, `operations-2.ts`: the page's nth block), or `src/<page>-<n>.test.ts` for a
 * block that imports vitest (a user's test file).
 */
const guideBlocks: { name: string; page: string; code: string; isTest: boolean }[] = [];

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "zuora-multi-entity-consumer-"));
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await writeFile(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        // The package's own .d.ts files are checked too: a declaration that only compiles with our settings fails here.
        skipLibCheck: false,
        types: ["node"],
        outDir: "out",
        rootDir: "src",
      },
      include: ["src"],
    }),
  );
  await mkdir(join(project, "src"));
  for (const name of await readdir(join(ROOT, "package-tests/consumer"))) {
    await copyFile(join(ROOT, "package-tests/consumer", name), join(project, "src", name));
  }
  for (const name of await readdir(join(ROOT, "examples"))) {
    if (name.endsWith(".ts")) await copyFile(join(ROOT, "examples", name), join(project, "src", name));
  }
  for (const page of await guidePages(join(inject("packDir"), "package"))) {
    const blocks = allCodeBlocks(page.text).filter((block) => block.language === "ts");
    for (const [index, { code }] of blocks.entries()) {
      const isTest = /from "vitest"/.test(code);
      const name = `${page.name}-${index + 1}`;
      guideBlocks.push({ name, page: page.path, code, isTest });
      await writeFile(join(project, "src", `${name}${isTest ? ".test.ts" : ".ts"}`), code);
    }
  }
  await run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      inject("tarball"),
      `typescript@${own.devDependencies.typescript}`,
      `@types/node@${own.devDependencies["@types/node"]}`,
    ],
    { cwd: project },
  );
  // The guide's stand-in examples are vitest tests: the project gets our vitest by a link (after the install, which
  // would remove it), rather than installing a test runner and its bundler again on every run.
  await symlink(join(ROOT, "node_modules/vitest"), join(project, "node_modules/vitest"), "dir");
  const tsc = await run(join(project, "node_modules/.bin/tsc"), ["-p", "."], { cwd: project }).catch(
    (error: { stdout: string }) => error,
  );
  tscOutput = tsc.stdout;
});

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

/** The name of the guide's block on `page` that holds `text` (its only one). */
function blockWith(page: string, text: string): string {
  const found = guideBlocks.filter((block) => block.page === page && block.code.includes(text));
  if (found.length !== 1) throw new Error(`${found.length} blocks of ${page} hold ${JSON.stringify(text)}`);
  return found[0]?.name ?? "";
}

/**
 * Runs a compiled program of the guide until it exits; one that serves until Ctrl-C is sent SIGINT once it has
 * printed its first line, as a user would stop it. Resolves to its exit code and output.
 */
function runGuideProgram(name: string, env: Record<string, string>) {
  const servesUntilStopped = /process\.once\("SIGINT"/.test(guideBlocks.find((b) => b.name === name)?.code ?? "");
  return new Promise<{ code: number | string | null; stdout: string; stderr: string }>((resolveRun, rejectRun) => {
    const child = spawn(process.execPath, [join(project, "out", `${name}.js`)], {
      cwd: project,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (servesUntilStopped && stdout.includes("\n")) child.kill("SIGINT");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on("error", rejectRun);
    child.on("close", (code, signal) => resolveRun({ code: code ?? signal, stdout, stderr }));
  });
}

/** Runs a compiled file of the consumer project (`name.js`, or `name.cjs` as given) against the Prism mock. */
function runCompiled(name: string, env: Record<string, string> = {}) {
  return run(process.execPath, [join(project, "out", name.includes(".") ? name : `${name}.js`)], {
    cwd: project,
    env: { ...process.env, ZUORA_BASE_URL: inject("prismUrl"), ...env },
  });
}

/** A module and every module it imports by a relative path, transitively: what loading it reads from the package. */
async function modulesLoadedBy(entry: string): Promise<string[]> {
  const seen = new Set<string>([entry]);
  for (const file of seen) {
    const code = await readFile(file, "utf8");
    for (const [, path] of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g))
      seen.add(resolve(dirname(file), path ?? ""));
  }
  return [...seen];
}

describe("the packed package, installed into a fresh project", () => {
  it("brings only openapi-fetch (the client's) and yaml (the hierarchy's files) along at run time", async () => {
    const installed = JSON.parse(
      await readFile(join(project, "node_modules/zuora-multi-entity/package.json"), "utf8"),
    ) as { version: string; dependencies: Record<string, string> };
    expect(installed.version).toBe(own.version);
    expect(installed.dependencies).toEqual(own.dependencies);
    expect(Object.keys(installed.dependencies)).toEqual(["openapi-fetch", "yaml"]);
  });

  it("type-checks a program that imports the client, its errors and the schema types, the examples and the TypeScript of the README and the docs pages, under strict settings", () => {
    // tsc prints nothing when the program and the package's declarations compile.
    expect(tscOutput).toBe("");
  });

  it("makes both calls against the Prism mock and refuses a bad value without sending it", async () => {
    const { stdout } = await runCompiled("consumer");
    expect(JSON.parse(stdout)).toEqual({
      version: own.version,
      entity: { id: "8a80825556ff28a4015709096c5d6f5d", status: "Unprovisioned" },
      connection: { id: "8a808255575bdae401576a914a140420", success: true },
      refused: "body.targetEntityId: maxLength",
      sentForInvalid: 0,
      schemaRuntimeExports: [],
    });
  });

  it("is loaded with require() from CommonJS, types included, and makes a call", async () => {
    const { stdout, stderr } = await runCompiled("require.cjs");
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toEqual({
      commonJs: true,
      entity: { id: "8a80825556ff28a4015709096c5d6f5d", status: "Unprovisioned" },
      refused: "body.targetEntityId: maxLength",
      schemaRuntimeExports: [],
    });
  });

  it.each([
    ["createEntity", /^created entity 8a80825556ff28a4015709096c5d6f5d \(Acme-Asia\)/],
    ["initiateConnection", /^connection request 8a808255575bdae401576a914a140420 sent/],
    ["oauth", /^created entity 8a80825556/],
    [
      "entities",
      /^\d+ unprovisioned entities\nentity 8a80825555a3c7a10155b460f53858e6 \(Acme-Americas\), status Provisioned\nrenamed entity 8a80825555a3c7a10155b460f53858e6\n$/,
    ],
    [
      "connections",
      /^accepted connection 8a808255575bdae401576a914a140420 from 8a808255557baba1015580e12fa5083a\n3 inbound connections\n$/,
    ],
    [
      "accessAndSharing",
      /^access to 8a80825555a3c7a10155b46120d058e7 requested for jane\.doe@example\.com\njane\.doe@example\.com can access 3 entities\nshared product 8a808255575bdae4015774e9602e16fe with 8a80825555a3c7a10155b46120d058e7\n$/,
    ],
  ])("runs examples/%s.ts with the variables its own comment gives", async (name, expected) => {
    // The comment's command line (`ZUORA_BASE_URL=... ZUORA_ACCESS_TOKEN=... npx tsx examples/NAME.ts`), run as printed
    // but against the Prism mock's URL.
    const source = await readFile(join(ROOT, "examples", `${name}.ts`), "utf8");
    const line = new RegExp(`^ \\*\\s+((?:\\w+=\\S+\\s+)+)npx tsx examples/${name}\\.ts$`, "m").exec(source)?.[1] ?? "";
    const env = Object.fromEntries(
      line
        .trim()
        .split(/\s+/)
        .map((pair) => pair.split("=", 2) as [string, string]),
    );
    expect(Object.keys(env)).toContain("ZUORA_BASE_URL");
    const { stdout, stderr } = await runCompiled(name, { ...env, ZUORA_BASE_URL: inject("prismUrl") });
    expect(stderr).toBe("");
    expect(stdout).toMatch(expected);
  });

  it("shows a helper's and the stand-in's docs on hover, from the installed declarations, as a user's editor does", () => {
    // A file held in memory in the user's project: the language service reads the package as the editor would.
    const file = "src/hover.ts";
    const editor = openEditor(project, {
      [file]: [
        'import { createZuoraClient } from "zuora-multi-entity";',
        'import { createStandIn } from "zuora-multi-entity/testing";',
        'const zuora = createZuoraClient({ baseUrl: "https://rest.test.zuora.com", auth: "any-token" });',
        'zuora.getEntity("8a80825555a3c7a10155b460f53858e6");',
        "createStandIn();",
        "",
      ].join("\n"),
    });
    const hover = editor.hover(file, "zuora.|getEntity(");
    expect(hover?.display).toContain("getEntity(entityId: string");
    expect(hover?.documentation).toMatch(/^Multi-entity: Retrieve an entity\n/);
    expect(hover?.tags.find((tag) => tag.name === "see")?.text).toContain("https://developer.zuora.com/");
    expect(editor.signatureHelp(file, 'getEntity(|"')?.parameters.map((p) => p.name)).toEqual(["entityId", "options"]);
    expect(editor.hover(file, "\n|createStandIn(")?.tags.map((tag) => tag.name)).toContain("example");
  });

  it("loads the main entry from a few bundled files, built from the client's sources and the shared rules, none of the stand-in's", async () => {
    const installed = join(project, "node_modules/zuora-multi-entity");
    const files = await modulesLoadedBy(join(installed, "dist/src/index.js"));
    const sources = new Set<string>();
    for (const file of files) {
      const map = JSON.parse(await readFile(`${file}.map`, "utf8")) as { sources: string[] };
      for (const source of map.sources) sources.add(relative(installed, resolve(dirname(file), source)));
    }
    expect(sources).toContain(join("src", "client.ts"));
    for (const source of sources) expect(source).toMatch(/^(src|generated|rules)\//);
    // Bundled: the client's dozens of modules come as a handful of files (each file is a cold start's extra read).
    expect(files.length).toBeLessThan(sources.size / 10);
  });

  it("makes a client without loading Node's fetch, which its first call loads (a cold start pays it only with a call)", async () => {
    const fetchLoaded = "process.moduleLoadList.some((name) => name.endsWith('/undici'))";
    const { stdout } = await run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { createZuoraClient } from "zuora-multi-entity";
         const zuora = createZuoraClient({ baseUrl: process.env.ZUORA_BASE_URL, auth: "any-token" });
         const afterClient = ${fetchLoaded};
         await zuora.listEntities();
         console.log(JSON.stringify({ afterClient, afterCall: ${fetchLoaded} }));`,
      ],
      { cwd: project, env: { ...process.env, ZUORA_BASE_URL: inject("prismUrl") } },
    );
    expect(JSON.parse(stdout)).toEqual({ afterClient: false, afterCall: true });
  });

  it("has one copy of each class, whichever entries a program imports: /hierarchy knows the errors of the client from .", async () => {
    const { stdout, stderr } = await runCompiled("sharedClasses");
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toEqual({
      validationError: "not sent: body.targetEntityId (maxLength): must be at most 32 characters, got 100",
      businessError: "58010440 The parent entity 8a80825556ff28a4015708ba29312ecc does not exist.",
    });
  });

  it("ships source maps whose every source is a shipped TypeScript file", async () => {
    const installed = join(project, "node_modules/zuora-multi-entity");
    const manifest = JSON.parse(await readFile(join(installed, "package.json"), "utf8")) as PackageManifest;
    const maps = (await readdir(join(installed, "dist"), { recursive: true })).filter((file) => file.endsWith(".map"));
    expect(maps).toEqual(expect.arrayContaining([join("src", "index.d.ts.map"), join("src", "index.js.map")]));
    expect(await mapProblems(installed, manifest)).toEqual([]);
  });

  it('takes an editor\'s "go to definition" into the shipped TypeScript sources, from every entry', async () => {
    const src = (name: string) => join(project, "src", name);
    const asked = [
      { file: src("consumer.ts"), word: "createZuoraClient", after: "const zuora = " },
      { file: src("sharedClasses.ts"), word: "describeFailure", after: "validationError: " },
      { file: src("sharedClasses.ts"), word: "createStandIn" },
      { file: src("consumer.ts"), word: "components", after: "CreateEntityRequest = " },
    ];
    const landed = await goToDefinitions(project, asked);
    const installed = join(project, "node_modules/zuora-multi-entity");
    const where = landed.map((definitions) => definitions.map((d) => relative(installed, d.file)));
    expect(where).toEqual([
      [join("src", "client.ts")],
      [join("hierarchy", "apply", "applyPlan.ts")],
      [join("stand-in", "createStandIn.ts")],
      [join("generated", "schema.ts")],
    ]);
    // On the declaration itself, not the file's first line.
    for (const [index, [definition]] of landed.entries()) {
      const line = (await readFile(definition?.file ?? "", "utf8")).split("\n")[(definition?.line ?? 0) - 1];
      expect(line).toContain(asked[index]?.word);
    }
  });

  it("runs a consumer's program on the stand-in from ./testing: the lifecycle, a refused rule, and HTTP", async () => {
    const { stdout, stderr } = await runCompiled("standIn");
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toEqual({
      provisioned: { success: true },
      connections: ["Connected"],
      refusedCategory: 30,
      overHttp: ["Global", "Acme-EU"],
      requests: [
        "createEntity 200",
        "provisionEntity 200",
        "initiateConnection 200",
        "acceptConnection 200",
        "createEntity 200",
        "listEntities 200",
      ],
    });
  });

  it("runs the test files of the README and the docs pages with vitest, as a user's tests: every test passes", async () => {
    const vitest = join(project, "node_modules/vitest/vitest.mjs");
    const tests = guideBlocks.filter((block) => block.isTest);
    expect(tests.map((block) => block.page)).toContain("README.md");
    const count = tests.reduce((sum, block) => sum + (block.code.match(/^test\(/gm)?.length ?? 0), 0);
    // vitest's own 5 s per test is a speed check on a loaded machine; here a limit only catches a hang.
    const limits = ["--testTimeout=120000", "--hookTimeout=120000"];
    const files = tests.map((block) => `src/${block.name}.test.ts`);
    const { stdout } = await run(process.execPath, [vitest, "run", ...limits, ...files], {
      cwd: project,
      env: { ...process.env, CI: "1", NO_COLOR: "1" },
    });
    expect(stdout).toMatch(new RegExp(`Tests\\s+${count} passed \\(${count}\\)`));
  });

  it("runs every other TypeScript block of the README and the docs pages against the Prism mock, without an error", async () => {
    const programs = guideBlocks.filter((block) => !block.isTest);
    expect(programs.length).toBeGreaterThanOrEqual(15);
    const env = {
      ZUORA_BASE_URL: inject("prismUrl"),
      ZUORA_ACCESS_TOKEN: "example-token",
      ZUORA_CLIENT_ID: "example-id",
      ZUORA_CLIENT_SECRET: "example-secret",
    };
    const failed: string[] = [];
    for (const block of programs) {
      const { code, stderr } = await runGuideProgram(block.name, env);
      if (code !== 0 || stderr !== "") failed.push(`${block.name} (${block.page}): exit ${code}, ${stderr}`);
    }
    expect(failed).toEqual([]);
  });

  it("stops each TypeScript block of the guide that reads a token, when it is not set, saying which variable to set", async () => {
    const readsToken = /process\.env\.ZUORA_ACCESS_TOKEN|\{[^}]*\bZUORA_ACCESS_TOKEN\b[^}]*\}\s*=\s*process\.env/;
    const programs = guideBlocks.filter((block) => !block.isTest && readsToken.test(block.code));
    expect(programs.length).toBeGreaterThan(0);
    const env = {
      ZUORA_BASE_URL: inject("prismUrl"),
      ZUORA_ACCESS_TOKEN: "",
      ZUORA_CLIENT_ID: "",
      ZUORA_CLIENT_SECRET: "",
    };
    const unclear: string[] = [];
    for (const block of programs) {
      const { code, stderr } = await runGuideProgram(block.name, env);
      if (code === 0 || !stderr.includes("Set ZUORA_ACCESS_TOKEN"))
        unclear.push(`${block.name} (${block.page}): exit ${code}, ${stderr}`);
    }
    expect(unclear).toEqual([]);
  });

  it("installs the zuora-entities command, which answers --help with its exit codes", async () => {
    const { stdout } = await run(join(project, "node_modules/.bin/zuora-entities"), ["plan", "--help"], {
      cwd: project,
    });
    expect(stdout).toContain("Usage: zuora-entities plan FILE");
    expect(stdout).toContain("2  plan --detailed-exitcode only: the tenant differs from the file");
  });

  it("installs the zuora-stand-in command, which serves the stand-in until SIGTERM and exits 0", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(join(project, "node_modules/.bin/zuora-stand-in"), ["--log", "off"], { cwd: project });
    try {
      const url = await new Promise<string>((resolvePromise, reject) => {
        child.stdout.once("data", (chunk: Buffer) => resolvePromise(chunk.toString("utf8").split("\n")[0] ?? ""));
        child.once("exit", (code) => reject(new Error(`zuora-stand-in exited with ${code}`)));
      });
      expect(await (await fetch(`${url}/__stand-in/health`)).json()).toEqual({ status: "ok" });
      const { stdout } = await run(join(project, "node_modules/.bin/zuora-stand-in"), ["--version"], { cwd: project });
      expect(stdout).toBe(`zuora-stand-in ${own.version}\n`);
    } finally {
      const exited = new Promise((resolvePromise) => child.once("exit", resolvePromise));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  });

  it("runs the README's first code block, the quick start, with no tenant and prints what it created", async () => {
    expect(guideBlocks[0]?.name).toBe("readme-1");
    const { stdout, stderr } = await runCompiled("readme-1", { ZUORA_BASE_URL: "" });
    expect(stderr).toBe("");
    expect(stdout).toBe("created Acme-EU (Unprovisioned)\n");
  });

  it('runs the quick start as the README says, in a new folder (no "type": "module"): with node, and with tsx', async () => {
    const readme = await readFile(join(inject("packDir"), "package/README.md"), "utf8");
    const asJs = /save this as `([^`]+)`, run\s+`node \1`/.exec(readme)?.[1];
    // tsx is not a dependency of the package: the README has it installed before `npx tsx`, which would fetch it.
    const asTs = /`npm install -D tsx` first, then save it as `([^`]+)` and run\s+`npx tsx \1`/.exec(readme)?.[1];
    expect([asJs, asTs]).toEqual([expect.any(String), expect.any(String)]);
    // A folder of the project's, so that the installed package resolves; its package.json is what npm install writes.
    const folder = join(project, "quick-start");
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "package.json"), JSON.stringify({ dependencies: { "zuora-multi-entity": "*" } }));
    const code = guideBlocks[0]?.code ?? "";
    const runs: [string, string[]][] = [
      [process.execPath, [asJs ?? ""]],
      [join(ROOT, "node_modules/.bin/tsx"), [asTs ?? ""]],
    ];
    for (const [program, args] of runs) {
      await writeFile(join(folder, args[0] ?? ""), code);
      const { stdout } = await run(program, args, { cwd: folder, env: { ...process.env, ZUORA_BASE_URL: "" } });
      expect(stdout, args[0]).toBe("created Acme-EU (Unprovisioned)\n");
    }
  });

  it("runs the README's complete example: both calls, no error", async () => {
    const { stdout, stderr } = await runCompiled(blockWith("README.md", "ZUORA_CLIENT_SECRET"), {
      ZUORA_CLIENT_ID: "example-id",
      ZUORA_CLIENT_SECRET: "example-secret",
    });
    expect(stderr).toBe("");
    expect(stdout).toBe(
      "created entity 8a80825556ff28a4015709096c5d6f5d (Unprovisioned)\n" +
        "connection request 8a808255575bdae401576a914a140420 sent\n",
    );
  });

  it("runs the metadata example of docs/operations.md and prints the request id, the track id and the attempts", async () => {
    const name = blockWith("docs/operations.md", ".withResponse()");
    const { stdout, stderr } = await runCompiled(name, { ZUORA_ACCESS_TOKEN: "example-token" });
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^200 \{[\s\S]*attempts: 1,[\s\S]*\}\ncreated entity 8a80825556ff28a4015709096c5d6f5d\n$/);
  });
});
