import { describe, expect, it } from "vitest";
import { hasDifferences, type Plan, planChanges, summary } from "../../../hierarchy/index.js";
import { entity, file, tenant } from "../builders.js";

const at = { line: 7, column: 3 };
const steps = (plan: Plan) => plan.steps.map((s) => `${s.action} ${s.address}`);
const reasons = (plan: Plan) => plan.refused.map((r) => `${r.address}: ${r.reason}`);
const drift = (plan: Plan) => plan.drift.map((d) => `${d.address}: ${d.reason}`);

describe("planChanges: what it refuses, before anything is sent", () => {
  it("a provisioned entity whose locale or time zone changes, naming the file's line", () => {
    const plan = planChanges(
      file([entity("EU", "Global", { locale: "en_GB", timezone: "Europe/Paris", provisioned: true, at })]),
      tenant([{ name: "EU", status: "Provisioned", locale: "en_US", timezone: "Europe/London" }]),
    );
    expect(reasons(plan)).toEqual([
      "entity.EU: the locale of a provisioned entity cannot change (en_US → en_GB)",
      "entity.EU: the timezone of a provisioned entity cannot change (Europe/London → Europe/Paris)",
    ]);
    expect(plan.refused[0]?.at).toEqual(at);
    expect(plan.steps).toEqual([]);
  });

  it("a provisioned entity that moves to another parent", () => {
    const plan = planChanges(
      file([entity("EU", "Global", { provisioned: true }), entity("DE", "Global", { provisioned: true, at })]),
      tenant([
        { name: "EU", status: "Provisioned" },
        { name: "DE", parent: "EU", status: "Provisioned" },
      ]),
    );
    expect(reasons(plan)).toEqual(["entity.DE: moves from EU to Global: a provisioned entity keeps its parent"]);
  });

  it("a second root", () => {
    const plan = planChanges(file([entity("Global", undefined), entity("Other", undefined, { at })]), tenant());
    expect(reasons(plan)).toEqual([
      "entity.Other: a second root: Other has no parent, and only the global entity (Global) may have none",
    ]);
    expect(plan.refused[0]?.at).toEqual(at);
  });

  it("a parent missing from the file", () => {
    const plan = planChanges(file([entity("DE", "EU")]), tenant());
    expect(reasons(plan)).toEqual(["entity.DE: its parent EU is not in the file"]);
  });

  it("a cycle of parents, once", () => {
    const plan = planChanges(file([entity("A", "B"), entity("B", "C"), entity("C", "A")]), tenant());
    expect(reasons(plan)).toEqual(["entity.A: a cycle of parents: A → B → C → A"]);
  });

  it("each cycle once, at its first entity in the file, and not the entities hanging under one", () => {
    const plan = planChanges(
      file([entity("X", "C"), entity("C", "D"), entity("D", "C"), entity("S", "S"), entity("Y", "X")]),
      tenant(),
    );
    expect(reasons(plan)).toEqual(["entity.C: a cycle of parents: C → D → C", "entity.S: a cycle of parents: S → S"]);
  });

  it("a connection to an entity that will not be provisioned", () => {
    const plan = planChanges(
      file(
        [entity("EU", "Global", { provisioned: true }), entity("US", "Global")],
        [{ from: "EU", to: "US", status: "Connected", at }],
      ),
      tenant(),
    );
    expect(reasons(plan)).toEqual(["connection.EU->US: US will not be provisioned: both ends of a connection must be"]);
    expect(plan.refused[0]?.at).toEqual(at);
  });

  it("a connection to an entity not in the file, to itself, or twice between a pair", () => {
    const plan = planChanges(
      file(
        [entity("EU", "Global", { provisioned: true })],
        [
          { from: "EU", to: "Nowhere", status: "Pending" },
          { from: "EU", to: "EU", status: "Pending" },
          { from: "Global", to: "EU", status: "Pending" },
          { from: "EU", to: "Global", status: "Connected" },
        ],
      ),
      tenant(),
    );
    expect(reasons(plan)).toEqual([
      "connection.EU->Nowhere: Nowhere is not an entity of the file",
      "connection.EU->EU: an entity cannot connect to itself",
      "connection.EU->Global: a second connection between the same two entities",
    ]);
  });

  it("a change to the global entity's display name", () => {
    const plan = planChanges(file([entity("Global", undefined, { displayName: "Acme Corporation" })]), tenant());
    expect(reasons(plan)).toEqual([
      "entity.Global: the display name of the global entity cannot change (Global → Acme Corporation)",
    ]);
  });

  it("a root that is not the tenant's global entity, and provisioned: false on the global entity", () => {
    expect(reasons(planChanges(file([entity("Acme", undefined)]), tenant()))[0]).toMatch(
      /^entity.Acme: the root Acme is not the tenant's global entity Global/,
    );
    expect(reasons(planChanges(file([entity("Global", undefined, { provisioned: false })]), tenant()))).toEqual([
      "entity.Global: the global entity is always provisioned: provisioned: false cannot be",
    ]);
  });

  it("an entity to provision under a parent that stays unprovisioned", () => {
    const plan = planChanges(file([entity("EU", "Global"), entity("DE", "EU", { provisioned: true })]), tenant());
    expect(reasons(plan)).toEqual([
      "entity.DE: is to be provisioned, but its parent EU is not: Zuora provisions parents first",
    ]);
  });

  it("a connection asked the other way than the file says", () => {
    const ends = [entity("A", "Global", { provisioned: true }), entity("B", "Global", { provisioned: true })];
    const reversed = planChanges(
      file(ends, [{ from: "A", to: "B", status: "Connected" }]),
      tenant(
        [
          { name: "A", status: "Provisioned" },
          { name: "B", status: "Provisioned" },
        ],
        [{ from: "B", to: "A", status: "Pending" }],
      ),
    );
    expect(reasons(reversed)[0]).toMatch(/the tenant has it the other way, B->A \(Pending\)/);
  });

  it("reports every refusal at once: the file's structure, its entities and its connections", () => {
    const plan = planChanges(
      file(
        [
          entity("EU", "Global", { timezone: "Europe/Paris", provisioned: true }),
          entity("US", "Global"),
          entity("A", "B"),
          entity("B", "A"),
        ],
        [{ from: "EU", to: "US", status: "Connected" }],
      ),
      tenant([{ name: "EU", status: "Provisioned" }]),
    );
    expect(reasons(plan)).toEqual([
      "entity.A: a cycle of parents: A → B → A",
      "entity.EU: the timezone of a provisioned entity cannot change (America/Los_Angeles → Europe/Paris)",
      "connection.EU->US: US will not be provisioned: both ends of a connection must be",
    ]);
    expect(plan.steps).toEqual([]);
  });

  it("refuses a whole unsound file: no steps at all", () => {
    const plan = planChanges(file([entity("EU", "Global"), entity("DE", "Missing")]), tenant());
    expect(plan.refused).toHaveLength(1);
    expect(plan.steps).toEqual([]);
    expect(plan.changes).toEqual([]);
  });
});

