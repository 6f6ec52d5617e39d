import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { applyPlan, type Hierarchy, planChanges, readTenant, type StepEvent } from "../../../hierarchy/index.js";
import { createZuoraClient } from "../../../src/index.js";
import { createStandIn, listen } from "../../../stand-in/node.js";
import { entity, file } from "../builders.js";
import { BIN, ROOT } from "../cli/harness.js";

const run = promisify(execFile);
const ALREADY = "already done: the tenant shows it (another apply got there first)";

const eu = entity("EU", "Global", { locale: "en_GB", timezone: "Europe/London", provisioned: true });
const de = entity("DE", "EU", { locale: "de_DE", timezone: "Europe/Berlin", provisioned: true });
const connected = [{ from: "EU", to: "DE", status: "Connected" as const }];

describe("apply converges: a step whose goal the tenant already shows is done, and says so", () => {
  it("finishes a plan made before another apply did most of it: each refused step it finds done is done", async () => {
    const standIn = createStandIn();
    standIn.seed({ users: { jane: { home: standIn.globalEntityId } } });
    const zuora = createZuoraClient({
      baseUrl: "https://rest.test.zuora.com",
      auth: "any-token",
      fetch: standIn.fetch,
    });
    const users = ["jane"];
    const whole: Hierarchy = {
      ...file([eu, de], connected),
      users: [{ username: "jane", home: "Global", access: ["EU"] }],
    };
    const late = planChanges(whole, await readTenant(zuora, { users }));
    // Another apply gets there first: EU, DE and their connection, from a file of its own.
    const first = planChanges(file([eu, de], connected), await readTenant(zuora));
    expect((await applyPlan(first, zuora)).ok).toBe(true);

    const events: StepEvent[] = [];
    const result = await applyPlan(late, zuora, { onStep: (e) => events.push(e) });
    expect(result.failed.map((f) => `${f.step.action} ${f.step.address}: ${f.reason}`)).toEqual([]);
    expect(result.ok).toBe(true);
    const said = Object.fromEntries(events.map((e) => [`${e.step.action} ${e.step.address}`, e.note ?? "done"]));
    expect(said).toEqual({
      "create entity.EU": ALREADY,
      "create entity.DE": ALREADY,
      "provision entity.EU": ALREADY,
      "provision entity.DE": ALREADY,
      "initiate connection.EU->DE": ALREADY,
      "accept connection.EU->DE": ALREADY,
      "request-access access.jane->EU": "done",
      "accept-access access.jane->EU": "done",
    });
    expect(planChanges(whole, await readTenant(zuora, { users })).steps).toEqual([]);
  });

  it("counts a step whose answer was lost as done when the tenant shows its goal, whatever the resends met", async () => {
    const standIn = createStandIn();
    standIn.seedByName({
      entities: { Old: { parent: "Global" }, EU: { parent: "Global", locale: "en_GB", timezone: "Europe/London" } },
    });
    const zuora = createZuoraClient({
      baseUrl: "https://rest.test.zuora.com",
      auth: "any-token",
      fetch: standIn.fetch,
      retry: { sleep: async () => {} },
    });
    const plan = planChanges(file([eu]), await readTenant(zuora), { prune: true });
    expect(plan.steps.map((s) => `${s.action} ${s.address}`).sort()).toEqual([
      "delete entity.Old",
      "provision entity.EU",
    ]);
    // Each request goes through and its answer is lost; the resends meet what a tenant answers for what is done (a
    // 404: the entity is gone), or a gateway failing (503) until the retries run out.
    standIn.failNext({ fault: "reset-after", operationId: "deleteEntity" });
    standIn.failNext({ fault: { status: 404 }, operationId: "deleteEntity" });
    standIn.failNext({ fault: "reset-after", operationId: "provisionEntity" });
    for (let i = 0; i < 2; i++) standIn.failNext({ fault: { status: 503 }, operationId: "provisionEntity" });
    const events: StepEvent[] = [];
    const result = await applyPlan(plan, zuora, { onStep: (e) => events.push(e) });
    expect(result.failed.map((f) => `${f.step.action} ${f.step.address}: ${f.reason}`)).toEqual([]);
    expect(Object.fromEntries(events.map((e) => [`${e.step.action} ${e.step.address}`, e.note]))).toEqual({
      "delete entity.Old": ALREADY,
      "provision entity.EU": ALREADY,
    });
  });

  it("still fails a refused step whose goal the tenant does not show", async () => {
    const standIn = createStandIn();
    const zuora = createZuoraClient({
      baseUrl: "https://rest.test.zuora.com",
      auth: "any-token",
      fetch: standIn.fetch,
    });
    const plan = planChanges(file([eu]), await readTenant(zuora));
    // Someone takes the name under another parent: the create is refused, and EU under Global is not there.
    standIn.seed({
      entities: [
        { id: "x", name: "X" },
        { name: "EU", parentId: "x" },
      ],
    });
    const result = await applyPlan(plan, zuora);
    expect(result.failed.map((f) => f.step.address)).toEqual(["entity.EU"]);
  });

  it("zuora-entities apply says a step another apply did first is done, exit 0", async () => {
    const standIn = createStandIn();
    // The other apply: the first time this one asks to provision an entity, the entity is provisioned just before.
    let raced = false;
    const server = await listen({
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const provision = /\/v1\/entities\/([^/]+)\/provision$/.exec(new URL(request.url).pathname);
        if (provision && !raced) {
          raced = true;
          const other = createZuoraClient({
            baseUrl: "https://rest.test.zuora.com",
            auth: "other-apply-token",
            fetch: standIn.fetch,
          });
          await other.provisionEntity(decodeURIComponent(provision[1] as string));
        }
        return standIn.fetch(request);
      },
    });
    const dir = await mkdtemp(join(tmpdir(), "zuora-entities-"));
    try {
      const path = join(dir, "eu.yaml");
      await writeFile(
        path,
        "version: 1\nentities:\n  Global: { locale: en_US, timezone: America/Los_Angeles }\n  EU: { parent: Global, locale: en_GB, timezone: Europe/London, provisioned: true }\n",
      );
      const { stdout } = await run(process.execPath, ["--import", "tsx", BIN, "apply", path, "--auto-approve"], {
        cwd: ROOT,
        env: { ...process.env, ZUORA_BASE_URL: server.url, ZUORA_ACCESS_TOKEN: "any-token", NO_COLOR: "1" },
      });
      expect(raced).toBe(true);
      expect(stdout).toContain(`[2/2] provision entity.EU ... done: ${ALREADY}`);
      expect(stdout).toContain("Apply complete: 2 steps done");
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
