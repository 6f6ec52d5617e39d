/** The exit codes, as every help text states them. */
export const EXIT_CODES = `Exit codes:
  0  success (with plan --detailed-exitcode: the tenant matches the file)
  1  error: a bad file or option, a refused plan, a failed or cancelled apply, a tenant changed since a saved plan
  2  plan --detailed-exitcode only: the tenant differs from the file (changes to make, or differences kept)`;

const TENANT = `Tenant: --base-url URL or ZUORA_BASE_URL, with ZUORA_CLIENT_ID + ZUORA_CLIENT_SECRET (OAuth) or
ZUORA_ACCESS_TOKEN. NO_COLOR turns colours off.`;

/** The help of each command, and of the program (`""`). */
export const HELP: Record<string, string> = {
  "": `zuora-entities: a Zuora entity hierarchy as code, planned and rehearsed before the tenant is touched.

Usage: zuora-entities <command> [options]

Commands:
  export [-o FILE]                  the tenant's entities and connections as a file that plans to no change
  plan FILE [--out PLAN] [--json] [--detailed-exitcode] [--prune] [--no-rehearse]
                                    what would change; reads the tenant, sends nothing
  apply FILE|PLAN [--auto-approve] [--parallelism N] [--prune] [--no-rehearse]
                                    shows the plan, asks for yes, then sends it
  show [FILE] [--format tree|mermaid] [--json]
                                    the tenant's (or the file's) hierarchy
  validate FILE                     every problem of FILE at once, with its line; no tenant needed
  help [COMMAND]                    this text, or a command's

Run zuora-entities <command> --help for a command's options.

${TENANT}

${EXIT_CODES}`,
  export: `Usage: zuora-entities export [-o FILE] [--json] [--base-url URL]

Writes the tenant's entities and connections as a hierarchy file that plans to no change. Only reads.

Options:
  -o, --out FILE    write to FILE (JSON when it ends in .json, YAML otherwise) instead of stdout
  --json            write JSON to stdout
  --base-url URL    the tenant (default: ZUORA_BASE_URL)
  -h, --help        this text

${TENANT}

${EXIT_CODES}`,
  plan: `Usage: zuora-entities plan FILE [--out PLAN] [--json] [--detailed-exitcode] [--prune] [--no-rehearse]

Reads the tenant, and prints what it takes to bring it to FILE: one line per change, irreversible steps marked and
counted. Refused changes (what Zuora would refuse, or what cannot be undone against the file's wish) are listed with
the file's line and exit 1. Before that, the plan is applied to a stand-in seeded with the tenant's state: a step it
refuses is a refusal here, with Zuora's reason code. Sends nothing to the tenant but reads.

Options:
  --out PLAN           save the plan (with what it read) for apply PLAN: the saved plan is the approval
  --json               print the plan as JSON ({ formatVersion, changes, refused, notes, summary })
  --detailed-exitcode  exit 0 when the tenant matches the file, 2 when it differs in any way, 1 on error
  --prune              also delete unprovisioned entities and end open connections the file leaves out
  --no-rehearse        skip the rehearsal on a stand-in
  --base-url URL       the tenant (default: ZUORA_BASE_URL)
  -h, --help           this text

${TENANT}

${EXIT_CODES}`,
  apply: `Usage: zuora-entities apply FILE|PLAN [--auto-approve] [--parallelism N] [--prune] [--no-rehearse]

With a hierarchy FILE: plans as \`plan\` does, shows the plan, and asks for \`yes\` on a terminal (without a terminal,
it refuses unless --auto-approve). With a saved PLAN (plan --out): runs it without asking, unless the tenant changed
since it was made. Prints one line per step as it ends. At the first failure it starts nothing new, lets running
steps finish, prints what was done, what failed (with Zuora's reason) and what was not started, and exits 1: a new
plan shows the rest, a new apply finishes the job.

Options:
  --auto-approve     do not ask (for pipelines)
  --parallelism N    independent steps at once (default 4)
  --prune            as for plan (FILE only; a saved plan keeps its own)
  --no-rehearse      skip the rehearsal on a stand-in (FILE only)
  --base-url URL     the tenant (default: ZUORA_BASE_URL)
  -h, --help         this text

${TENANT}

${EXIT_CODES}`,
  show: `Usage: zuora-entities show [FILE] [--format tree|mermaid] [--json]

Prints the hierarchy of FILE, or of the tenant when no FILE is given (only reads), as an indented tree with
statuses, or as a Mermaid flowchart for documentation.

Options:
  --format tree|mermaid   default tree
  --json                  the hierarchy as JSON
  --base-url URL          the tenant (default: ZUORA_BASE_URL)
  -h, --help              this text

${TENANT}

${EXIT_CODES}`,
  validate: `Usage: zuora-entities validate FILE

Checks FILE without a tenant: its keys and values, and what it means (one root, every parent in the file, no
cycle, connections between entities of the file). Prints every problem at once, each with the file's line and
column. Sends nothing.

Options:
  -h, --help   this text

${EXIT_CODES}`,
};
