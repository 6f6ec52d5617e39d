import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const PRISM_CLI = require.resolve("@stoplight/prism-cli/dist/index.js");
const DEFAULT_SPEC = fileURLToPath(new URL("../openapi/multi-entity.yaml", import.meta.url));

/** The version of @stoplight/prism-cli that this project runs. */
export const prismVersion: string = JSON.parse(
  readFileSync(require.resolve("@stoplight/prism-cli/package.json"), "utf8"),
).version;

/** How to run Prism. */
export interface PrismOptions {
  /** `mock` answers from the spec's examples; `proxy` forwards to `upstream` and checks both directions. Defaults to `mock`. */
  mode?: "mock" | "proxy";
  /** The server a proxy forwards to (required for `proxy`). */
  upstream?: string;
  /** Turn request and response violations into error responses (`--errors`). Defaults to false. */
  errors?: boolean;
  /** Path of the spec to serve. Defaults to the project's `openapi/multi-entity.yaml`. */
  spec?: string;
  /**
   * How long to wait for Prism's "listening" line, in ms, to catch a Prism that hangs (it is ready in about 3 s on an
   * idle 2-core machine; a busy one may take several times that). Defaults to 120000.
   */
  readyTimeoutMs?: number;
}

/** A Prism process that is listening. */
export interface RunningPrism {
  /** Base URL, e.g. `http://127.0.0.1:40123`, as Prism first listened. */
  url: string;
  /**
   * The URL Prism listens on now: Prism reloads itself when the spec file changes, and listens on a new port (the
   * OS picks it again). Follows Prism's latest "listening" line.
   */
  currentUrl(): string;
  /** Everything Prism has printed so far. */
  log(): string;
  /** Lines Prism printed before it was ready that are warnings or errors (a clean spec gives none). */
  startupProblems: string[];
  /** Stops the process and waits for it to exit (SIGTERM, then SIGKILL after 3 s). */
  stop(): Promise<void>;
}

const LISTENING = /Prism is listening on (http:\/\/\S+)/;
const LISTENING_ALL = new RegExp(LISTENING.source, "g");
// Prism marks problems with ⚠/✖ and the words warning/error/fatal; "info" and "start" lines are fine.
const PROBLEM = /⚠|✖|\bwarn(ing)?\b|\berror\b|\bfatal\b/i;

/**
 * Boots `prism mock|proxy` on a port the OS picks (`-p 0`, so no fixed ports and no race for a free one), waits
 * for its "listening" line, and returns its URL. The child is killed when this process exits, so a crashed test
 * run leaves no orphan behind.
 */
export async function startPrism(options: PrismOptions = {}): Promise<RunningPrism> {
  const mode = options.mode ?? "mock";
  const args = [PRISM_CLI, mode];
  if (mode === "proxy") {
    if (!options.upstream) throw new Error("startPrism: proxy mode needs an upstream URL");
    args.push(options.spec ?? DEFAULT_SPEC, options.upstream);
  } else {
    args.push(options.spec ?? DEFAULT_SPEC);
  }
  args.push("--host", "127.0.0.1", "--port", "0");
  if (options.errors) args.push("--errors");

  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env } });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  let output = "";
  let latestUrl: string | undefined;
  const onData = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output += text;
    // The tail covers a "listening" line split across two chunks.
    const found = [...output.slice(-(text.length + 200)).matchAll(LISTENING_ALL)].at(-1)?.[1];
    if (found) latestUrl = found;
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);

  const url = await waitForListening(child, () => output, options.readyTimeoutMs ?? 120_000).catch(async (error) => {
    await stopChild(child);
    process.removeListener("exit", killOnExit);
    throw error;
  });
  const startupProblems = output.split("\n").filter((line) => PROBLEM.test(line));

  return {
    url,
    currentUrl: () => latestUrl ?? url,
    log: () => output,
    startupProblems,
    async stop() {
      await stopChild(child);
      process.removeListener("exit", killOnExit);
    },
  };
}

function waitForListening(child: ChildProcess, log: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Prism did not start listening within ${timeoutMs} ms. Its log:\n${log()}`));
    }, timeoutMs);
    const onData = () => {
      const match = LISTENING.exec(log());
      if (match?.[1]) {
        cleanup();
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`Prism exited (code ${code}) before listening. Its log:\n${log()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
