import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Product code: what ships, what users run (`npm start`, `npm run mock`, the examples), and what it is built from. */
const PRODUCT = ["src", "generated", "scripts", "mock-server", "stand-in", "hierarchy", "bench", "examples"];
const TEST_FOLDERS = ["test", "contract-tests", "package-tests"];

/** The relative module specifiers of a TypeScript file: static imports and exports, and dynamic `import()`. */
function relativeImports(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gm),
    ...source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1] ?? "");
  return specifiers.filter((specifier) => specifier.startsWith("."));
}

async function typeScriptFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("layers", () => {
  it("reads static, re-exported and dynamic relative imports", () => {
    const source = `import { a } from "./a.js";\nexport { b } from "../b.js";\nimport type {\n  C,\n} from "../../c.js";\nawait import("./d.js");\nimport "node:fs";\n`;
    expect(relativeImports(source)).toEqual(["./a.js", "../b.js", "../../c.js", "./d.js"]);
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

  it("the stand-in (the ./testing entry) imports only itself and generated/, so it ships without the client", async () => {
    const offenders: string[] = [];
    for (const file of await typeScriptFiles("stand-in")) {
      for (const specifier of relativeImports(await readFile(file, "utf8"))) {
        const target = relative(ROOT, resolve(dirname(file), specifier));
        if (!target.startsWith("stand-in/") && !target.startsWith("generated/")) {
          offenders.push(`${relative(ROOT, file)} imports ${target}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the hierarchy (the ./hierarchy entry and its command) imports only itself, the client's public entry and the stand-in's", async () => {
    const allowed = new Set(["src/index.ts", "stand-in/index.ts"]);
    const offenders: string[] = [];
    for (const file of await typeScriptFiles("hierarchy")) {
      for (const specifier of relativeImports(await readFile(file, "utf8"))) {
        const target = relative(ROOT, resolve(dirname(file), specifier)).replace(/\.js$/, ".ts");
        if (!target.startsWith("hierarchy/") && !allowed.has(target)) {
          offenders.push(`${relative(ROOT, file)} imports ${target}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
