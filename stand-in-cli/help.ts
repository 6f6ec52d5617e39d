/** The exit codes of `zuora-stand-in`, as its help states them. */
export const EXIT_CODES = {
  /** Stopped by SIGINT or SIGTERM with the state saved, or `--help`, `--version`. */
  stopped: 0,
  /** Could not start (a refused seed or state file, a port in use), or could not save the state when stopping. */
  failed: 1,
  /** A bad call: an unknown option, or a value it cannot take. */
  usage: 2,
} as const;

/** `zuora-stand-in --help`. */
export const HELP = `zuora-stand-in: a stateful stand-in of a Zuora Multi-entity tenant, served over HTTP for any language.

Usage: zuora-stand-in [options]

Prints its base URL as the first line on stdout, then serves until SIGINT (Ctrl-C) or SIGTERM. Point any client's
Zuora base URL at it; its own endpoints are under /__stand-in/ (health, reset, seed, state, faults, requests:
openapi/stand-in-control.yaml in the package).

Options:
  --port N            the port to listen on (default 0: a free one, printed in the URL)
  --host HOST         the address to listen on (default 127.0.0.1); one that is not loopback needs --allow-remote
  --allow-remote      serve on a --host other machines can reach (a container's 0.0.0.0): anyone who reaches it
                      can change the tenant, and no token is checked for real
  --seed FILE         start from a zuora-entities hierarchy file (YAML or JSON), and start from it again on reset;
                      a file with problems is refused, with file:line, before anything is served
  --state FILE        load the tenant from FILE if it exists, and save it there (JSON, by names) after changes and
                      when stopping; written whole, then renamed, so a crash leaves the previous state
  --limits LIST       Zuora's limits, enforced with its 429 answers: concurrency=N,perMinute=N (default none)
  --latency TIME      how long each answer is held, such as 20ms or 1s (default 0)
  --auth any|issued   any bearer token passes (default), or only tokens its POST /oauth/token issued
  --log info|json|off one line per request on stderr: method, path, status, ms (default info)
  --version           its name and version (zuora-stand-in X.Y.Z)
  -h, --help          this text

Exit codes:
  ${EXIT_CODES.stopped}  stopped by SIGINT or SIGTERM, state saved (or --help, --version)
  ${EXIT_CODES.failed}  could not start (a refused --seed or --state file, a port in use) or could not save the state
  ${EXIT_CODES.usage}  a bad call: an unknown option or a value it cannot take`;
