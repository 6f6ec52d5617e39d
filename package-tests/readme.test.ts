import { readdir, readFile } from "node:fs/promises";
import { join, normalize, relative } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { codeBlocks, headingAnchors, isAbsolute, linkTargets } from "./support/markdown.js";

/** The README and the file list as the packed tarball holds them (what npm shows on the package's page). */
let readme: string;
/** The hierarchy guide the README links to, as shipped. */
let guide: string;
let shipped: Set<string>;

beforeAll(async () => {
  const packageDir = join(inject("packDir"), "package");
  readme = await readFile(join(packageDir, "README.md"), "utf8");
  guide = await readFile(join(packageDir, "docs/hierarchy-as-code.md"), "utf8");
  const entries = await readdir(packageDir, { recursive: true, withFileTypes: true });
  shipped = new Set(
    entries.flatMap((entry) => {
      const path = relative(packageDir, join(entry.parentPath, entry.name));
      return entry.isDirectory() ? [path, `${path}/`] : [path];
    }),
  );
});

describe("the README in the tarball", () => {
  it("ships with a LICENSE beside it", () => {
    expect(shipped).toContain("LICENSE");
  });

  it("links only to files inside the tarball or to absolute URLs", () => {
    const relativeTargets = linkTargets(readme).filter((target) => !isAbsolute(target) && !target.startsWith("#"));
    expect(relativeTargets.length).toBeGreaterThan(0);
    const missing = relativeTargets.filter((target) => {
      const path = normalize(decodeURI(target.split("#")[0] ?? ""));
      return path.startsWith("..") || !shipped.has(path);
    });
    expect(missing).toEqual([]);
  });

  it("links to its own sections only by headings it has", () => {
    const anchors = headingAnchors(readme);
    const internal = linkTargets(readme).filter((target) => target.startsWith("#"));
    expect(internal.filter((target) => !anchors.has(target.slice(1)))).toEqual([]);
  });

  it("shows TypeScript that the consumer test compiles and runs (see consumer.test.ts)", () => {
    expect(codeBlocks(readme, "ts").length).toBeGreaterThanOrEqual(2);
  });
});

describe("the hierarchy guide in the tarball (docs/hierarchy-as-code.md)", () => {
  it("links to its own sections only by headings it has", () => {
    const anchors = headingAnchors(guide);
    const internal = linkTargets(guide).filter((target) => target.startsWith("#"));
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.filter((target) => !anchors.has(target.slice(1)))).toEqual([]);
  });

  it("links only to absolute URLs or its own sections", () => {
    expect(linkTargets(guide).filter((target) => !isAbsolute(target) && !target.startsWith("#"))).toEqual([]);
  });

  it("shows TypeScript that the consumer test compiles and runs (see consumer.test.ts)", () => {
    expect(codeBlocks(guide, "ts").length).toBeGreaterThanOrEqual(2);
  });
});