describe("planChanges: the order of the steps", () => {
  const wanted = file(
    [
      entity("EU", "Global", { provisioned: true }),
      entity("DE", "EU", { provisioned: true, locale: "de_DE", timezone: "Europe/Berlin" }),
      entity("US", "Global", { timezone: "America/New_York" }),
    ],
    [{ from: "EU", to: "DE", status: "Connected" }],
  );

  it("creates, then updates, then provisions, parents first; connections once both ends are provisioned", () => {
    const plan = planChanges(wanted, tenant([{ name: "US" }]));
    expect(steps(plan)).toEqual([
      "create entity.EU",
      "create entity.DE",
      "update entity.US",
      "provision entity.EU",
      "provision entity.DE",
      "initiate connection.EU->DE",
      "accept connection.EU->DE",
    ]);
    const byName = (s: string) => plan.steps.findIndex((x) => `${x.action} ${x.address}` === s);
    const deps = (s: string) => (plan.steps[byName(s)]?.dependsOn ?? []).map((i) => steps(plan)[i]);
    expect(deps("create entity.DE")).toEqual(["create entity.EU"]);
    expect(deps("provision entity.DE").sort()).toEqual(["create entity.DE", "provision entity.EU"]);
    expect(deps("initiate connection.EU->DE").sort()).toEqual(["provision entity.DE", "provision entity.EU"]);
    expect(deps("accept connection.EU->DE")).toEqual(["initiate connection.EU->DE"]);
    expect(deps("update entity.US")).toEqual([]);
  });

  it("updates a field before provisioning the entity (a provisioned entity keeps its locale)", () => {
    const plan = planChanges(
      file([entity("EU", "Global", { locale: "en_GB", provisioned: true })]),
      tenant([{ name: "EU", locale: "en_US" }]),
    );
    expect(steps(plan)).toEqual(["update entity.EU", "provision entity.EU"]);
    expect(plan.steps[1]?.dependsOn).toEqual([0]);
    expect(plan.steps[0]?.fields).toEqual({ locale: "en_GB" });
  });

  it("marks irreversible steps and counts them in the summary", () => {
    const plan = planChanges(wanted, tenant([{ name: "US" }]));
    expect(plan.changes.map((c) => [c.address, c.actions, c.irreversible])).toEqual([
      ["entity.EU", ["create", "provision"], true],
      ["entity.DE", ["create", "provision"], true],
      ["entity.US", ["update"], false],
      ["connection.EU->DE", ["initiate", "accept"], false],
    ]);
    expect(summary(plan)).toBe("Plan: 2 to create, 1 to update, 2 to provision (irreversible), 1 to connect.");
  });

  it("says a refused plan is refused, not that nothing changes", () => {
    const plan = planChanges(
      file([entity("EU", "Global", { timezone: "Europe/Paris", provisioned: true })]),
      tenant([{ name: "EU", status: "Provisioned" }]),
    );
    expect(plan.refused.length).toBeGreaterThan(0);
    expect(summary(plan)).toMatch(/^Refused: \d+ problems? to fix in the file before anything can be applied\.$/);
  });

  it("has nothing to do when the tenant matches, and says so", () => {
    const plan = planChanges(
      file([entity("EU", "Global", { provisioned: true })], [{ from: "Global", to: "EU", status: "Connected" }]),
      tenant([{ name: "EU", status: "Provisioned" }], [{ from: "Global", to: "EU", status: "Connected" }]),
    );
    expect(plan.steps).toEqual([]);
    expect(summary(plan)).toBe("No changes: the tenant matches the file.");
  });

  it("accepts a pending request as its target, denies one the file says is Disconnected, disconnects a connected one", () => {
    const ends = ["A", "B", "C", "D"].map((n) => entity(n, "Global", { provisioned: true }));
    const plan = planChanges(
      file(ends, [
        { from: "A", to: "B", status: "Connected" },
        { from: "A", to: "C", status: "Disconnected" },
        { from: "A", to: "D", status: "Disconnected" },
      ]),
      tenant(
        ["A", "B", "C", "D"].map((name) => ({ name, status: "Provisioned" as const })),
        [
          { from: "A", to: "B", status: "Pending" },
          { from: "A", to: "C", status: "Pending" },
          { from: "A", to: "D", status: "Connected" },
        ],
      ),
    );
    expect(steps(plan)).toEqual(["deny connection.A->C", "disconnect connection.A->D", "accept connection.A->B"]);
    expect(plan.changes.find((c) => c.address === "connection.A->D")?.irreversible).toBe(true);
  });

  it("initiates again a pair whose connection ended, and leaves a Disconnected one that never existed alone", () => {
    const ends = ["A", "B", "C"].map((n) => entity(n, "Global", { provisioned: true }));
    const plan = planChanges(
      file(ends, [
        { from: "A", to: "B", status: "Connected" },
        { from: "A", to: "C", status: "Disconnected" },
      ]),
      tenant(
        ["A", "B", "C"].map((name) => ({ name, status: "Provisioned" as const })),
        [{ from: "B", to: "A", status: "Disconnected" }],
      ),
    );
    expect(steps(plan)).toEqual(["initiate connection.A->B", "accept connection.A->B"]);
  });
});

