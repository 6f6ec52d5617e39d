import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPrism, startPrism } from "../scripts/prism.js";
import { printReport, verifyContract } from "../scripts/verify/verifyContract.js";
import type { ZuoraAuth } from "../src/index.js";
import { type FakeTenant, startFakeTenant, type TenantBehaviour } from "./support/fakeTenant.js";

// The real-tenant mode, against a stand-in tenant on loopback: Prism proxies to it with --errors, so the answers it
// gives are judged against the spec on their way back. One tenant plays each behaviour in turn behind one proxy,
// booted once for the file: the tests run one after another because they share it.
let tenant: FakeTenant;
let proxy: RunningPrism;

beforeAll(async () => {
  tenant = await startFakeTenant();
  proxy = await startPrism({ mode: "proxy", upstream: tenant.url, errors: true });
});

afterAll(async () => {
  await proxy?.stop();
  await tenant?.close();
});

const oauth: ZuoraAuth = { clientId: "id", clientSecret: "s3cret-value" };

function verifyTenant(behaviour: TenantBehaviour, auth: ZuoraAuth = oauth) {
  tenant.behave(behaviour);
  return verifyContract({ baseUrl: proxy.url, auth, mode: "tenant" });
}

function report(results: Awaited<ReturnType<typeof verifyContract>>) {
  const lines: string[] = [];
  const failed = printReport("header", results, (line) => lines.push(line));
  return { failed, text: lines.join("\n") };
}

describe("verifying a tenant through prism proxy --errors", () => {
  it("passes every check against a tenant that answers per the spec, and says so without the secret", async () => {
    const results = await verifyTenant("per-spec");
    expect(results.filter((r) => !r.pass && !r.skipped)).toEqual([]);
    // Sixteen operations: five checks each, but the reference request of the ten that would change the tenant is
    // not sent, and says so (sharing a product is a POST, and is not sent either).
    expect(results).toHaveLength(60);
    expect(results.filter((r) => r.skipped).map((r) => r.operation)).toEqual([
      "updateEntity",
      "deleteEntity",
      "provisionEntity",
      "requestUserAccess",
      "acceptUserAccess",
      "denyUserAccess",
      "acceptConnection",
      "denyConnection",
      "disconnectConnection",
      "shareProduct",
    ]);
    // Only the reference requests of the creating and reading operations (and the token request) reached the
    // tenant: every probe was refused by Prism, and nothing updated, provisioned, deleted or answered a connection.
    expect([...new Set(tenant.received)].sort()).toEqual([
      "GET /v1/entities",
      "GET /v1/entities/8a80825555a3c7a10155b460f53858e6",
      "GET /v1/entity-connections",
      "GET /v1/users/jane.doe%40example.com/accessible-entities",
      "POST /oauth/token",
      "POST /v1/entities",
      "POST /v1/entity-connections",
    ]);
    expect(tenant.received.filter((r) => r === "POST /v1/entities")).toHaveLength(1);
    const { failed, text } = report(results);
    expect(failed).toBe(0);
    expect(text).toContain("50 of 50 checks passed; 10 not run (they would change the tenant)");
    expect(text).not.toContain("s3cret-value");
  });

  it("fails, naming the violation, when the tenant leaves out the entity's id", async () => {
    const results = await verifyTenant("entity-without-id");
    const failed = results.filter((r) => !r.pass && !r.skipped);
    expect(failed.map((r) => `${r.operation}: ${r.check}`)).toEqual([
      "createEntity: reference request succeeds",
      "createEntity: every response follows the spec",
      // Prism answered in the tenant's place, so there was no echo to read.
      "createEntity: Zuora-Track-Id comes back",
    ]);
    expect(failed[1]?.detail).toContain("body: Response body must have required property 'id'");
    expect(failed[2]?.detail).toContain("Prism replaced the off-spec answer");
    const { failed: count, text } = report(results);
    expect(count).toBe(3);
    expect(text).toMatch(/FAIL\s+createEntity\s+every response follows the spec/);
    expect(text).toContain("47 of 50 checks passed");
  });

  it("fails, naming the violation, when the tenant sends a field of the wrong type", async () => {
    const results = await verifyTenant("connection-id-as-number");
    const failed = results.filter((r) => !r.pass && !r.skipped);
    expect(failed.map((r) => `${r.operation}: ${r.check}`)).toEqual([
      "initiateConnection: reference request succeeds",
      "initiateConnection: every response follows the spec",
      "initiateConnection: Zuora-Track-Id comes back",
    ]);
    expect(failed[1]?.detail).toContain("body.id: Response body property id must be string");
  });
});

// What only the command line can show: its exit code and what it prints, from a real `npm start` child (which boots
// its own Prism proxy, as a user's run does). The checks' verdicts themselves are pinned in-process above.
describe("npm start with ZUORA_BASE_URL", () => {
  function npmStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("exit", (code) => resolve({ code, output }));
    });
  }

  it("exits 1 and prints a report that names the violation, without the token, for an off-spec tenant", async () => {
    tenant.behave("entity-without-id");
    const { code, output } = await npmStart({ ZUORA_BASE_URL: tenant.url, ZUORA_ACCESS_TOKEN: "t0ken-value" });
    expect(output).toContain("(proxy --errors)");
    expect(output).toMatch(/FAIL\s+createEntity\s+every response follows the spec/);
    expect(output).toContain("Response body must have required property 'id'");
    expect(output).toContain("47 of 50 checks passed");
    expect(output).not.toContain("t0ken-value");
    expect(code).toBe(1);
    // Nothing irreversible without --lifecycle: the report has no lifecycle step, says why, and no provision, update,
    // delete, accept, deny or disconnect (every one a PUT or DELETE), and no product share, reached the tenant.
    expect(output).toContain("lifecycle: not run on a real tenant (it provisions entities, which cannot be undone");
    expect(output).toContain("pass --lifecycle to run it on a sandbox");
    expect(output).not.toMatch(/^\s+(pass|FAIL)\s+lifecycle\s/m);
    expect(tenant.received.filter((request) => /^(PUT|DELETE) |\/share$/.test(request))).toEqual([]);
  });

  it("refuses to run against a tenant without credentials, with exit code 2", async () => {
    const { code, output } = await npmStart({
      ZUORA_BASE_URL: tenant.url,
      ZUORA_CLIENT_ID: "",
      ZUORA_ACCESS_TOKEN: "",
    });
    expect(code).toBe(2);
    expect(output).toContain("set ZUORA_CLIENT_ID and ZUORA_CLIENT_SECRET (or ZUORA_ACCESS_TOKEN)");
  });
});
