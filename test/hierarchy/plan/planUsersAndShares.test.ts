import { describe, expect, it } from "vitest";
import {
  type DesiredShare,
  type DesiredUser,
  hasDifferences,
  type Plan,
  planChanges,
  summary,
  type TenantState,
  validateHierarchy,
} from "../../../hierarchy/index.js";
import { entity, file, tenant } from "../builders.js";

const steps = (plan: Plan) => plan.steps.map((s) => `${s.action} ${s.address}`);
const reasons = (plan: Plan) => plan.refused.map((r) => `${r.address}: ${r.reason}`);
const provisioned = ["EU", "DE"].map((n) => entity(n, "Global", { provisioned: true }));
const both = tenant(["EU", "DE"].map((name) => ({ name, status: "Provisioned" as const })));

/** A tenant with users: each username and the names of the entities it can access. */
function withUsers(state: TenantState, users: Record<string, string[] | "missing">): TenantState {
  return {
    ...state,
    users: Object.entries(users).map(([username, names]) => ({
      username,
      exists: names !== "missing",
      entityIds: names === "missing" ? [] : names.map((n) => `id-${n}`),
    })),
  };
}

const user = (username: string, home: string | undefined, access: string[]): DesiredUser => ({
  username,
  home,
  access,
});

describe("planChanges: users' access", () => {
  it("requests access from the user's home, after the entity is provisioned, then the entity accepts", () => {
    const plan = planChanges(
      { ...file([entity("EU", "Global", { provisioned: true })]), users: [user("jane", "Global", ["EU"])] },
      withUsers(tenant(), { jane: ["Global"] }),
    );
    expect(steps(plan)).toEqual([
      "create entity.EU",
      "provision entity.EU",
      "request-access access.jane->EU",
      "accept-access access.jane->EU",
    ]);
    const request = plan.steps[2];
    expect(request).toMatchObject({ user: "jane", from: "Global", to: "EU" });
    expect(request?.dependsOn).toEqual([1]);
    expect(plan.steps[3]?.dependsOn).toEqual([2]);
    expect(summary(plan)).toBe("Plan: 1 to create, 1 to provision (irreversible), 1 access to grant.");
  });

  it("has nothing to do when the user can access what the file says (its home included, listed or not)", () => {
    const state = withUsers(both, { jane: ["EU", "DE"] });
    for (const jane of [user("jane", "EU", ["DE"]), user("jane", undefined, ["EU", "DE"])]) {
      const plan = planChanges({ ...file(provisioned), users: [jane] }, state);
      expect(plan.steps).toEqual([]);
      expect(hasDifferences(plan)).toBe(false);
    }
  });

  it("keeps an access the file leaves out as drift, and denies it from that entity with --prune", () => {
    const wanted = { ...file(provisioned), users: [user("jane", "EU", [])] };
    const state = withUsers(both, { jane: ["EU", "DE"] });
    const kept = planChanges(wanted, state);
    expect(kept.drift.map((d) => `${d.address}: ${d.reason}`)).toEqual([
      "access.jane->DE: jane can access DE, which the file leaves out: kept (run with --prune to deny it)",
    ]);
    const pruned = planChanges(wanted, state, { prune: true });
    expect(steps(pruned)).toEqual(["deny-access access.jane->DE"]);
    expect(pruned.steps[0]).toMatchObject({ user: "jane", to: "DE" });
  });

  it("refuses a user the tenant does not have: Zuora's API cannot create users", () => {
    const plan = planChanges(
      { ...file(provisioned), users: [user("ghost", "EU", [])] },
      withUsers(both, { ghost: "missing" }),
    );
    expect(reasons(plan)).toEqual([
      "user.ghost: does not exist in the tenant: Zuora's API cannot create users; create ghost in Zuora, then plan again",
    ]);
  });

  it("refuses a home the user cannot access and an entity that stays unprovisioned; keeps as drift an access it cannot request without the home", () => {
    const plan = planChanges(
      {
        ...file([...provisioned, entity("US", "Global")]),
        users: [user("jane", undefined, ["EU", "DE"]), user("joe", "DE", []), user("ann", "EU", ["US"])],
      },
      withUsers(both, { jane: ["EU"], joe: ["EU"], ann: ["EU"] }),
    );
    expect(reasons(plan)).toEqual([
      "user.joe: the file says its home is DE, but the tenant shows joe cannot access DE: a user can always access its home (the entity it was created in)",
      "access.ann->US: US will not be provisioned: access is only to provisioned entities",
    ]);
    const sound = planChanges(
      { ...file(provisioned), users: [user("jane", undefined, ["EU", "DE"])] },
      withUsers(both, { jane: ["EU"] }),
    );
    expect(sound.drift.map((d) => `${d.address}: ${d.reason}`)).toEqual([
      "access.jane->DE: jane cannot access DE, which the file gives it: kept, as a request goes from the user's home entity, which Zuora's API does not say; give jane's `home` in the file",
    ]);
  });
});

