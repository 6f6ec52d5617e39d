/**
 * `npm test`: the type-check (`tsc --noEmit` over sources, tests and examples) and the vitest suites, side by side.
 *
 * Why side by side: the suites spend much of their time waiting on child processes (Prism, npm, Chromium), and
 * the type-check fills that idle core; one after the other cost about 7 s more on the 2-core machine. vitest's
 * output streams as it comes; tsc's is printed once vitest is done, so the two never interleave. Arguments go to
 * vitest (`npm test -- contract-tests/lifecycle.test.ts`). The exit code is 0 only when both passed.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSC = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
const VITEST = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));

/** Runs `node <script> <args>` in the project root; resolves to its exit code (1 when killed by a signal). */
function runNode(script: string, args: string[], capture: boolean): { done: Promise<number>; output: () => string } {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  // A signal sent to this process (not through the terminal, which reaches the whole group) reaches both children.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  const done = new Promise<number>((resolve) => {
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
  return { done, output: () => output };
}

const typecheck = runNode(TSC, ["--noEmit"], true);
const suites = runNode(VITEST, ["run", ...process.argv.slice(2)], false);
const [typecheckCode, suitesCode] = await Promise.all([typecheck.done, suites.done]);

console.log(typecheckCode === 0 ? "\ntype-check (tsc --noEmit): no errors" : "\ntype-check (tsc --noEmit) failed:");
if (typecheckCode !== 0) console.log(typecheck.output());
process.exitCode = typecheckCode === 0 && suitesCode === 0 ? 0 : 1;
