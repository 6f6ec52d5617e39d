import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Io } from "../hierarchy/cli/io.js";
import { main } from "../hierarchy/cli/main.js";
import { createStandIn, listen } from "../stand-in/node.js";
import type { CheckResult } from "./verify/verifyContract.js";

// Named as a person in the project's folder would type it.
const EXAMPLE = relative(process.cwd(), fileURLToPath(new URL("../examples/hierarchy.yaml", import.meta.url)));

/**
 * `npm start`'s hierarchy part: `zuora-entities plan`, `apply --auto-approve`, then `plan` again, of
 * examples/hierarchy.yaml, on a fresh stand-in served on loopback (never a real tenant), printed as the command prints
 * them. Resolves to the checks: the first plan has changes, the apply completes, the second plan has none.
 */
export async function hierarchyDemo(write: (line: string) => void = console.log): Promise<CheckResult[]> {
  const server = await listen(createStandIn());
  const env = { ZUORA_BASE_URL: server.url, ZUORA_ACCESS_TOKEN: "npm-start-token" };
  const io: Io = {
    out: (line) => write(`  ${line}`),
    err: (line) => write(`  ${line}`),
    env,
    interactive: false,
    color: false,
    ask: async () => "",
    onInterrupt: () => () => {},
  };
  const step = async (args: string[]) => {
    write(`$ zuora-entities ${args.join(" ")}`);
    const code = await main(args, io);
    write(`  (exit ${code})\n`);
    return code;
  };
  try {
    write("Hierarchy as code: examples/hierarchy.yaml on a fresh stand-in\n");
    const planned = await step(["plan", EXAMPLE, "--detailed-exitcode"]);
    const applied = await step(["apply", EXAMPLE, "--auto-approve"]);
    const again = await step(["plan", EXAMPLE, "--detailed-exitcode"]);
    const check = (what: string, pass: boolean, detail: string): CheckResult => ({
      operation: "zuora-entities",
      check: what,
      pass,
      detail: pass ? "" : detail,
    });
    return [
      check(
        "plan of examples/hierarchy.yaml on a fresh stand-in has changes (exit 2)",
        planned === 2,
        `exit ${planned}`,
      ),
      check("apply --auto-approve completes (exit 0)", applied === 0, `exit ${applied}`),
      check("a second plan has no changes (exit 0)", again === 0, `exit ${again}`),
    ];
  } finally {
    await server.close();
  }
}
