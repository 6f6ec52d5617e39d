import { HierarchyFileError, placed } from "../hierarchy/file/readHierarchy.js";
import {
  createStandIn,
  type ListeningStandIn,
  listen,
  SeedError,
  type StandIn,
  type TenantByName,
} from "../stand-in/node.js";
import { isLoopback, parseServeArgs, type ServeArgs, UsageError } from "./args.js";
import { EXIT_CODES, HELP } from "./help.js";
import type { ServeIo } from "./io.js";
import { logLine } from "./requestLog.js";
import { StateSaver } from "./saveSchedule.js";
import { readSeedFile, type SeedFile } from "./seedFile.js";
import { claimStateFile, readStateFile, removeAbandonedWrites, StateFileError, writeStateFile } from "./stateFile.js";
import { packageVersion } from "./version.js";

/** Methods that never change the tenant (every other request may, and is followed by a save). */
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Runs `zuora-stand-in` with `argv` (the arguments after the program's name): checks everything it was given, starts
 * the stand-in, prints its base URL on stdout, serves until `io.stopped()`, and resolves to the exit code
 * ({@link EXIT_CODES}). Nothing is served unless the seed and state files were read without a problem.
 */
export async function main(argv: readonly string[], io: ServeIo): Promise<number> {
  let args: ServeArgs;
  try {
    args = parseServeArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`Error: ${error.message}`);
    io.err("Run zuora-stand-in --help for usage.");
    return EXIT_CODES.usage;
  }
  if (args.help) {
    io.out(HELP);
    return EXIT_CODES.stopped;
  }
  if (args.version) {
    io.out(`zuora-stand-in ${await packageVersion()}`);
    return EXIT_CODES.stopped;
  }

  let seedFile: SeedFile | undefined;
  if (args.seed !== undefined) {
    try {
      seedFile = await readSeedFile(args.seed);
    } catch (error) {
      if (error instanceof HierarchyFileError) {
        for (const problem of error.problems) io.err(`Error: ${placed(error.source, problem)}`);
        return EXIT_CODES.failed;
      }
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      return failed(io, `${args.seed}: ${missing ? "no such file" : message(error)}`);
    }
  }
  let standIn: StandIn;
  try {
    standIn = createStandIn({ ...args.options, ...(seedFile ? { seed: seedFile.seed } : {}) });
  } catch (error) {
    if (error instanceof SeedError && seedFile) {
      for (const problem of error.problems) io.err(`Error: ${seedFile.locate(problem)}: ${problem.message}`);
      return EXIT_CODES.failed;
    }
    io.err(`Error: ${optionFlag(message(error))}${message(error)}`);
    io.err("Run zuora-stand-in --help for usage.");
    return EXIT_CODES.usage;
  }

  let saver: StateSaver | undefined;
  let letGo = async () => {};
  if (args.state !== undefined) {
    const path = args.state;
    let saved: TenantByName | undefined;
    try {
      letGo = await claimStateFile(path);
      saved = await readStateFile(path);
      if (saved !== undefined) standIn.restore(saved);
    } catch (error) {
      await letGo();
      if (error instanceof StateFileError) return failed(io, error.message);
      if (error instanceof SeedError) {
        return failed(
          io,
          `${path}: is not a state this stand-in can load:\n  ${error.problems.map(line).join("\n  ")}`,
        );
      }
      throw error;
    }
    await removeAbandonedWrites(path);
    const save = () => writeStateFile(path, standIn.stateByName());
    saver = new StateSaver(save, (error) => io.err(`Error: could not save the state to ${path}: ${message(error)}`));
  }

  // Listened for before the URL is printed: whoever reads it may stop the command at once.
  const stopped = io.stopped();
  let server: ListeningStandIn;
  try {
    server = await listen({ fetch: served(standIn, args, io, saver) }, { host: args.host, port: args.port });
  } catch (error) {
    await letGo();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      return failed(io, `port ${args.port} on ${args.host} is in use: give another --port, or --port 0 for a free one`);
    }
    return failed(io, `cannot listen on ${args.host} port ${args.port}: ${message(error)}`);
  }
  // Said before the URL, so that no request's log line comes before it.
  if (args.log !== "off") {
    const from = [args.seed && `seeded from ${args.seed}`, args.state && `state in ${args.state}`].filter(Boolean);
    io.err(`zuora-stand-in ${await packageVersion()} on ${server.url}${from.length ? ` (${from.join(", ")})` : ""}`);
  }
  if (!isLoopback(args.host)) {
    io.err(`Warning: serving on ${args.host}: whoever reaches ${server.url} can read and change the tenant.`);
  }
  io.out(server.url);

  await stopped;
  await server.close();
  try {
    await saver?.flush();
  } catch (error) {
    return failed(io, `could not save the state to ${args.state}: ${message(error)}`);
  } finally {
    await letGo();
  }
  return EXIT_CODES.stopped;
}

/** The stand-in's `fetch`, with each request logged and each change saved. */
function served(
  standIn: StandIn,
  args: ServeArgs,
  io: ServeIo,
  saver: StateSaver | undefined,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const started = performance.now();
    let status: number | undefined;
    try {
      const response = await standIn.fetch(request);
      status = response.status;
      return response;
    } finally {
      if (saver && !READS.has(request.method)) saver.changed();
      if (args.log !== "off") {
        const path = new URL(request.url).pathname;
        const text = logLine(args.log, { method: request.method, path, status, ms: performance.now() - started });
        if (text !== undefined) io.err(text);
      }
    }
  };
}

/** The flag a refused option came from, for the message (`createStandIn`'s names its option). */
function optionFlag(text: string): string {
  if (/latency/i.test(text)) return "--latency: ";
  if (/limits/i.test(text)) return "--limits: ";
  if (/auth/i.test(text)) return "--auth: ";
  return "";
}

function failed(io: ServeIo, text: string): number {
  io.err(`Error: ${text}`);
  return EXIT_CODES.failed;
}

function line(problem: { path: (string | number)[]; message: string }): string {
  return `${problem.path.join(".")}: ${problem.message}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
