import { spawn } from "node:child_process";
import { afterAll, describe, expect, inject, it } from "vitest";
import { verifyLifecycle } from "../scripts/verify/verifyLifecycle.js";
import { createStandIn, type ListeningStandIn, type StandIn } from "../stand-in/index.js";

// `npm start` against a "real tenant": a stand-in on loopback, which npm start cannot tell from one. It holds the
// entities the reference samples name, so the contract checks can pass, and it records every request it answered,
// so the test sees what npm start did to the tenant.
const servers: ListeningStandIn[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function sandbox(): Promise<{ standIn: StandIn; url: string }> {
  const standIn = createStandIn({ global: { id: "8a808255557baba1015580e12fa5083a", name: "Acme Corporation" } });
  standIn.seed({ entities: [{ id: "8a80825556ff28a4015708ba29312ecc", name: "Acme-UK", status: "Provisioned" }] });
  const server = await standIn.listen();
  servers.push(server);
  return { standIn, url: server.url };
}

function npmStart(url: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", ...args], {
      env: { ...process.env, ZUORA_BASE_URL: url, ZUORA_TOKEN: "sandbox-token" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** The operations that change a tenant beyond the two reference samples' creations. */
const IRREVERSIBLE = [
  "provisionEntity",
  "deleteEntity",
  "updateEntity",
  "acceptConnection",
  "denyConnection",
  "disconnectConnection",
];

describe("npm start against a real tenant", () => {
  it("never provisions, updates, deletes or changes a connection without --lifecycle, and says why", async () => {
    const { standIn, url } = await sandbox();
    const { output } = await npmStart(url, []);
    expect(output).toContain("lifecycle: not run on a real tenant (it provisions entities, which cannot be undone");
    expect(output).toContain("pass --lifecycle to run it on a sandbox");
    expect(output).not.toMatch(/^\s+(pass|FAIL)\s+lifecycle\s/m); // no lifecycle line in the report
    const operations = standIn.requests().map((r) => r.operationId ?? "");
    expect(operations).toContain("createEntity");
    expect(operations.filter((op) => IRREVERSIBLE.includes(op))).toEqual([]);
    // The stand-in's state tells the same: nothing provisioned beyond what the test seeded, no connection accepted.
    expect(
      standIn
        .state()
        .entities.filter((e) => e.status === "Provisioned")
        .map((e) => e.name),
    ).toEqual(["Acme Corporation", "Acme-UK"]);
    expect(standIn.state().connections.map((c) => c.status)).toEqual(["Pending"]);
  });
});

// What --lifecycle adds is verifyLifecycle on the same proxy; it is run here in-process, on the suites' shared
// stand-in behind prism proxy --errors, rather than in a second npm start (a second Prism boot for the same code).
describe("the lifecycle npm start runs", () => {
  it("passes every step on the stand-in, and every answer passes Prism", async () => {
    const results = await verifyLifecycle({ baseUrl: inject("standInUrl"), auth: "lifecycle-token" });
    expect(results.filter((r) => !r.pass)).toEqual([]);
    expect(results.map((r) => r.check)).toEqual([
      "creates a child and a grandchild, Unprovisioned",
      "lists both as unprovisioned",
      "refuses to provision the grandchild before its parent (rule, 30)",
      "provisions the child, then the grandchild",
      "refuses a new locale once provisioned, and deleting a provisioned entity (30)",
      "initiates a connection: Pending, inbound for the target and outbound for the source",
      "the target accepts: Connected on both sides",
      "the source disconnects: Disconnected on both sides",
      "every answer follows the spec, as prism proxy --errors judged it",
    ]);
  });
});
