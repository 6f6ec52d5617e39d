import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createStandIn, type ListeningStandIn, type StandIn } from "../stand-in/index.js";

// `npm start` against a "real tenant": a stand-in on loopback, which npm start cannot tell from one. It holds the
// entities the reference samples name, so the contract checks can pass, and it records every request it answered,
// so the test sees what npm start did to the tenant. One tenant per test, so that the two runs go side by side.
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
  it.concurrent("never provisions, deletes or changes a connection without --lifecycle, and says why", async () => {
    const { standIn, url } = await sandbox();
    const { code, output } = await npmStart(url, []);
    expect(output).toContain("lifecycle: not run on a real tenant (it provisions entities, which cannot be undone");
    expect(output).toContain("pass --lifecycle to run it on a sandbox");
    expect(output).not.toMatch(/\blifecycle\s{2,}/); // no lifecycle line in the report, passed or failed
    const operations = standIn.requests().map((r) => r.operationId);
    expect(operations.filter((op) => IRREVERSIBLE.includes(op ?? ""))).toEqual([]);
    expect(new Set(operations)).toEqual(new Set(["createEntity", "initiateConnection"]));
    expect(code).toBe(0);
  });

  it.concurrent("runs the lifecycle on the tenant when passed --lifecycle", async () => {
    const { standIn, url } = await sandbox();
    const { code, output } = await npmStart(url, ["--lifecycle"]);
    expect(output).toMatch(/pass\s+lifecycle\s+provisions the child, then the grandchild/);
    expect(output).toMatch(/pass\s+lifecycle\s+the source disconnects: Disconnected on both sides/);
    expect(output).toContain("lifecycle: run on the tenant (--lifecycle)");
    expect(
      standIn
        .state()
        .entities.filter((e) => e.name.startsWith("Lifecycle-"))
        .map((e) => e.status),
    ).toEqual(["Provisioned", "Provisioned"]);
    expect(code).toBe(0);
  });
});
