import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryPoints, isShipped, mapProblems, type PackageManifest } from "../../scripts/package/build.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const manifest = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as PackageManifest;

describe("the build of dist/", () => {
  it("bundles every module package.json's exports and bin name, each from the TypeScript at the same path", () => {
    expect(Object.fromEntries(entryPoints(manifest))).toEqual({
      "dist/src/index.js": "src/index.ts",
      "dist/generated/schema.js": "generated/schema.ts",
      "dist/stand-in/node.js": "stand-in/node.ts",
      "dist/stand-in/index.js": "stand-in/index.ts",
      "dist/hierarchy/index.js": "hierarchy/index.ts",
      "dist/hierarchy/cli/bin.js": "hierarchy/cli/bin.ts",
      "dist/stand-in-cli/bin.js": "stand-in-cli/bin.ts",
    });
  });

  it("counts a source as shipped only under a folder package.json's files lists", () => {
    expect(isShipped(manifest, "src/client.ts")).toBe(true);
    expect(isShipped(manifest, "extras/locale.ts")).toBe(false);
    expect(isShipped({ ...manifest, files: [...manifest.files, "extras"] }, "extras/locale.ts")).toBe(true);
    expect(isShipped(manifest, "srcs/client.ts")).toBe(false);
  });

  describe("its check of the maps", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "zuora-multi-entity-maps-"));
      await mkdir(join(dir, "dist/src"), { recursive: true });
      await mkdir(join(dir, "src"));
      await mkdir(join(dir, "rules"));
      await writeFile(join(dir, "src/index.ts"), "export {};\n");
      await writeFile(join(dir, "rules/locale.ts"), "export {};\n");
      const map = (sources: string[]) => JSON.stringify({ version: 3, sources, mappings: "" });
      await writeFile(join(dir, "dist/src/index.d.ts.map"), map(["../../src/index.ts"]));
      await writeFile(join(dir, "dist/src/index.js.map"), map(["../../src/index.ts", "../../rules/locale.ts"]));
      await writeFile(join(dir, "dist/src/gone.d.ts.map"), map(["../../src/gone.ts"]));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("names a source that is missing, or outside what package.json's files ships", async () => {
      const problems = await mapProblems(dir, { exports: {}, files: ["dist", "src"] });
      expect(problems.sort()).toEqual([
        "dist/src/gone.d.ts.map: ../../src/gone.ts does not exist",
        "dist/src/index.js.map: rules/locale.ts is not shipped",
      ]);
    });
  });
});