describe("planChanges: what the tenant is past, and cannot go back from, is kept as drift", () => {
  it("a provisioned entity the file says is not (said, or the default)", () => {
    for (const provisioned of [false, undefined]) {
      const plan = planChanges(
        file([entity("EU", "Global", { provisioned })]),
        tenant([{ name: "EU", status: "Provisioned" }]),
      );
      expect(plan.refused).toEqual([]);
      expect(drift(plan)).toEqual([
        `entity.EU: is provisioned, and the file says provisioned: false${provisioned === undefined ? " (the default)" : ""}: kept, as provisioning cannot be undone; write provisioned: true`,
      ]);
      expect(hasDifferences(plan)).toBe(true);
    }
  });

  it("provisions an entity under a parent the file says is not provisioned, but the tenant has provisioned", () => {
    const plan = planChanges(
      file([entity("EU", "Global"), entity("DE", "EU", { provisioned: true })]),
      tenant([{ name: "EU", status: "Provisioned" }]),
    );
    expect(plan.refused).toEqual([]);
    expect(steps(plan)).toEqual(["create entity.DE", "provision entity.DE"]);
  });

  it("a Connected connection the file wants Pending", () => {
    const ends = [entity("A", "Global", { provisioned: true }), entity("B", "Global", { provisioned: true })];
    const plan = planChanges(
      file(ends, [{ from: "A", to: "B", status: "Pending" }]),
      tenant(
        [
          { name: "A", status: "Provisioned" },
          { name: "B", status: "Provisioned" },
        ],
        [{ from: "A", to: "B", status: "Connected" }],
      ),
    );
    expect(plan.refused).toEqual([]);
    expect(drift(plan)).toEqual([
      "connection.A->B: is Connected, and the file says Pending: kept, as a connection cannot go back to Pending; write Connected",
    ]);
  });

  it("ends a request the tenant has the other way when the file says the pair is Disconnected, as its target", () => {
    const ends = [entity("A", "Global", { provisioned: true }), entity("B", "Global", { provisioned: true })];
    const plan = planChanges(
      file(ends, [{ from: "A", to: "B", status: "Disconnected" }]),
      tenant(
        [
          { name: "A", status: "Provisioned" },
          { name: "B", status: "Provisioned" },
        ],
        [{ from: "B", to: "A", status: "Pending" }],
      ),
    );
    expect(steps(plan)).toEqual(["deny connection.B->A"]);
    expect(plan.steps[0]).toMatchObject({ from: "B", to: "A" });
  });
});

