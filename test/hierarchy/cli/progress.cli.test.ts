import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStandIn } from "../../../stand-in/node.js";
import { cliHarness } from "./harness.js";

// Every request is held 150 ms, as a distant tenant's would be: reading 12 entities one at a time takes 1.9 s at
// least, whatever the machine, so a count falls due while it reads.
const { standIn, cli, inProcess, dir } = cliHarness(createStandIn({ latencyMs: 150 }));

const entities = Array.from({ length: 12 }, (_, i) => ({ id: `e${i}`, name: `E${i}`, status: "Provisioned" as const }));

describe("zuora-entities says on stderr how far long work is", () => {
  it("plan: the reading's count with its seconds, and what was read; stdout keeps the plan alone", async () => {
    standIn.seed({ entities });
    const file = join(dir(), "tenant.yaml");
    expect((await inProcess(["export", "-o", file])).code).toBe(0);
    const { code, stdout, stderr } = await cli(["plan", file, "--parallelism", "1", "--detailed-exitcode"]);
    expect(stderr).toMatch(/^Reading the tenant at http:\/\/127\.0\.0\.1:\d+\.\.\.$/m);
    expect(stderr).toMatch(/^ {2}read \d+ of 13 entities' connections \(\d+\.\d s\)$/m);
    expect(stderr).toMatch(/^Read 13 entities, 0 connections \(\d+\.\d s\)\.$/m);
    expect(stdout.trim()).toBe("No changes: the tenant matches the file.");
    expect(code).toBe(0);
  });

  it("says when a call is retried, as it happens", async () => {
    standIn.failNext({ fault: { status: 503, retryAfterSeconds: 0 }, operationId: "listEntities" });
    const { code, stderr } = await cli(["export"]);
    expect(stderr).toMatch(/retrying GET .*\/v1\/entities in \d+ ms/);
    expect(code).toBe(0);
  });

  it("takes --parallelism for the reads of plan, export, show and the check before a saved plan", async () => {
    standIn.seed({ entities });
    const file = join(dir(), "tenant.yaml");
    expect((await inProcess(["export", "-o", file, "--parallelism", "8"])).code).toBe(0);
    expect((await inProcess(["show", "--parallelism", "8"])).code).toBe(0);
    const saved = join(dir(), "plan.json");
    expect((await inProcess(["plan", file, "--parallelism", "8", "--out", saved])).code).toBe(0);
    const applied = await inProcess(["apply", saved, "--parallelism", "8"]);
    expect(applied.stderr).toContain("to check that it has not changed since the plan...");
    expect(applied.code).toBe(0);
  });
});
