#!/usr/bin/env node
import { processIo } from "./io.js";
/** The `zuora-entities` command: `main` with the process's arguments and streams. */
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2), processIo());
