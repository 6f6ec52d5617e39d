import type { OptionSpec } from "./arguments/parseOptions.js";
import type { CommandEntry } from "./commands/command.js";

/** The exit codes, as every help text states them. */
export const EXIT_CODES = `Exit codes:
  0  success (with plan --detailed-exitcode: the tenant matches the file)
  1  error: a bad file or option, a refused plan, a failed or cancelled apply, a tenant changed since a saved plan,
     a saved plan made for another tenant
  2  plan --detailed-exitcode only: the tenant differs from the file (changes to make, or differences kept)`;

const TENANT = `Tenant: --base-url URL or ZUORA_BASE_URL, with ZUORA_CLIENT_ID + ZUORA_CLIENT_SECRET (OAuth) or
ZUORA_ACCESS_TOKEN; ZUORA_ENTITY_IDS names the entity reads run in, for a token valid for several (the global
entity's ID). ZUORA_LOG=debug shows every request on stderr.`;

const CONVENTIONS = `NO_COLOR (or --no-color) turns colours off. Progress goes to stderr, results to stdout. Terraform's
single-dash spellings (-auto-approve, -out=PLAN) are taken as the double-dash options.`;

/** The program's help: every command of the table, with its usage and what it does. */
export function programHelp(commands: readonly CommandEntry[]): string {
  const rows = commands.map((c) => `  ${c.synopsis}\n      ${c.summary}`);
  return `zuora-entities: a Zuora entity hierarchy as code, planned and rehearsed before the tenant is touched.

Usage: zuora-entities <command> [options]
       zuora-entities --version | --help | help <command>

Commands:
${rows.join("\n")}

Run zuora-entities <command> --help for a command's options.

${TENANT}
${CONVENTIONS}

${EXIT_CODES}`;
}

/** A command's help: its usage, what it does, its options, and the exit codes. */
export function commandHelp(command: CommandEntry): string {
  const left = (o: OptionSpec) =>
    `${o.short ? `-${o.short}, ` : ""}--${o.name}${o.value ? ` ${o.value}` : ""}${o.repeatable ? " (repeatable)" : ""}`;
  const width = Math.max(...command.options.map((o) => left(o).length));
  const options = command.options.map((o) => `  ${left(o).padEnd(width)}  ${o.help}`);
  return `Usage: zuora-entities ${command.synopsis}

${command.description}

Options:
${options.join("\n")}
${command.tenant ? `\n${TENANT}\n` : ""}${CONVENTIONS}

${EXIT_CODES}`;
}
