import { ZuoraError } from "../../src/index.js";
import { describeFailure } from "../apply/applyPlan.js";
import { HierarchyFileError } from "../file/readHierarchy.js";
import { parseOptions } from "./arguments/parseOptions.js";
import { COMMANDS, commandNamed } from "./commands/table.js";
import type { Context } from "./context.js";
import { commandHelp, programHelp } from "./help.js";
import { type Io, UsageError } from "./io.js";
import { progress } from "./progress.js";
import { fromFileProblem } from "./views/diagnostics.js";
import { showDiagnostics, showError } from "./views/errorView.js";
import { jsonStream } from "./views/jsonStream.js";

const VERSION_FLAGS = new Set(["--version", "-version", "-v"]);
const HELP_FLAGS = new Set(["--help", "-help", "-h"]);
const JSON_FLAGS = new Set(["--json", "-json"]);

/**
 * Runs `zuora-entities` with `argv` (the arguments after the program's name) and resolves to the exit code; writes
 * only through `io`. The table of commands gives the help, the parsing and the dispatch: a command parses its
 * arguments into a typed structure, runs, and shows what it has through its view (human, or JSON lines with
 * `--json`). A bad call is exit 1 with a pointer to `--help`; an error is exit 1 with its message (a JSON
 * `diagnostic` line with `--json`).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first = "", ...rest] = argv;
  if (first === "" || HELP_FLAGS.has(first)) {
    io.out(programHelp(COMMANDS));
    return first === "" ? 1 : 0;
  }
  const name = VERSION_FLAGS.has(first) ? "version" : first;
  const wantsJson = rest.some((arg) => JSON_FLAGS.has(arg));
  const context: Context = {
    io: rest.includes("--no-color") || rest.includes("-no-color") ? { ...io, color: false } : io,
    json: wantsJson ? jsonStream(io) : undefined,
    progress: progress(io.err),
  };
  if (name === "help") {
    const command = commandNamed(rest[0] ?? "");
    if (rest[0] !== undefined && command === undefined) return usage(context, `unknown command ${rest[0]}`);
    io.out(command ? commandHelp(command) : programHelp(COMMANDS));
    return 0;
  }
  const command = commandNamed(name);
  if (!command) return usage(context, `unknown command ${name}`);
  try {
    const parsed = parseOptions(rest, command.options);
    if (parsed.values.get("help") === true) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.execute(parsed, context);
  } catch (error) {
    if (error instanceof UsageError) return usage(context, error.message, command.name);
    if (error instanceof HierarchyFileError) {
      showDiagnostics(
        context,
        error.problems.map((p) => fromFileProblem(p, error.source)),
      );
    } else if (error instanceof ZuoraError) showError(context, `${error.message}${reasons(error)}`);
    else showError(context, error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    context.progress.close();
  }
}

function reasons(error: ZuoraError): string {
  const said = describeFailure(error);
  return said === error.message ? "" : ` (${said})`;
}

function usage(context: Context, problem: string, command = ""): number {
  showError(context, problem);
  if (!context.json) context.io.err(`Run zuora-entities ${command ? `${command} ` : ""}--help for usage.`);
  return 1;
}
