import { spawn } from "node:child_process";
import { describe, expect, it, type TestContext } from "vitest";
import { startPrism } from "../scripts/prism.js";
import { verifyContract } from "../scripts/verify/verifyContract.js";
import { type FakeTenant, startFakeTenant, type TenantBehaviour } from "./support/fakeTenant.js";

// The real-tenant mode, against stand-in tenants on loopback: Prism proxies to them with --errors, so the answers
// they give are judged against the spec on their way back. Each test owns its tenant and proxy and stops them when it
// finishes, so the tests can run side by side.
async function verifyThroughProxy(behaviour: TenantBehaviour, { onTestFinished }: TestContext) {
  const tenant = await startFakeTenant(behaviour);
  onTestFinished(() => tenant.close());
  const prism = await startPrism({ mode: "proxy", upstream: tenant.url, errors: true });
  onTestFinished(() => prism.stop());
  const results = await verifyContract({
    baseUrl: prism.url,
    auth: { clientId: "id", clientSecret: "secret" },
    mode: "tenant",
  });
  return { tenant, results };
}

describe.concurrent("verifying a tenant through prism proxy --errors", () => {
  it("passes every check against a tenant that answers per the spec", async (context) => {
    const { tenant, results } = await verifyThroughProxy("per-spec", context);
    expect(results.filter((r) => !r.pass)).toEqual([]);
    expect(results).toHaveLength(10);
    // Only the reference samples (and the token request) reached the tenant: every probe was refused by Prism.
    expect([...new Set(tenant.received)].sort()).toEqual([
      "POST /oauth/token",
      "POST /v1/entities",
      "POST /v1/entity-connections",
    ]);
    expect(tenant.received.filter((r) => r === "POST /v1/entities")).toHaveLength(1);
  });

  it("fails, naming the violation, when the tenant leaves out the entity's id", async (context) => {
    const { results } = await verifyThroughProxy("entity-without-id", context);
    const failed = results.filter((r) => !r.pass);
    expect(failed.map((r) => `${r.operation}: ${r.check}`)).toEqual([
      "createEntity: reference sample succeeds",
      "createEntity: every response follows the spec",
      // Prism answered in the tenant's place, so there was no echo to read.
      "createEntity: Zuora-Track-Id comes back",
    ]);
    expect(failed[1]?.detail).toContain("body: Response body must have required property 'id'");
    expect(failed[2]?.detail).toContain("Prism replaced the off-spec answer");
  });

  it("fails, naming the violation, when the tenant sends a field of the wrong type", async (context) => {
    const { results } = await verifyThroughProxy("connection-id-as-number", context);
    const failed = results.filter((r) => !r.pass);
    expect(failed.map((r) => `${r.operation}: ${r.check}`)).toEqual([
      "initiateConnection: reference sample succeeds",
      "initiateConnection: every response follows the spec",
      "initiateConnection: Zuora-Track-Id comes back",
    ]);
    expect(failed[1]?.detail).toContain("body.id: Response body property id must be string");
  });
});

describe.concurrent("npm start with ZUORA_BASE_URL", () => {
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

  async function tenant(behaviour: TenantBehaviour, { onTestFinished }: TestContext): Promise<FakeTenant> {
    const started = await startFakeTenant(behaviour);
    onTestFinished(() => started.close());
    return started;
  }

  it("exits 0 and reports every check passed for a tenant that follows the spec", async (context) => {
    const { url } = await tenant("per-spec", context);
    const { code, output } = await npmStart({
      ZUORA_BASE_URL: url,
      ZUORA_CLIENT_ID: "id",
      ZUORA_CLIENT_SECRET: "s3cret-value",
    });
    expect(output).toContain("(proxy --errors)");
    expect(output).toContain("10 of 10 checks passed");
    expect(output).not.toContain("s3cret-value");
    expect(code).toBe(0);
  });

  it("exits non-zero with a report that names the violation for an off-spec tenant", async (context) => {
    const { url } = await tenant("entity-without-id", context);
    const { code, output } = await npmStart({ ZUORA_BASE_URL: url, ZUORA_TOKEN: "t0ken-value" });
    expect(output).toMatch(/FAIL\s+createEntity\s+every response follows the spec/);
    expect(output).toContain("Response body must have required property 'id'");
    expect(output).toContain("7 of 10 checks passed");
    expect(code).toBe(1);
  });

  it("refuses to run against a tenant without credentials", async (context) => {
    const { url } = await tenant("per-spec", context);
    const { code, output } = await npmStart({ ZUORA_BASE_URL: url, ZUORA_CLIENT_ID: "", ZUORA_TOKEN: "" });
    expect(code).toBe(2);
    expect(output).toContain("set ZUORA_CLIENT_ID and ZUORA_CLIENT_SECRET (or ZUORA_TOKEN)");
  });
});
