import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { PINNED_PACKAGE, pinnedVersion, unpackPinnedChromium } from "./pinnedChromium.js";

/** The browser a run drives: its executable and where it came from, for the test output. */
export interface ChosenChromium {
  executablePath: string;
  /** `CHROMIUM_PATH`, or the pinned package and its version (e.g. `@sparticuz/chromium 147.0.0`). */
  origin: string;
}

/**
 * `CHROMIUM_PATH` when it is set (any Chrome or Chromium, e.g. on macOS, where the pinned Linux build cannot run),
 * else the Chromium pinned in the lockfile, unpacked on first use.
 */
export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChosenChromium> {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(
        `CHROMIUM_PATH names ${fromEnv}, which does not exist: fix it, or unset it to use the pinned one`,
      );
    }
    return { executablePath: fromEnv, origin: "CHROMIUM_PATH" };
  }
  return { executablePath: await unpackPinnedChromium(), origin: `${PINNED_PACKAGE} ${pinnedVersion}` };
}

/**
 * Flags for a root user on a closed network: no sandbox (root), no GPU, and no background traffic to Google's
 * services, which this network refuses and which would otherwise slow every start. Web security stays on (unlike
 * the pinned package's own serverless `args`): the browser tests depend on CORS being enforced.
 */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/**
 * How long a browser step may take before it counts as hung, in ms: launch, navigation, and (set on each page by
 * the callers) every wait and evaluation. Far above what any step needs; Playwright's own 30 s default is not, on a
 * shared machine under load.
 */
export const BROWSER_WAIT_MS = 120_000;

/**
 * Launches headless Chromium with playwright-core (which never downloads a browser of its own): the executable
 * given (the package tests pass the one their global setup chose once per run), else {@link chooseChromium}'s.
 */
export async function launchChromium(executablePath?: string): Promise<Browser> {
  const path = executablePath ?? (await chooseChromium()).executablePath;
  // Playwright gives a launch 30 s by default; a loaded machine can take longer to start a browser. The limit only
  // catches a browser that never starts.
  return chromium.launch({ executablePath: path, headless: true, args: FLAGS, timeout: BROWSER_WAIT_MS });
}
