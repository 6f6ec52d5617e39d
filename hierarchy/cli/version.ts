import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const NAME = "zuora-multi-entity";
let found: { root: string; version: string } | undefined | null;

/**
 * The package's folder and version, from its package.json: the nearest one named zuora-multi-entity above this
 * module, which is the package's own whether it runs from the sources or from the build in dist/.
 */
function ownPackage(): { root: string; version: string } | undefined {
  if (found !== undefined) return found ?? undefined;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === NAME && typeof manifest.version === "string") {
        found = { root: dir, version: manifest.version };
        return found;
      }
    } catch {}
    const up = dirname(dir);
    if (up === dir) {
      found = null;
      return undefined;
    }
    dir = up;
  }
}

/** The package's version (`0.4.0`), or `unknown` where its package.json cannot be found. */
export function packageVersion(): string {
  return ownPackage()?.version ?? "unknown";
}

/** Where the hierarchy file's JSON Schema is on disk, in the package (undefined where the package is not found). */
export function schemaPath(): string | undefined {
  const root = ownPackage()?.root;
  return root === undefined ? undefined : join(root, "hierarchy", "hierarchy.schema.json");
}
