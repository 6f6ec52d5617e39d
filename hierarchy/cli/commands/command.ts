import { BASE_URL, HELP, NO_COLOR } from "../arguments/common.js";
import type { OptionSpec, ParsedOptions } from "../arguments/parseOptions.js";
import type { Context } from "../context.js";

/**
 * One command of `zuora-entities`, as the table of commands holds it: what its help says, the options it reads, how
 * it turns them into its typed arguments, and what it does with them. `run` never prints by itself: it hands what
 * it has to a view (human, or JSON lines), and resolves to the exit code.
 */
export interface Command<A> {
  name: string;
  /** The usage line after `zuora-entities `: `plan FILE [options]`. */
  synopsis: string;
  /** One line, for the program's help. */
  summary: string;
  /** What it does, for its own help. */
  description: string;
  /** Its own options; {@link entry} adds the ones commands share (`--base-url`, `--no-color`, `--help`) after them. */
  options: readonly OptionSpec[];
  /** Whether it reads or changes a tenant: it then takes `--base-url`, and its help says how the tenant is named. */
  tenant: boolean;
  /** The command line, checked and typed. @throws {UsageError} naming what is wrong. */
  parse(parsed: ParsedOptions): A;
  run(args: A, context: Context): Promise<number>;
}

/** A command of the table, its arguments' type erased: parse, then run. */
export interface CommandEntry extends Omit<Command<unknown>, "parse" | "run"> {
  execute(parsed: ParsedOptions, context: Context): Promise<number>;
}

/**
 * A command as a row of the table, with the options every command shares after its own: `--base-url` when it talks
 * to a tenant, then `--no-color` and `--help`.
 */
export function entry<A>(command: Command<A>): CommandEntry {
  const { parse, run, ...described } = command;
  const shared = command.tenant ? [BASE_URL, NO_COLOR, HELP] : [NO_COLOR, HELP];
  return {
    ...described,
    options: [...command.options, ...shared],
    execute: (parsed, context) => run(parse(parsed), context),
  };
}
