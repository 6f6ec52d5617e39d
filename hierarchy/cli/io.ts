import { createInterface } from "node:readline/promises";

/** What a command reads from and writes to: the process's streams, or a test's. */
export interface Io {
  /** Writes a line of the command's result (stdout). */
  out(line: string): void;
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

/**
 * `text` with each control character but a line break and a tab written as its escape (`\u001b`), except the colour
 * codes this command writes itself (`ESC[1;31m`): what a tenant holds (a display name is any text up to 255
 * characters) or a server says must not move the cursor, clear the screen, retitle the window or rewrite a line on
 * the terminal of the person reading the plan.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (found) =>
    found.length > 1 ? found : `\\u${found.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

// A colour code (kept), or a C0 control other than a tab or line break, DEL, or a C1 control (each escaped).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
const CONTROL = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The process's own streams; what they write is {@link printable}. */
export function processIo(): Io {
  return {
    out: (line) => process.stdout.write(`${printable(line)}\n`),
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
