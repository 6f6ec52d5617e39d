import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Product code: what ships, what users run (`npm start`, `npm run mock`, the examples), and what it is built from. */
const PRODUCT = [
  "src",
  "generated",
  "rules",
  "scripts",
  "mock-server",
  "stand-in",
  "stand-in-cli",
  "hierarchy",
  "bench",
  "examples",
];
const TEST_FOLDERS = ["test", "contract-tests", "package-tests"];

/**
 * Who may import whom (CONTRIBUTING's "Layers"): for each folder, the folders (a trailing `/`) and files it may
 * import from the repository, besides itself, and the packages it may import (`node:` modules included); `files`
 * gives one of its files packages of its own.
 */
const LAYERS: Record<string, { may: string[]; packages: RegExp; files?: Record<string, RegExp> }> = {
  generated: { may: [], packages: /^$/ },
  // The rules both sides apply ship to every runtime the package does: no package, no `node:` module.
  rules: { may: ["generated/"], packages: /^$/ },
  src: { may: ["generated/", "rules/"], packages: /^openapi-fetch$/ },
  // The stand-in plays Zuora, never the client; `node:http` is loaded by its Node-only entry's server alone.
  "stand-in": { may: ["generated/", "rules/"], packages: /^$/, files: { "stand-in/listen.ts": /^node:/ } },
  "mock-server": { may: ["stand-in/", "generated/", "rules/"], packages: /^node:/ },
  hierarchy: { may: ["src/index.ts", "stand-in/index.ts", "rules/"], packages: /^(node:|yaml$)/ },
  // The served stand-in's command: the stand-in's Node entry, and for --seed the hierarchy file's reader, the checks
  // `zuora-entities validate` makes, and the home the rehearsal assumes for a user (the stand-in itself never reads
  // a hierarchy file; it takes a seed by names); and the one rule of what both commands write on a terminal.
  "stand-in-cli": {
    may: [
      "stand-in/node.ts",
      "hierarchy/file/readHierarchy.ts",
      "hierarchy/model.ts",
      "hierarchy/plan/validateHierarchy.ts",
      "hierarchy/assumedHome.ts",
      "hierarchy/cli/printable.ts",
    ],
    packages: /^node:/,
  },
};

/** The module specifiers of a TypeScript file: static imports and exports (for effect too), and dynamic `import()`. */
function imports(source: string): string[] {
  return [
    ...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gm),
    ...source.matchAll(/^\s*import\s+["']([^"']+)["']/gm),
    ...source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1] ?? "");
}

/** The relative module specifiers of a TypeScript file. */
function relativeImports(source: string): string[] {
  return imports(source).filter((specifier) => specifier.startsWith("."));
}

async function typeScriptFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
  // A folder with nothing to check would pass every rule: a layer named here must still hold code.
  if (files.length === 0)
    throw new Error(`${folder}/ holds no TypeScript file: does a layer name a folder that moved?`);
  return files;
}

describe("layers", () => {
  it("reads static, re-exported and dynamic relative imports", () => {
    const source = `import { a } from "./a.js";\nexport { b } from "../b.js";\nimport type {\n  C,\n} from "../../c.js";\nawait import("./d.js");\nimport "node:fs";\n`;
    expect(relativeImports(source)).toEqual(["./a.js", "../b.js", "../../c.js", "./d.js"]);
    expect(imports(source)).toContain("node:fs");
  });

  it("product code never imports from a test folder", async () => {
    const offenders: string[] = [];
    for (const folder of PRODUCT) {
      for (const file of await typeScriptFiles(folder)) {
        for (const specifier of relativeImports(await readFile(file, "utf8"))) {
          const target = relative(ROOT, resolve(dirname(file), specifier));
          if (TEST_FOLDERS.some((testFolder) => target.startsWith(`${testFolder}/`))) {
            offenders.push(`${relative(ROOT, file)} imports ${target}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("is the table CONTRIBUTING's Layers section draws, row by row", async () => {
    const contributing = await readFile(join(ROOT, "CONTRIBUTING.md"), "utf8");
    const block = /^```layers\n([\s\S]*?)^```$/m.exec(contributing)?.[1] ?? "";
    // A row is `folder/ ─► a, b`, its list going on over indented lines.
    const drawn: Record<string, string[]> = {};
    let row: string[] = [];
    for (const line of block.split("\n").filter((l) => l.trim() !== "")) {
      const [, folder, list] = /^(\S+)\/\s+─►\s+(.*)$/.exec(line) ?? [undefined, undefined, line];
      if (folder !== undefined) drawn[folder] = row = [];
      row.push(
        ...(list ?? "")
          .split(",")
          .map((place) => place.trim())
          .filter((place) => place && place !== "nothing"),
      );
    }
    const held = Object.fromEntries(Object.entries(LAYERS).map(([folder, { may }]) => [folder, [...may].sort()]));
    expect(Object.fromEntries(Object.entries(drawn).map(([folder, may]) => [folder, may.sort()]))).toEqual(held);
  });

  it.each(Object.entries(LAYERS))("%s imports only what its layer may", async (folder, { may, packages, files }) => {
    const offenders: string[] = [];
    for (const file of await typeScriptFiles(folder)) {
      const mayUse = files?.[relative(ROOT, file)] ?? packages;
      for (const specifier of imports(await readFile(file, "utf8"))) {
        if (!specifier.startsWith(".")) {
          if (!mayUse.test(specifier)) offenders.push(`${relative(ROOT, file)} imports the package ${specifier}`);
          continue;
        }
        const target = relative(ROOT, resolve(dirname(file), specifier)).replace(/\.js$/, ".ts");
        const allowed = [`${folder}/`, ...may].some((place) =>
          place.endsWith("/") ? target.startsWith(place) : target === place,
        );
        if (!allowed) offenders.push(`${relative(ROOT, file)} imports ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