describe("planChanges: deletes only with --prune", () => {
  const current = tenant([{ name: "Old" }, { name: "Older", parent: "Old" }, { name: "Kept" }]);

  it("without --prune, keeps what the file leaves out and shows it as drift (the top of a subtree)", () => {
    const plan = planChanges(file([entity("Kept", "Global")]), current);
    expect(plan.steps).toEqual([]);
    expect(drift(plan)).toEqual([
      "entity.Old: is not in the file (with 1 entity under it): kept (run with --prune to delete it)",
    ]);
    expect(hasDifferences(plan)).toBe(true);
    expect(summary(plan)).toBe(
      "No changes to make, but the tenant differs from the file: 1 difference kept (shown with !).",
    );
  });

  it("with --prune, deletes the topmost unprovisioned entity of a removed subtree only", () => {
    const plan = planChanges(file([entity("Kept", "Global")]), current, { prune: true });
    expect(steps(plan)).toEqual(["delete entity.Old"]);
    expect(plan.changes[0]?.reason).toBe("not in the file (--prune) (with 1 entity under it)");
    expect(plan.changes[0]?.irreversible).toBe(true);
  });

  it("moves an unprovisioned entity only with --prune: deleted, then created again under its new parent", () => {
    const wanted = file([entity("Kept", "Global"), entity("Old", "Kept"), entity("Older", "Old")]);
    expect(reasons(planChanges(wanted, current))[0]).toMatch(/^entity.Old: moves from Global to Kept: .*--prune/);
    const plan = planChanges(wanted, current, { prune: true });
    expect(steps(plan)).toEqual(["delete entity.Old", "create entity.Old", "create entity.Older"]);
    expect(plan.steps[1]?.dependsOn).toEqual([0]);
    expect(plan.steps[2]?.dependsOn.sort()).toEqual([0, 1]);
  });

  it("with --prune, ends open connections the file leaves out: denies a pending one, disconnects a connected one", () => {
    const ends = ["A", "B", "C"].map((n) => entity(n, "Global", { provisioned: true }));
    const state = tenant(
      ["A", "B", "C"].map((name) => ({ name, status: "Provisioned" as const })),
      [
        { from: "A", to: "B", status: "Pending" },
        { from: "A", to: "C", status: "Connected" },
        { from: "B", to: "C", status: "Disconnected" },
      ],
    );
    expect(drift(planChanges(file(ends), state))).toEqual([
      "connection.A->B: is Pending and not in the file: kept (run with --prune to end it)",
      "connection.A->C: is Connected and not in the file: kept (run with --prune to end it)",
    ]);
    expect(steps(planChanges(file(ends), state, { prune: true }))).toEqual([
      "deny connection.A->B",
      "disconnect connection.A->C",
    ]);
  });

  it("keeps a provisioned entity the file leaves out, with or without --prune: drift, never a refusal", () => {
    for (const prune of [false, true]) {
      const plan = planChanges(
        file([]),
        tenant([
          { name: "EU", status: "Provisioned" },
          { name: "DE", parent: "EU", status: "Provisioned" },
        ]),
        { prune },
      );
      expect(plan.refused).toEqual([]);
      expect(drift(plan)).toEqual([
        "entity.EU: is provisioned and not in the file (with 1 entity under it): kept, as Zuora never deletes a provisioned entity; add it to the file",
      ]);
      expect(hasDifferences(plan)).toBe(true);
    }
  });

  it("with --prune, deletes the unprovisioned entities under a provisioned one it keeps", () => {
    const plan = planChanges(
      file([]),
      tenant([
        { name: "EU", status: "Provisioned" },
        { name: "DE", parent: "EU" },
      ]),
      { prune: true },
    );
    expect(steps(plan)).toEqual(["delete entity.DE"]);
    expect(drift(plan)).toHaveLength(1);
    expect(summary(plan)).toBe(
      "Plan: 1 to delete (irreversible). The tenant also differs: 1 difference kept (shown with !).",
    );
  });
});
