import { parseArgs } from "node:util";
import { ZuoraError } from "../../src/index.js";
import { describeFailure } from "../apply/applyPlan.js";
import { HierarchyFileError } from "../file/readHierarchy.js";
import { applyCommand } from "./commands/apply.js";
import { exportCommand } from "./commands/export.js";
import { planCommand } from "./commands/plan.js";
import { showCommand } from "./commands/show.js";
import { validateCommand } from "./commands/validate.js";
import { HELP } from "./help.js";
import { type Io, UsageError } from "./io.js";

/** The options each command takes (`node:util` parseArgs's shape). */
const OPTIONS = {
  help: { type: "boolean", short: "h" },
  "base-url": { type: "string" },
  json: { type: "boolean" },
  out: { type: "string", short: "o" },
  "detailed-exitcode": { type: "boolean" },
  prune: { type: "boolean" },
  "no-rehearse": { type: "boolean" },
  "auto-approve": { type: "boolean" },
  parallelism: { type: "string" },
  format: { type: "string" },
} as const;

type OptionName = keyof typeof OPTIONS;
const ALLOWED: Record<string, readonly OptionName[]> = {
  export: ["help", "base-url", "json", "out"],
  plan: ["help", "base-url", "json", "out", "detailed-exitcode", "prune", "no-rehearse"],
  apply: ["help", "base-url", "auto-approve", "parallelism", "prune", "no-rehearse"],
  show: ["help", "base-url", "json", "format"],
  validate: ["help"],
};

/** Parsed arguments of one command. */
export type Args = { values: Partial<Record<OptionName, string | boolean>>; positionals: string[] };

/**
 * Runs `zuora-entities` with `argv` (the arguments after the program's name) and resolves to the exit code; writes
 * only through `io`. A bad call is exit 1 with a pointer to `--help`; an error is exit 1 with its message.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command = "", ...rest] = argv;
  if (command === "" || command === "--help" || command === "-h") {
    io.out(HELP[""] ?? "");
    return command === "" ? 1 : 0;
  }
  if (command === "help") {
    const text = HELP[rest[0] ?? ""];
    if (text === undefined) return usage(io, `unknown command ${rest[0]}`);
    io.out(text);
    return 0;
  }
  const allowed = ALLOWED[command];
  if (!allowed) return usage(io, `unknown command ${command}`);
  let args: Args;
  try {
    const options = Object.fromEntries(allowed.map((name) => [name, OPTIONS[name]]));
    args = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true }) as Args;
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error), command);
  }
  if (args.values.help) {
    io.out(HELP[command] ?? "");
    return 0;
  }
  try {
    switch (command) {
      case "export":
        return await exportCommand(args, io);
      case "plan":
        return await planCommand(args, io);
      case "apply":
        return await applyCommand(args, io);
      case "validate":
        return await validateCommand(args, io);
      default:
        return await showCommand(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message, command);
    if (error instanceof HierarchyFileError) io.err(`Error: ${error.message}`);
    else if (error instanceof ZuoraError) io.err(`Error: ${error.message}${reasons(error)}`);
    else io.err(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function reasons(error: ZuoraError): string {
  const said = describeFailure(error);
  return said === error.message ? "" : ` (${said})`;
}

function usage(io: Io, problem: string, command = ""): number {
  io.err(`Error: ${problem}`);
  io.err(`Run zuora-entities ${command ? `${command} ` : ""}--help for usage.`);
  return 1;
}
