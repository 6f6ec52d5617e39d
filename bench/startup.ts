/**
 * Start-up for `npm run bench`: what a process pays to import the package and make a client, as a serverless
 * function pays it on every cold start. Whole Node processes, spawned one after another and interleaved (round by
 * round, the order rotating) so that the machine's load falls on each alike; the median of each.
 *
 * - `node -e ""`: the floor, Node itself.
 * - openapi-fetch: `import createClient from "openapi-fetch"` and `createClient(...)`, what a user would pick instead.
 * - the package: `import { createZuoraClient } from "zuora-multi-entity"` and `createZuoraClient(...)`, resolved
 *   by the package's own name through package.json's `exports` to `dist/`, the files a user installs.
 * - each of the two again, making one call (createEntity's reference request) to the bench's loopback server: a cold
 *   start that does its work, with what the first call loads (Node's fetch among it).
 *
 * The budget compares the two importing processes' whole times. Times are printed, never asserted; a process that
 * fails fails the run.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { entityBody } from "./clients.js";
import { summarize } from "./measure.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The package's process over openapi-fetch's, whole times (the "import + createZuoraClient ≤ 1.15 ×"). */
export const STARTUP_RATIO_BUDGET = 1.15;

const KINDS = [
  "node",
  "openapi-fetch",
  "zuora-multi-entity",
  "openapi-fetch, one call",
  "zuora-multi-entity, one call",
] as const;
type Kind = (typeof KINDS)[number];

/** Each process's Node arguments; the calling ones send to `baseUrl` and exit non-zero on anything but a success. */
function processes(baseUrl: string): Record<Kind, string[]> {
  const options = JSON.stringify({ baseUrl });
  const body = JSON.stringify(entityBody);
  const module = (code: string) => ["--input-type=module", "-e", code];
  const openapiFetch = `import createClient from "openapi-fetch"; const client = createClient(${options});`;
  const zuora = `import { createZuoraClient } from "zuora-multi-entity"; const zuora = createZuoraClient({ ...${options}, auth: "bench-token" });`;
  return {
    node: ["-e", ""],
    "openapi-fetch": module(openapiFetch),
    "zuora-multi-entity": module(zuora),
    "openapi-fetch, one call": module(
      `${openapiFetch} const { data } = await client.POST("/v1/entities", { body: ${body}, headers: { Authorization: "Bearer bench-token" } }); if (data?.success !== true) process.exit(1);`,
    ),
    "zuora-multi-entity, one call": module(`${zuora} await zuora.createEntity(${body});`),
  };
}

/** What the start-up bench measured, in ms (medians of whole processes). */
export interface StartupBench {
  runs: number;
  medianMs: Record<Kind, number>;
  /** zuora-multi-entity's process over openapi-fetch's, whole times: the budgeted figure. */
  ratio: number;
  /** The same, each process making one call. */
  oneCallRatio: number;
  budget: number;
}

/** Spawns one process from the package's root and resolves with its wall time in ms; rejects if it fails. */
function timeProcess(kind: Kind, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve(ms);
      else reject(new Error(`start-up: the ${kind} process exited with ${code}: ${stderr.trim()}`));
    });
  });
}

/** Times `runs` rounds of every process (one warm-up round first, not counted: the disk cache). */
export async function benchStartup(baseUrl: string, runs: number): Promise<StartupBench> {
  const args = processes(baseUrl);
  for (const kind of KINDS) await timeProcess(kind, args[kind]);
  const samples = Object.fromEntries(KINDS.map((kind) => [kind, [] as number[]])) as Record<Kind, number[]>;
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < KINDS.length; i++) {
      const kind = KINDS[(round + i) % KINDS.length] as Kind;
      samples[kind].push(await timeProcess(kind, args[kind]));
    }
  }
  const medianMs = Object.fromEntries(KINDS.map((kind) => [kind, summarize(samples[kind]).median])) as Record<
    Kind,
    number
  >;
  return {
    runs,
    medianMs,
    ratio: medianMs["zuora-multi-entity"] / medianMs["openapi-fetch"],
    oneCallRatio: medianMs["zuora-multi-entity, one call"] / medianMs["openapi-fetch, one call"],
    budget: STARTUP_RATIO_BUDGET,
  };
}

/** The bench's lines for start-up. */
export function startupLines(s: StartupBench): string[] {
  const m = s.medianMs;
  const ms = (kind: Kind) => `${m[kind].toFixed(1)} ms`;
  const added = (kind: Kind) => `+${(m[kind] - m.node).toFixed(1)} ms`;
  const within = s.ratio <= s.budget ? "within" : "OVER";
  return [
    `start-up, whole processes (median of ${s.runs} each, interleaved): node -e "" ${ms("node")}; ` +
      `import + createClient from openapi-fetch ${ms("openapi-fetch")} (${added("openapi-fetch")}); ` +
      `import + createZuoraClient from dist/ ${ms("zuora-multi-entity")} (${added("zuora-multi-entity")})`,
    `start-up with one createEntity on the loopback server: openapi-fetch ${ms("openapi-fetch, one call")} ` +
      `(${added("openapi-fetch, one call")}), zuora-multi-entity ${ms("zuora-multi-entity, one call")} ` +
      `(${added("zuora-multi-entity, one call")}): ${s.oneCallRatio.toFixed(3)}`,
    `budget, start-up (whole processes, import + client, zuora-multi-entity/openapi-fetch): ${s.ratio.toFixed(3)} (${within} the ${s.budget.toFixed(2)} budget)`,
  ];
}
