/**
 * Prints the lines CI ends with for the vitest JSON reports named on the command line (default
 * `.reports/vitest.json`): each failed test, then `N passed, N failed`. See summaryLines.ts.
 */
import { summaryLines } from "./summaryLines.js";

const files = process.argv.slice(2);
for (const line of summaryLines(files.length > 0 ? files : [".reports/vitest.json"])) console.log(line);
