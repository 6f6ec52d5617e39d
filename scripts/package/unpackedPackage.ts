import { execFile } from "node:child_process";
import { copyFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The package as npm would publish it, in `dir`: the tarball (returned) and its contents unpacked in
 * `dir/package/`. The tarball is packed here (prepack builds dist/), or, when `ZUORA_PACKED_TARBALL` names one
 * already packed from this checkout, a copy of it: CI packs once and hands the same tarball to every step that checks
 * or installs the package, so that no two builds rewrite dist/ at the same time and every Node line installs the
 * same tarball, as users of every line do.
 */
export async function unpackedPackage(dir: string): Promise<string> {
  const given = process.env.ZUORA_PACKED_TARBALL;
  let tarball: string;
  if (given) {
    tarball = join(dir, basename(given));
    await copyFile(given, tarball);
  } else {
    const { stdout } = await run("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: ROOT });
    tarball = join(dir, stdout.trim().split("\n").at(-1) ?? "");
  }
  await run("tar", ["-xzf", tarball, "-C", dir]);
  return tarball;
}
