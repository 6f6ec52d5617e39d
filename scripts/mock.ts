/**
 * The playground: Prism's mock of the spec behind the front layer, as the contract suites meet it, until Ctrl-C:
 *
 *   npm run mock                  # http://127.0.0.1:4010
 *   npm run mock -- --port 0      # a port the OS picks (printed)
 *   npm run mock -- --spec my.yaml  # another copy of the spec, e.g. one being edited
 *
 * Through the front layer the mock echoes `Zuora-Track-Id`, replays the first answer for a repeated
 * `Idempotency-Key`, and gzips large answers when asked, as Zuora does; Prism alone does none of that. When the
 * spec file changes, Prism reloads on a new port, and the front layer follows it: the printed URL stays valid.
 *
 * It stops, and stops Prism, on SIGINT, SIGTERM or SIGHUP, and when the process that started it (npm, or whatever
 * ran it) dies. The npm script `exec`s node, so no shell sits between npm and this process: npm forwards SIGINT and
 * SIGTERM straight here (a shell in between would take them and wait on us forever), and when npm dies of a signal
 * it does not forward (SIGHUP), the parent watch sees it.
 */
import { resolve } from "node:path";
import { startFrontLayer } from "../mock-server/frontLayer.js";
import { prismVersion, startPrism } from "./prism.js";
import { watchParent } from "./process/watchParent.js";

/** The port when none is given: Prism's own default, which the examples in CONTRIBUTING.md use. */
const DEFAULT_PORT = 4010;

const USAGE = "usage: npm run mock [-- [--port <0-65535>] [--spec <file>]]";

/** The value after `--name` on the command line, if given. */
function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined) {
    console.error(USAGE);
    process.exit(2);
  }
  return value;
}

const args = process.argv.slice(2);
const port = Number(option(args, "port") ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(USAGE);
  process.exit(2);
}
const spec = option(args, "spec");
const prism = await startPrism(spec === undefined ? {} : { spec: resolve(spec) });
const front = await startFrontLayer(() => prism.currentUrl(), { port }).catch(async (error: Error) => {
  await prism.stop();
  console.error(`npm run mock: cannot listen on port ${port}: ${error.message}`);
  process.exit(1);
});

let stopping = false;
/** Stops the front layer and Prism, then exits: once, whichever of the reasons below comes first. */
async function stop(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`stopping (${reason})`);
  await Promise.allSettled([front.close(), prism.stop()]);
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(signal));
watchParent(() => void stop("the parent process is gone"));

console.log(
  `Prism ${prismVersion} mock of ${spec ?? "openapi/multi-entity.yaml"}, behind the front layer, listening on ${front.url} ` +
    "(Ctrl-C stops it; the URL stays valid when the spec changes)",
);
