import { printable } from "../hierarchy/cli/printable.js";

/** What the command reads from and writes to: the process's, or a test's. */
export interface ServeIo {
  /** Writes a line on stdout (the base URL only). */
  out(line: string): void;
  /** Writes a line on stderr (the request log, warnings, errors). */
  err(line: string): void;
  /** Resolves with the signal's name at the first SIGINT or SIGTERM; a second one ends the process at once. */
  stopped(): Promise<string>;
}

/**
 * The process's own streams and signals. What they write is printable: a seed or state file's names, a request's
 * path and an error's message are data, whose control characters are written as escapes (`\u001b`).
 */
export function processIo(): ServeIo {
  return {
    out: (line) => process.stdout.write(`${printable(line)}\n`),
    err: (line) => process.stderr.write(`${printable(line)}\n`),
    stopped: () =>
      new Promise((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          // A second signal while stopping: the user does not want to wait for the state to be saved.
          const force = () => {
            process.stderr.write(`zuora-stand-in: stopped by a second ${signal}, before the state was saved\n`);
            process.exit(1);
          };
          process.on("SIGINT", force).on("SIGTERM", force);
          resolve(signal);
        };
        process.once("SIGINT", stop).once("SIGTERM", stop);
      }),
  };
}
