import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules/.bin/tsx");
const SCRIPT = join(ROOT, "scripts/diffSpec.ts");

/** A scratch git repository with the current spec committed, as a project clone would have it. */
let repo: string;
let committedSpec: string;

async function git(...args: string[]) {
  await run("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args], { cwd: repo });
}

/** Runs `npm run diff:spec -- <ref>`'s script in the scratch repository; resolves to its exit code and output. */
async function diffSpec(ref?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [SCRIPT, ...(ref ? [ref] : [])], { cwd: repo });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), "zuora-multi-entity-diff-"));
  await mkdir(join(repo, "openapi"));
  committedSpec = await readFile(join(ROOT, "openapi/multi-entity.yaml"), "utf8");
  await writeFile(join(repo, "openapi/multi-entity.yaml"), committedSpec);
  await git("init", "-q");
  await git("add", ".");
  await git("commit", "-q", "-m", "spec");
});

afterAll(async () => {
  if (repo) await rm(repo, { recursive: true, force: true });
});

describe("npm run diff:spec -- <git-ref>", () => {
  it("exits 0 and says none when the contract did not change", async () => {
    await writeFile(join(repo, "openapi/multi-entity.yaml"), committedSpec);
    const result = await diffSpec("HEAD");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("none");
  });

  it("exits 1 and names the field and the limit when a constraint is tightened", async () => {
    const tightened = committedSpec.replace(
      /(targetEntityId:\n\s+type: string\n\s+)maxLength: 32$/m,
      "$1maxLength: 30",
    );
    expect(tightened).not.toBe(committedSpec);
    await writeFile(join(repo, "openapi/multi-entity.yaml"), tightened);
    const result = await diffSpec("HEAD");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Breaking \(1\): a major release.*\n.*`targetEntityId`.*\(32 → 30\)/);
  });

  it("exits 0 for a documentation-only change and lists it", async () => {
    const reworded = committedSpec.replace("The ID of the parent entity.", "The ID of the entity above this one.");
    expect(reworded).not.toBe(committedSpec);
    await writeFile(join(repo, "openapi/multi-entity.yaml"), reworded);
    const result = await diffSpec("HEAD");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Fix (1): descriptions, examples, documentation: a patch release");
  });

  it("exits 0 for a changed response header example, listed once with the count of its other places", async () => {
    const example = "6f4b1c2e-8d3a-4e5f-9a7b-0c1d2e3f4a5b";
    expect(committedSpec).toContain(`example: ${example}`);
    await writeFile(join(repo, "openapi/multi-entity.yaml"), committedSpec.replace(example, "another-request-id"));
    const result = await diffSpec("HEAD");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("Breaking");
    expect(result.stdout).toMatch(/Fix \(1\):.*\n {2}- \S.*\n {6}at .*example \(and \d+ more places\)\n/);
  });

  it("prints a rewritten long description in a few short lines", async () => {
    const opening = "The contract that the `zuora-multi-entity` package is generated from";
    expect(committedSpec).toContain(opening);
    await writeFile(join(repo, "openapi/multi-entity.yaml"), committedSpec.replace(opening, `${opening}, reworded,`));
    const result = await diffSpec("HEAD");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.length).toBeLessThan(8);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(240);
  });

  it("exits 2 with a reason for a ref that does not exist, and without a ref", async () => {
    const unknown = await diffSpec("no-such-ref");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("cannot read openapi/multi-entity.yaml at no-such-ref");
    const missing = await diffSpec();
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("usage: npm run diff:spec -- <git-ref>");
  });
});
