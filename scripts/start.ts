/**
 * The main job: verify the contract and print a report; exit non-zero when any check fails.
 *
 *   npm start                                   on the embedded Prism mock (behind the front layer of mock-server/)
 *   ZUORA_BASE_URL=https://rest.test.zuora.com \
 *   ZUORA_CLIENT_ID=... ZUORA_CLIENT_SECRET=... npm start
 *                                               on a real tenant, through `prism proxy --errors`
 *                                               (or ZUORA_ACCESS_TOKEN=... instead of the client's id and secret)
 *
 *   ... npm start -- --lifecycle               on a real tenant, also the lifecycle (provisions two entities, for
 *                                               good, and connects them): use a sandbox
 *
 * On the embedded mock it also shows `zuora-entities plan` and `apply` of examples/hierarchy.yaml on a fresh stand-in.
 *
 * Against a tenant this creates one entity and one connection request (the reference samples) and reads; it never
 * updates, provisions, deletes, accepts, denies or disconnects (those reference requests are reported as not run)
 * unless `--lifecycle` is passed: provisioning cannot be undone. Use a sandbox. On the embedded mock, the lifecycle
 * always runs, on the stand-in behind `prism proxy --errors`.
 */
import { startFrontLayer } from "../mock-server/frontLayer.js";
import type { ZuoraAuth } from "../src/index.js";
import { startCheckedStandIn } from "./checkedStandIn.js";
import { readSpec } from "./codegen/spec.js";
import { hierarchyDemo } from "./hierarchyDemo.js";
import { prismVersion, startPrism } from "./prism.js";
import { seededFixtures } from "./verify/lifecycleFixtures.js";
import { type CheckResult, printReport, verifyContract } from "./verify/verifyContract.js";
import { verifyLifecycle } from "./verify/verifyLifecycle.js";

const specVersion = (readSpec().info as { version?: string } | undefined)?.version ?? "unknown";
const upstream = process.env.ZUORA_BASE_URL;
/** The only way to let `npm start` provision, delete or change connections on a real tenant. */
const lifecycleOnTenant = process.argv.includes("--lifecycle");

function tenantAuth(): ZuoraAuth {
  const { ZUORA_CLIENT_ID: clientId, ZUORA_CLIENT_SECRET: clientSecret, ZUORA_ACCESS_TOKEN: token } = process.env;
  if (clientId && clientSecret) return { clientId, clientSecret };
  if (token) return token;
  console.error("ZUORA_BASE_URL is set: also set ZUORA_CLIENT_ID and ZUORA_CLIENT_SECRET (or ZUORA_ACCESS_TOKEN).");
  process.exit(2);
}

let results: CheckResult[];
let header: string;
let footer: string;
if (upstream) {
  const auth = tenantAuth();
  const prism = await startPrism({ mode: "proxy", upstream, errors: true });
  try {
    header = `Contract verification: openapi/multi-entity.yaml ${specVersion} · Prism ${prismVersion} (proxy --errors) → ${new URL(upstream).origin}`;
    results = await verifyContract({ baseUrl: prism.url, auth, mode: "tenant" });
    if (lifecycleOnTenant) {
      results.push(...(await verifyLifecycle({ baseUrl: prism.url, auth })));
      footer = "lifecycle: run on the tenant (--lifecycle): it provisioned two entities, which cannot be undone";
    } else {
      footer =
        "lifecycle: not run on a real tenant (it provisions entities, which cannot be undone, and changes a " +
        "connection); pass --lifecycle to run it on a sandbox";
    }
  } finally {
    await prism.stop();
  }
} else {
  const [prism, checked] = await Promise.all([startPrism(), startCheckedStandIn()]);
  const front = await startFrontLayer(prism.url);
  try {
    header = `Contract verification: openapi/multi-entity.yaml ${specVersion} · Prism ${prismVersion} (mock)`;
    results = [
      {
        operation: "(spec)",
        check: "Prism loads the spec with no warnings",
        pass: prism.startupProblems.length === 0,
        detail: prism.startupProblems.join(" | "),
      },
      ...(await verifyContract({ baseUrl: front.url, probeUrl: prism.url, auth: "npm-start-token", mode: "mock" })),
      ...(await verifyLifecycle({
        baseUrl: checked.url,
        auth: "npm-start-token",
        fixtures: seededFixtures((seed) => checked.standIn.seed(seed)),
      })),
    ];
    // Hierarchy as code: plan and apply of examples/hierarchy.yaml on a fresh stand-in of its own.
    results.push(...(await hierarchyDemo()));
    footer = `lifecycle: on the stand-in behind prism proxy --errors, which checked all ${checked.standIn.requests().length} answers it gave`;
  } finally {
    await front.close();
    await prism.stop();
    await checked.close();
  }
}
process.exitCode = printReport(header, results) === 0 ? 0 : 1;
console.log(footer);
