#!/usr/bin/env node
/** The `zuora-stand-in` command: `main` with the process's arguments, streams and signals. */
import { processIo } from "./io.js";
import { main } from "./main.js";

// A reader that closed the pipe (`zuora-stand-in | head -1`, to read the URL) wants no more: keep serving quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});
process.exitCode = await main(process.argv.slice(2), processIo());
