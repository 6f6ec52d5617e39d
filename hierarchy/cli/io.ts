import { createInterface } from "node:readline/promises";
import { printable, printableColoured } from "./printable.js";

/** What a command reads from and writes to: the process's streams, or a test's. */
export interface Io {
  /**
   * Writes a line of the command's result (stdout). A `coloured` line keeps its colour codes: its view made its data
   * printable before colouring it; any other line has every control character escaped.
   */
  out(line: string, coloured?: boolean): void;
  /** Writes a line of progress or an error (stderr). */
  err(line: string): void;
  env: Record<string, string | undefined>;
  /** Whether stdin is a terminal a person can answer a question on. */
  interactive: boolean;
  /** Whether stdout takes colours: a terminal, and `NO_COLOR` unset or empty. */
  color: boolean;
  /** Asks a question on the terminal and resolves to the answer. */
  ask(question: string): Promise<string>;
  /** Calls `listener` once on Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(listener: () => void): () => void;
}

/** Colours only on a terminal, and never when `NO_COLOR` is set to anything but "" (no-color.org). */
export function wantsColor(env: Record<string, string | undefined>, terminal: boolean): boolean {
  return terminal && (env.NO_COLOR ?? "") === "";
}

/** The process's own streams; what they write is {@link printable} (or {@link printableColoured}). */
export function processIo(): Io {
  return {
    out: (line, coloured) => process.stdout.write(`${coloured ? printableColoured(line) : printable(line)}\n`),
    err: (line) => process.stderr.write(`${printable(line)}\n`),
    env: process.env,
    interactive: process.stdin.isTTY === true,
    color: wantsColor(process.env, process.stdout.isTTY === true),
    async ask(question) {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
    onInterrupt(listener) {
      process.once("SIGINT", listener);
      return () => process.removeListener("SIGINT", listener);
    },
  };
}

/** A mistake in how the command was called (exit 1, with a pointer to `--help`). */
export class UsageError extends Error {
  override name = "UsageError";
}
