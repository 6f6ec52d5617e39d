import { DEFAULT_PARALLELISM } from "../../tenant/readTenant.js";
import { UsageError } from "../io.js";
import { type OptionSpec, type ParsedOptions, single } from "./parseOptions.js";

/** `-h`, `--help`: every command has it. */
export const HELP: OptionSpec = { name: "help", short: "h", help: "this text" };
/** `--no-color`: as `NO_COLOR`, for one run. */
export const NO_COLOR: OptionSpec = { name: "no-color", help: "no colours (as NO_COLOR=1)" };
/** `--json`: the output as JSON lines. */
export const JSON_LINES: OptionSpec = {
  name: "json",
  help: "the output as JSON, one object per line (errors too); progress stays on stderr",
};
/** `--base-url URL`: the tenant. */
export const BASE_URL: OptionSpec = { name: "base-url", value: "URL", help: "the tenant (default: ZUORA_BASE_URL)" };
/** `--parallelism N`: requests at once. */
export const PARALLELISM: OptionSpec = {
  name: "parallelism",
  value: "N",
  help: `requests at once, 1 to 64 (default ${DEFAULT_PARALLELISM})`,
};
/** `--parallelism`'s value, checked: a whole number from 1 to 64; the default when not given. */
export function parallelismOf(parsed: ParsedOptions): number {
  const given = single(parsed, "parallelism");
  if (given === undefined) return DEFAULT_PARALLELISM;
  const n = Number(given);
  if (!/^\d+$/.test(given) || n < 1 || n > 64) {
    throw new UsageError(`--parallelism must be a whole number from 1 to 64, not ${given}`);
  }
  return n;
}

/** The one positional a command takes (FILE), when it must be there; none other may be given. */
export function onePositional(parsed: ParsedOptions, command: string, what: string): string {
  const [first, ...extra] = parsed.positionals;
  if (first === undefined) throw new UsageError(`${command} needs ${what}`);
  if (extra.length > 0) throw new UsageError(`${command} takes one ${what}, not ${parsed.positionals.length}`);
  return first;
}

/** The positional a command may take (show's FILE), or undefined; none other may be given. */
export function optionalPositional(parsed: ParsedOptions, command: string, what: string): string | undefined {
  if (parsed.positionals.length > 1) throw new UsageError(`${command} takes at most one ${what}`);
  return parsed.positionals[0];
}
