import { type ChildProcess, execFile, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "stand-in-cli/bin.ts");
const run = promisify(execFile);

/** A `zuora-stand-in` process, serving. */
export interface Served {
  url: string;
  child: ChildProcess;
  /** Everything written on stderr so far. */
  stderr(): string;
  /** Sends the signal and resolves to the exit code (or the signal that ended it). */
  stop(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals>;
}

const running = new Set<ChildProcess>();

/** Ends every command still running (a failed test's): each by its own process, never by name. */
export function killAll(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

/** Starts the command with `args`; resolves once its first line (the base URL) is on stdout. */
export async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, ["--import", "tsx", BIN, ...args], { cwd: ROOT, stdio: "pipe" });
  running.add(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 1);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const newline = out.indexOf("\n");
      if (newline !== -1) resolve(out.slice(0, newline));
    });
    void exited.then((code) => reject(new Error(`zuora-stand-in exited (${code}) before serving:\n${stderr}`)));
  });
  return {
    url,
    child,
    stderr: () => stderr,
    stop(signal = "SIGTERM") {
      child.kill(signal);
      return exited;
    },
  };
}

/** Runs the command to its end (for calls that never serve); resolves to its exit code and streams. */
export async function runCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, ["--import", "tsx", BIN, ...args], { cwd: ROOT }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** Runs `zuora-entities` (from source) to its end against the tenant at `baseUrl`. */
export async function runEntities(
  args: string[],
  baseUrl: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, ZUORA_BASE_URL: baseUrl, ZUORA_ACCESS_TOKEN: "any-token", NO_COLOR: "1" };
  return run(process.execPath, ["--import", "tsx", join(ROOT, "hierarchy/cli/bin.ts"), ...args], {
    cwd: ROOT,
    env,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