describe("planChanges: product shares", () => {
  const product = "8a808255575bdae4015774e9602e16fe";
  const share = (...entities: string[]): DesiredShare => ({ product, entities });

  it("shares over a connection the plan makes, after its accept: a known change", () => {
    const plan = planChanges(
      { ...file(provisioned, [{ from: "Global", to: "EU", status: "Connected" }]), shares: [share("EU")] },
      both,
    );
    expect(steps(plan)).toEqual([
      "initiate connection.Global->EU",
      "accept connection.Global->EU",
      `share share.${product}->EU`,
    ]);
    expect(plan.steps[2]?.dependsOn).toEqual([1]);
    expect(plan.steps[2]).toMatchObject({ product, from: "Global", to: "EU" });
    expect(plan.changes.find((c) => c.address === `share.${product}->EU`)?.irreversible).toBe(true);
    expect(hasDifferences(plan)).toBe(true);
  });

  it("over a standing connection, sends the share unchecked: Zuora shows no shares, so it is not a difference", () => {
    const plan = planChanges(
      { ...file(provisioned, [{ from: "Global", to: "EU", status: "Connected" }]), shares: [share("EU")] },
      tenant(
        ["EU", "DE"].map((name) => ({ name, status: "Provisioned" as const })),
        [{ from: "Global", to: "EU", status: "Connected" }],
      ),
    );
    expect(steps(plan)).toEqual([`share share.${product}->EU`]);
    expect(plan.steps[0]?.unchecked).toBe(true);
    expect(plan.changes[0]?.reason).toMatch(/^cannot be checked before it runs: Zuora publishes no read/);
    expect(hasDifferences(plan)).toBe(false);
    expect(summary(plan)).toBe(
      "No differences Zuora shows: 1 share cannot be checked before it runs (apply sends it).",
    );
  });

  it("names the products shared over a connection it disconnects, as irreversible", () => {
    const plan = planChanges(
      {
        ...file(provisioned, [{ from: "Global", to: "EU", status: "Disconnected" }]),
        shares: [share("EU"), { product: "P2", entities: ["EU"] }],
      },
      tenant(
        ["EU", "DE"].map((name) => ({ name, status: "Provisioned" as const })),
        [{ from: "Global", to: "EU", status: "Connected" }],
      ),
    );
    expect(steps(plan)).toEqual(["disconnect connection.Global->EU"]);
    expect(plan.changes[0]).toMatchObject({
      irreversible: true,
      reason: `the file says Disconnected: it breaks the share of ${product}, P2 with EU, which Zuora cannot recover`,
      before: { shares: [product, "P2"] },
    });
  });

  it("validates a share without a tenant: over a connection from the global entity, Connected, to an entity of the file", () => {
    const refused = validateHierarchy({
      ...file(provisioned, [
        { from: "DE", to: "Global", status: "Connected" },
        { from: "Global", to: "EU", status: "Pending" },
      ]),
      shares: [share("EU", "DE", "Global", "Nowhere")],
    });
    expect(refused.map((r) => `${r.address}: ${r.reason}`)).toEqual([
      `share.${product}->EU: the connection Global->EU is Pending: a product is shared over a Connected connection`,
      `share.${product}->DE: a share goes over a connection from the global entity: write the connection from Global to DE`,
      `share.${product}->Global: a product of the global entity Global cannot be shared with Global itself`,
      `share.${product}->Nowhere: Nowhere is not an entity of the file`,
    ]);
  });
});
