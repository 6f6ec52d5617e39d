import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const NAME = "zuora-multi-entity";
let known: string | undefined;

/**
 * The package's version, from its package.json: the nearest one named zuora-multi-entity above this module, which
 * is the package's own whether it runs from the sources or from the build in dist/.
 */
export function packageVersion(): string {
  if (known !== undefined) return known;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === NAME && typeof manifest.version === "string") {
        known = manifest.version;
        return known;
      }
    } catch {}
    const up = dirname(dir);
    if (up === dir) return "unknown";
    dir = up;
  }
}
