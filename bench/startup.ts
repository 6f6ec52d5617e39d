/**
 * Start-up for `npm run bench`: what a process pays to import the package and make a client, as a serverless
 * function pays it on every cold start. Whole Node processes, spawned one after another and interleaved (round by
 * round, the order rotating) so that the machine's load falls on each alike; the median of each.
 *
 * - `node -e ""`: the floor, Node itself.
 * - openapi-fetch: `import createClient from "openapi-fetch"` and `createClient(...)`, what a user would pick instead.
 * - the package: `import { createZuoraClient } from "zuora-multi-entity"` and `createZuoraClient(...)`, resolved
 *   by the package's own name through package.json's `exports` to `dist/`, the files a user installs.
 *
 * The budget compares the two importing processes' whole times. Times are printed, never asserted; a process that
 * fails fails the run.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { summarize } from "./measure.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BASE_URL = "https://rest.test.zuora.com";

/** The package's process over openapi-fetch's, whole times (the "import + createZuoraClient ≤ 1.15 ×"). */
export const STARTUP_RATIO_BUDGET = 1.15;

/** The three processes, each as Node's arguments. */
const PROCESSES = {
  node: ["-e", ""],
  "openapi-fetch": [
    "--input-type=module",
    "-e",
    `import createClient from "openapi-fetch"; createClient({ baseUrl: "${BASE_URL}" });`,
  ],
  "zuora-multi-entity": [
    "--input-type=module",
    "-e",
    `import { createZuoraClient } from "zuora-multi-entity"; createZuoraClient({ baseUrl: "${BASE_URL}", auth: "token" });`,
  ],
} as const;
type Name = keyof typeof PROCESSES;

/** What the start-up bench measured, in ms (medians of whole processes). */
export interface StartupBench {
  runs: number;
  medianMs: Record<Name, number>;
  /** zuora-multi-entity's process over openapi-fetch's, whole times: the budgeted figure. */
  ratio: number;
  /** What each adds to Node's floor, in ms. */
  addedMs: { "openapi-fetch": number; "zuora-multi-entity": number };
  budget: number;
}

/** Spawns one process from the package's root and resolves with its wall time in ms; rejects if it fails. */
function timeProcess(name: Name): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, PROCESSES[name], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve(ms);
      else reject(new Error(`start-up: the ${name} process exited with ${code}: ${stderr.trim()}`));
    });
  });
}

/** Times `runs` rounds of the three processes (one warm-up round first, not counted: the disk cache). */
export async function benchStartup(runs: number): Promise<StartupBench> {
  const names = Object.keys(PROCESSES) as Name[];
  for (const name of names) await timeProcess(name);
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as Name;
      samples[name].push(await timeProcess(name));
    }
  }
  const medianMs = Object.fromEntries(names.map((name) => [name, summarize(samples[name]).median])) as Record<
    Name,
    number
  >;
  return {
    runs,
    medianMs,
    ratio: medianMs["zuora-multi-entity"] / medianMs["openapi-fetch"],
    addedMs: {
      "openapi-fetch": medianMs["openapi-fetch"] - medianMs.node,
      "zuora-multi-entity": medianMs["zuora-multi-entity"] - medianMs.node,
    },
    budget: STARTUP_RATIO_BUDGET,
  };
}

/** The bench's lines for start-up. */
export function startupLines(s: StartupBench): string[] {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const within = s.ratio <= s.budget ? "within" : "OVER";
  return [
    `start-up, whole processes (median of ${s.runs} each, interleaved): node -e "" ${ms(s.medianMs.node)}; ` +
      `import + createClient from openapi-fetch ${ms(s.medianMs["openapi-fetch"])} (+${ms(s.addedMs["openapi-fetch"])}); ` +
      `import + createZuoraClient from dist/ ${ms(s.medianMs["zuora-multi-entity"])} (+${ms(s.addedMs["zuora-multi-entity"])})`,
    `budget, start-up (whole processes, zuora-multi-entity/openapi-fetch): ${s.ratio.toFixed(3)} (${within} the ${s.budget.toFixed(2)} budget)`,
  ];
}
