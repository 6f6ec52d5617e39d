import { execFile } from "node:child_process";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { codeBlocks } from "../../../package-tests/support/markdown.js";
import { BIN, cliHarness, ROOT } from "./harness.js";

const { standIn, cli, inProcess, dir, server } = cliHarness();
const run = promisify(execFile);
const read = (path: string) => readFile(join(ROOT, path), "utf8");
const EXAMPLE = "examples/tenant.yaml";
const GUIDES = ["README.md", "docs/hierarchy-as-code.md"];

/** The tenant the example file asks for its user and product: they exist, as the file says they must. */
function seedForExample() {
  standIn.seed({
    users: { "jane.doe@acme.com": { home: standIn.globalEntityId } },
    products: [{ id: "8a808255575bdae4015774e9602e16fe" }],
  });
}

describe("the hierarchy guides' examples work as they say", () => {
  it("show examples/tenant.yaml as the example file, which validate takes", async () => {
    const example = await read(EXAMPLE);
    for (const guide of GUIDES) {
      expect(codeBlocks(await read(guide), "yaml"), guide).toContain(example);
    }
    expect((await inProcess(["validate", join(ROOT, EXAMPLE)])).code).toBe(0);
  });

  it("the example plans with changes (exit 2), applies on a tenant holding its user and product, then plans to nothing", async () => {
    seedForExample();
    const path = join(ROOT, EXAMPLE);
    expect((await cli(["plan", path, "--detailed-exitcode"])).code).toBe(2);
    const applied = await inProcess(["apply", path, "--auto-approve"]);
    expect(applied.stdout).toContain("Apply complete: 13 steps done");
    const again = await cli(["plan", path, "--detailed-exitcode"]);
    expect(again.stdout).toContain("No differences Zuora shows: 1 share cannot be checked before it runs");
    expect(again.code).toBe(0);
    expect(standIn.state().products[0]?.sharedWith).toHaveLength(1);
  });

  it("the drift check snippet exits 0 while the tenant matches the file, and 2 once it drifts", async () => {
    // The command as a pipeline that installed the package has it, run in a folder holding hierarchy.yaml.
    const bin = join(dir(), "bin");
    await mkdir(bin, { recursive: true });
    const command = join(bin, "zuora-entities");
    // tsx as this project resolves it: the pipeline's folder has no node_modules of its own.
    await writeFile(
      command,
      `#!/bin/sh\nexec "${process.execPath}" --import "${import.meta.resolve("tsx")}" "${BIN}" "$@"\n`,
    );
    // npx finds the command a project installed: here, the one above (never the registry).
    const npx = join(bin, "npx");
    await writeFile(npx, `#!/bin/sh\nname="$1"; shift\nexec "${bin}/$name" "$@"\n`);
    for (const file of [command, npx]) await chmod(file, 0o755);
    const work = join(dir(), "work");
    await mkdir(work, { recursive: true });
    const env = {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      NODE_OPTIONS: "",
      ZUORA_BASE_URL: server().url,
      ZUORA_ACCESS_TOKEN: "ci-token",
    };
    for (const guide of GUIDES) {
      const snippets = codeBlocks(await read(guide), "sh").filter((b) => b.includes("--detailed-exitcode"));
      expect(snippets, guide).toHaveLength(1);
      const script = join(work, "drift-check.sh");
      await writeFile(script, `set -e\n${snippets[0]}`);
      standIn.reset();
      expect((await inProcess(["export", "-o", join(work, "hierarchy.yaml")])).code).toBe(0);
      const clean = await run("sh", [script], { cwd: work, env }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => e,
      );
      expect(clean.stdout, guide).toContain("The tenant matches hierarchy.yaml.");
      expect(clean.code).toBe(0);
      standIn.seed({ entities: [{ name: "Outsider" }] });
      const drifted = await run("sh", [script], { cwd: work, env }).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => e,
      );
      expect(drifted.stdout, guide).toContain("Drift: the tenant differs from hierarchy.yaml");
      expect(drifted.code).toBe(2);
    }
  });
});
