import { UsageError } from "../io.js";

/** One option of a command, as its help shows it and its parser reads it. */
export interface OptionSpec {
  /** The long name, without dashes: `detailed-exitcode`. */
  name: string;
  /** A one-letter short name, without the dash: `o`. */
  short?: string;
  /** The value's name in the help (`PLAN`); without it the option is a flag that takes no value. */
  value?: string;
  /** Whether the option may be given more than once (each value is kept). */
  repeatable?: boolean;
  /** What it does, for the help. */
  help: string;
}

/** What the command line said, before a command makes it typed: each option's values, and the positionals. */
export interface ParsedOptions {
  /** A flag's `true`, or the values of an option that takes one, in order. */
  readonly values: ReadonlyMap<string, true | readonly string[]>;
  readonly positionals: readonly string[];
}

/**
 * Reads `argv` against a command's options: `--name`, `--name=value` and `--name value`, a short `-o value`, and
 * Terraform's single-dash spellings (`-auto-approve`, `-out=PLAN`), which are taken as the double-dash option of the
 * same name. `--` ends the options.
 *
 * @throws {UsageError} for an unknown option (naming the options there are, in their double-dash spelling), a value
 * missing or given to a flag, or an option given twice that may not be.
 */
export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[]): ParsedOptions {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const values = new Map<string, true | string[]>();
  const positionals: string[] = [];
  const set = (spec: OptionSpec, written: string, value: string | undefined) => {
    const held = values.get(spec.name);
    if (spec.value === undefined) {
      if (value !== undefined) throw new UsageError(`${written} takes no value`);
      values.set(spec.name, true);
      return;
    }
    if (value === undefined) throw new UsageError(`${written} needs a value: ${written} ${spec.value}`);
    if (Array.isArray(held)) {
      if (!spec.repeatable) throw new UsageError(`${written} is given twice`);
      held.push(value);
    } else values.set(spec.name, [value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    const long = /^--?([A-Za-z][\w-]*)(?:=([\s\S]*))?$/.exec(arg);
    const single = !arg.startsWith("--");
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (single && arg.length === 2) spec = byShort.get(arg.slice(1));
    else if (single && /^-[A-Za-z]=/.test(arg)) {
      spec = byShort.get(arg[1] as string);
      inline = arg.slice(3);
    } else if (long) {
      spec = byName.get(long[1] as string);
      inline = long[2];
    }
    if (!spec) {
      const names = specs.map((s) => `--${s.name}`).join(", ");
      throw new UsageError(`unknown option ${arg.split("=")[0]} (the options here are ${names})`);
    }
    const written = arg.split("=")[0] as string;
    if (spec.value !== undefined && inline === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("-") && next !== "-")) set(spec, written, undefined);
      set(spec, written, next);
      i++;
    } else set(spec, written, inline);
  }
  return { values, positionals };
}

/** A flag's value: whether it was given. */
export function flag(parsed: ParsedOptions, name: string): boolean {
  return parsed.values.get(name) === true;
}

/** The one value of an option, or undefined when it was not given. */
export function single(parsed: ParsedOptions, name: string): string | undefined {
  const value = parsed.values.get(name);
  return Array.isArray(value) ? value[0] : undefined;
}

/** Every value of a repeatable option, in order (none when it was not given). */
export function all(parsed: ParsedOptions, name: string): readonly string[] {
  const value = parsed.values.get(name);
  return Array.isArray(value) ? value : [];
}
