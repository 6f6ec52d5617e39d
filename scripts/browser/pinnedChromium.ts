import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { arch, platform } from "node:process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/**
 * The npm package whose tarball carries the browser: a headless Chromium for Linux x64 (its arm64 build is only a
 * download from GitHub, which this project does not make).
 */
export const PINNED_PACKAGE = "@sparticuz/chromium";

/**
 * Where the pinned browser is unpacked: the project's `node_modules/.cache`, so `npm ci` starts it afresh and no
 * other user or clone on the machine shares (or can spoil) it.
 */
export const DEFAULT_CACHE_ROOT: string = fileURLToPath(
  new URL("../../node_modules/.cache/zuora-multi-entity", import.meta.url),
);

/** The package's CommonJS entry (its `exports` hide `package.json`, so the folder is found from here). */
const entry = require.resolve(PINNED_PACKAGE);

/** The installed version of {@link PINNED_PACKAGE}, as the lockfile pins it (e.g. `147.0.0`). */
export const pinnedVersion: string = (
  JSON.parse(readFileSync(join(dirname(entry), "..", "..", "package.json"), "utf8")) as { version: string }
).version;

/** What `chromium --version` prints, e.g. `Chromium 147.0.7727.0`. */
export async function versionOf(executablePath: string): Promise<string> {
  const { stdout } = await run(executablePath, ["--version"], { timeout: 60_000 });
  return stdout.trim();
}

/**
 * Unpacks the pinned Chromium once into `<cacheRoot>/chromium-<version>/` and returns its executable; later calls
 * (and later test runs) reuse it.
 *
 * The package itself unpacks into the shared temp folder (`os.tmpdir()`) and returns any `chromium` it finds there,
 * whatever its version or however half-written. So it runs in a child whose `TMPDIR` is a fresh folder of ours, its
 * answer must lie in that folder and report the package's Chromium major, and the folder takes its final name with
 * one `rename`: a run sees a complete browser of the right version or none. When two runs race, the first rename
 * wins and the other uses it.
 */
export async function unpackPinnedChromium(cacheRoot: string = DEFAULT_CACHE_ROOT): Promise<string> {
  if (platform !== "linux" || arch !== "x64") {
    throw new Error(
      `${PINNED_PACKAGE} ${pinnedVersion} is a Linux x64 build, not ${platform} ${arch}: set CHROMIUM_PATH to a Chrome or Chromium`,
    );
  }
  const target = join(cacheRoot, `chromium-${pinnedVersion}`);
  const executable = join(target, "chromium");
  if (existsSync(executable)) return executable;

  await mkdir(cacheRoot, { recursive: true });
  const staging = await mkdtemp(`${target}.partial-`);
  try {
    const { stdout } = await run(
      process.execPath,
      ["-e", `require(${JSON.stringify(entry)}).executablePath().then((path) => process.stdout.write(path))`],
      { env: { ...process.env, TMPDIR: staging }, timeout: 120_000 },
    );
    if (stdout !== join(staging, "chromium")) {
      throw new Error(`${PINNED_PACKAGE} unpacked to ${stdout}, not into ${staging}`);
    }
    const version = await versionOf(stdout);
    const major = pinnedVersion.split(".")[0];
    if (!version.startsWith(`Chromium ${major}.`)) {
      throw new Error(`${PINNED_PACKAGE} ${pinnedVersion} unpacked "${version}", not Chromium ${major}`);
    }
    await rename(staging, target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    });
    return executable;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
