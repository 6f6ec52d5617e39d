import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { codeBlocks } from "./support/markdown.js";

// What npm shows on the package's page. Its links are checked with the docs pages' (links.test.ts), its code blocks
// by consumer.test.ts (TypeScript) and codeBlocks.test.ts (the rest).

/** The README and the file list as the packed tarball holds them. */
let readme: string;
let shipped: Set<string>;

beforeAll(async () => {
  const packageDir = join(inject("packDir"), "package");
  readme = await readFile(join(packageDir, "README.md"), "utf8");
  const entries = await readdir(packageDir, { recursive: true, withFileTypes: true });
  shipped = new Set(entries.map((entry) => relative(packageDir, join(entry.parentPath, entry.name))));
});

describe("the README in the tarball", () => {
  it("ships with a LICENSE beside it", () => {
    expect(shipped).toContain("LICENSE");
  });

  it("is read top to bottom in ten minutes: 350 lines at most, the rest in docs/", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(350);
  });

  it("shows TypeScript that the consumer test compiles and runs (see consumer.test.ts)", () => {
    expect(codeBlocks(readme, "ts").length).toBeGreaterThanOrEqual(2);
  });
});
