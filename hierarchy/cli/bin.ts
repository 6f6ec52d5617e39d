#!/usr/bin/env node
import { processIo } from "./io.js";
/** The `zuora-entities` command: `main` with the process's arguments and streams. */
import { main } from "./main.js";

// A reader that closed the pipe (`zuora-entities show | head -1`) wants no more: end quietly, not with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2), processIo());
