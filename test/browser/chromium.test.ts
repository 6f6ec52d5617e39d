import { execFile } from "node:child_process";
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { chooseChromium } from "../../scripts/browser/chromium.js";
import { PINNED_PACKAGE, pinnedVersion, versionOf } from "../../scripts/browser/pinnedChromium.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules/.bin/tsx");
const PINNED_MODULE = pathToFileURL(join(ROOT, "scripts/browser/pinnedChromium.ts")).href;
/** Unpacking writes about 200 MB; on a busy machine that can take a while, so this only catches a hang. */
const UNPACK_TIMEOUT = 180_000;

const scratch: string[] = [];
async function scratchDir(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `zuora-multi-entity-${name}-`));
  scratch.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

describe("choosing the browser the suites drive", () => {
  it("takes CHROMIUM_PATH when it is set", async () => {
    await expect(chooseChromium({ CHROMIUM_PATH: process.execPath })).resolves.toEqual({
      executablePath: process.execPath,
      origin: "CHROMIUM_PATH",
    });
  });

  it("refuses a CHROMIUM_PATH that does not exist, naming it", async () => {
    await expect(chooseChromium({ CHROMIUM_PATH: "/nowhere/chrome" })).rejects.toThrow(
      "CHROMIUM_PATH names /nowhere/chrome, which does not exist",
    );
  });

  it(
    "else takes the Chromium pinned in the lockfile, unpacked in a folder named after its version",
    async () => {
      const chosen = await chooseChromium({});
      expect(chosen.origin).toBe(`${PINNED_PACKAGE} ${pinnedVersion}`);
      expect(chosen.executablePath).toMatch(new RegExp(`/chromium-${pinnedVersion.replaceAll(".", "\\.")}/chromium$`));
      await expect(versionOf(chosen.executablePath)).resolves.toMatch(
        new RegExp(`^Chromium ${pinnedVersion.split(".")[0]}\\.`),
      );
    },
    UNPACK_TIMEOUT,
  );
});

describe("unpacking the pinned Chromium", () => {
  it(
    "ignores a different Chromium left in the package's own temp folder, and leaves no partial folder",
    async () => {
      // The package on its own returns any `<tmpdir>/chromium` it finds: plant another version there.
      const sharedTemp = await scratchDir("shared-temp");
      const stale = join(sharedTemp, "chromium");
      await writeFile(stale, "#!/bin/sh\necho 'Chromium 1.0.0.0'\n");
      await chmod(stale, 0o755);
      const cacheRoot = await scratchDir("chromium-cache");
      const script = join(sharedTemp, "unpack.mts");
      await writeFile(
        script,
        `import { unpackPinnedChromium } from ${JSON.stringify(PINNED_MODULE)};\n` +
          `process.stdout.write(await unpackPinnedChromium(${JSON.stringify(cacheRoot)}));\n`,
      );

      const { stdout } = await run(TSX, [script], { env: { ...process.env, TMPDIR: sharedTemp } });

      expect(stdout).toBe(join(cacheRoot, `chromium-${pinnedVersion}`, "chromium"));
      await expect(versionOf(stdout)).resolves.toMatch(new RegExp(`^Chromium ${pinnedVersion.split(".")[0]}\\.`));
      expect(await readdir(cacheRoot)).toEqual([`chromium-${pinnedVersion}`]);
      expect(await readFile(stale, "utf8")).toContain("Chromium 1.0.0.0");
    },
    UNPACK_TIMEOUT,
  );
});
