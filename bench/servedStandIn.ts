/**
 * The served stand-in (`zuora-stand-in`, the built `dist/stand-in-cli/bin.js`) for `npm run bench`: how long a
 * process takes from its start to its first answer, seeded from a 1,000-entity hierarchy file; and loading a
 * 50,000-entity `--state` file, as a whole process (start to first answer) and in this process (`restore()` of the
 * parsed file). Whole processes one after another, the median of each; printed beside the machine's load, never
 * asserted. Run alone with `node --import tsx bench/servedStandIn.ts` after `npm run build`.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createStandIn } from "../stand-in/index.js";
import { summarize } from "./measure.js";

const BIN = fileURLToPath(new URL("../dist/stand-in-cli/bin.js", import.meta.url));
const SEED_ENTITIES = 1_000;
const STATE_ENTITIES = 50_000;

/** Budgets, in ms: the issue's. */
export const SERVED_BUDGETS = { startWithSeedMs: 300, loadStateMs: 2_000 };

/** What the served stand-in's bench measured, in ms. */
export interface ServedStandInBench {
  runs: number;
  /** Spawn to the first answer (`GET /__stand-in/health`), seeded from a 1,000-entity hierarchy file. */
  startWithSeedMs: number;
  /** The same with no seed: what the 1,000 entities add. */
  startBareMs: number;
  /** Spawn to the first answer, loading a 50,000-entity state file. */
  loadStateMs: number;
  /** In this process: parsing that file and restoring it into a stand-in. */
  restoreStateMs: number;
  stateFileBytes: number;
  /** The 1-minute load average when the bench ran (the machine is shared). */
  loadAverage: number;
}

/** A hierarchy file of `count` entities: regions under the global entity, countries under them. */
function hierarchyFile(count: number): string {
  const lines = ["version: 1", "entities:", "  Global:", "    locale: en_US", "    timezone: America/Los_Angeles"];
  for (let i = 1; i < count; i++) {
    const parent = i <= 20 ? "Global" : `Entity-${1 + (i % 20)}`;
    lines.push(`  Entity-${i}:`, `    parent: ${parent}`, "    locale: en_GB", "    timezone: Europe/London");
    if (i <= 20) lines.push("    provisioned: true");
  }
  lines.push("connections:");
  for (let i = 2; i <= 20; i++) lines.push(`  - { from: Entity-1, to: Entity-${i}, status: Connected }`);
  return `${lines.join("\n")}\n`;
}

/** Spawns the command and resolves to the ms from the spawn to its first answer; stops it after. */
async function toFirstAnswer(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "--log", "off", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        if (out.includes("\n")) resolve(out.slice(0, out.indexOf("\n")));
      });
      child.once("exit", (code) => reject(new Error(`zuora-stand-in exited with ${code}`)));
    });
    const response = await fetch(`${url}/__stand-in/health`);
    if (response.status !== 200) throw new Error(`health answered ${response.status}`);
    return performance.now() - started;
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

/** Runs the served stand-in's bench: `runs` processes of each kind, interleaved. */
export async function benchServedStandIn(runs: number): Promise<ServedStandInBench> {
  const dir = await mkdtemp(join(tmpdir(), "zuora-stand-in-bench-"));
  try {
    const seedFile = join(dir, "hierarchy.yaml");
    await writeFile(seedFile, hierarchyFile(SEED_ENTITIES));
    const stateFile = join(dir, "state.json");
    const big = createStandIn();
    const entities = Object.fromEntries(
      Array.from({ length: STATE_ENTITIES - 1 }, (_, i) => [
        `Entity-${i}`,
        { parent: i < 1000 ? "Global" : `Entity-${i % 1000}`, provisioned: i < 1000 },
      ]),
    );
    const connections = Array.from({ length: 999 }, (_, i) => ({
      from: "Entity-0",
      to: `Entity-${i + 1}`,
      status: "Connected" as const,
    }));
    big.seedByName({ entities, connections });
    await writeFile(stateFile, `${JSON.stringify(big.stateByName(), null, 2)}\n`);

    const seeded: number[] = [];
    const bare: number[] = [];
    const state: number[] = [];
    await toFirstAnswer([]); // warms the file cache for Node and the bundle
    for (let i = 0; i < runs; i++) {
      seeded.push(await toFirstAnswer(["--seed", seedFile]));
      bare.push(await toFirstAnswer([]));
      // The state file is written back when the process stops: a copy each run keeps the input the same.
      const copy = join(dir, `state-${i}.json`);
      await writeFile(copy, await readFile(stateFile));
      state.push(await toFirstAnswer(["--state", copy]));
    }
    const text = await readFile(stateFile, "utf8");
    const restores: number[] = [];
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
      const started = performance.now();
      createStandIn().restore(JSON.parse(text));
      restores.push(performance.now() - started);
    }
    return {
      runs,
      startWithSeedMs: summarize(seeded).median,
      startBareMs: summarize(bare).median,
      loadStateMs: summarize(state).median,
      restoreStateMs: summarize(restores).median,
      stateFileBytes: Buffer.byteLength(text),
      loadAverage: loadavg()[0] ?? Number.NaN,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One line per figure, with the budgets beside them. */
export function servedStandInLines(r: ServedStandInBench): string[] {
  const within = (ms: number, budget: number) => `${ms <= budget ? "within" : "OVER"} the ${budget} ms budget`;
  return [
    `zuora-stand-in, spawn to first answer (median of ${r.runs}, load average ${r.loadAverage.toFixed(2)}): ` +
      `seeded from a ${SEED_ENTITIES.toLocaleString("en")}-entity hierarchy file ${r.startWithSeedMs.toFixed(0)} ms ` +
      `(${within(r.startWithSeedMs, SERVED_BUDGETS.startWithSeedMs)}; no seed: ${r.startBareMs.toFixed(0)} ms)`,
    `zuora-stand-in --state with ${STATE_ENTITIES.toLocaleString("en")} entities ` +
      `(${(r.stateFileBytes / 1024 / 1024).toFixed(1)} MiB): spawn to first answer ${r.loadStateMs.toFixed(0)} ms ` +
      `(${within(r.loadStateMs, SERVED_BUDGETS.loadStateMs)}); parse and restore in-process ${r.restoreStateMs.toFixed(0)} ms`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of servedStandInLines(await benchServedStandIn(7))) console.log(line);
}
