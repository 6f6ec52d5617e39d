import { readFile } from "node:fs/promises";

/**
 * The package's version, from its package.json: the first one up from this module (the source in a checkout,
 * `dist/` in the installed package) that is this package's.
 */
export async function packageVersion(): Promise<string> {
  for (let up = new URL("../package.json", import.meta.url); ; up = new URL("../package.json", up)) {
    try {
      const manifest = JSON.parse(await readFile(up, "utf8")) as { name?: string; version?: string };
      if (manifest.name === "zuora-multi-entity" && typeof manifest.version === "string") return manifest.version;
    } catch {
      // No package.json here: look one folder up.
    }
    if (new URL("../package.json", up).href === up.href) return "unknown";
  }
}
