import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Io } from "../../../hierarchy/cli/io.js";
import { main } from "../../../hierarchy/cli/main.js";
import { createStandIn, type ListeningStandIn, listen, type StandIn } from "../../../stand-in/node.js";

/** The repository's root, where the command runs. */
export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
/** The command's source, run with tsx. */
export const BIN = join(ROOT, "hierarchy/cli/bin.ts");
/** The README's example file. */
export const EXAMPLE = join(ROOT, "examples/hierarchy.yaml");
const run = promisify(execFile);

/** What a run of the command left: its exit code and both streams. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A served stand-in (reset before each test) and a scratch folder, for the tests of one file. */
export interface CliHarness {
  standIn: StandIn;
  /** The listening stand-in (set once the file's tests start). */
  server(): ListeningStandIn;
  /** A folder for the files a test writes. */
  dir(): string;
  /** Runs `zuora-entities` as a child process against the listening stand-in. */
  cli(args: string[], env?: Record<string, string>): Promise<Run>;
  /** Runs the same `main` in this process (no terminal), for the cases that need no process of their own. */
  inProcess(args: string[], env?: Record<string, string>): Promise<Run>;
  /** The requests that reached the stand-in that were not reads. */
  writes(): ReturnType<StandIn["requests"]>;
}

/** Registers the hooks that serve a stand-in for a test file's CLI cases, and returns how to run the command. */
export function cliHarness(standIn: StandIn = createStandIn()): CliHarness {
  let server: ListeningStandIn | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    server = await listen(standIn);
    dir = await mkdtemp(join(tmpdir(), "zuora-entities-"));
  });
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => standIn.reset());
  const serving = () => {
    if (!server) throw new Error("the stand-in is not listening yet");
    return server;
  };
  const tenantEnv = () => ({ ZUORA_BASE_URL: serving().url, ZUORA_ACCESS_TOKEN: "cli-token" });
  return {
    standIn,
    server: serving,
    dir: () => {
      if (!dir) throw new Error("no folder yet");
      return dir;
    },
    cli: (args, env = {}) =>
      run(process.execPath, ["--import", "tsx", BIN, ...args], {
        cwd: ROOT,
        env: { ...process.env, ...tenantEnv(), NO_COLOR: "1", ...env },
      }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      ),
    inProcess: async (args, env = {}) => {
      const { io, out, err } = captureIo({ ...tenantEnv(), ...env });
      const code = await main(args, { ...io, interactive: false });
      return { code, stdout: out.join("\n"), stderr: err.join("\n") };
    },
    writes: () => standIn.requests().filter((r) => r.method !== "GET"),
  };
}

/** An Io that records, on a terminal answering `answer`. */
export function captureIo(
  env: Record<string, string> = { ZUORA_BASE_URL: "http://127.0.0.1:9", ZUORA_ACCESS_TOKEN: "any-token" },
  answer = "",
) {
  const out: string[] = [];
  const err: string[] = [];
  const questions: string[] = [];
  const interrupts: (() => void)[] = [];
  const io: Io = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env,
    interactive: true,
    color: false,
    ask: async (question) => {
      questions.push(question);
      return answer;
    },
    onInterrupt: (listener) => {
      interrupts.push(listener);
      return () => interrupts.splice(interrupts.indexOf(listener), 1);
    },
  };
  return { io, out, err, questions, interrupts };
}
