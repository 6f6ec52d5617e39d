import { describe, expect, it } from "vitest";
import { Category } from "../../stand-in/tenant/reasons.js";
import { Tenant } from "../../stand-in/tenant/tenant.js";

const refusedWith = (category: number) => ({ ok: false, refusal: expect.objectContaining({ category }) });

/** The global entity and two provisioned children, A and B, and an unprovisioned one, U. */
function tenantWithEntities() {
  const tenant = new Tenant();
  tenant.seed({
    entities: [
      { id: "a", name: "A", status: "Provisioned" },
      { id: "b", name: "B", status: "Provisioned" },
      { id: "u", name: "U" },
    ],
  });
  return { tenant, connections: tenant.connections };
}

describe("the connections of the stand-in", () => {
  it("goes Pending → Connected → Disconnected, listed inbound for the target and outbound for the source", () => {
    const { connections } = tenantWithEntities();
    const initiated = connections.initiate("a", "b");
    if (!initiated.ok) throw new Error("initiate refused");
    const { id } = initiated.value;
    const status = () => ({
      inbound: connections.list("b", "inbound"),
      outbound: connections.list("a", "outbound"),
      wrongWay: connections.list("a", "inbound"),
    });
    expect(status()).toEqual({
      inbound: { ok: true, value: [expect.objectContaining({ id, status: "Pending" })] },
      outbound: { ok: true, value: [expect.objectContaining({ id, status: "Pending" })] },
      wrongWay: { ok: true, value: [] },
    });
    expect(connections.accept(id, "b")).toMatchObject({ ok: true, value: { status: "Connected" } });
    expect(connections.list("a")).toMatchObject({ value: [{ id, status: "Connected" }] });
    expect(connections.disconnect(id, "a")).toMatchObject({ ok: true, value: { status: "Disconnected" } });
    expect(connections.list("b")).toMatchObject({ value: [{ id, status: "Disconnected" }] });
  });

  it("lets only the target accept or deny, and only a pending request", () => {
    const { connections } = tenantWithEntities();
    const initiated = connections.initiate("a", "b");
    if (!initiated.ok) throw new Error("initiate refused");
    const { id } = initiated.value;
    expect(connections.accept(id, "a")).toEqual(refusedWith(Category.permission));
    expect(connections.deny(id, "a")).toEqual(refusedWith(Category.permission));
    expect(connections.accept(id, "b")).toMatchObject({ ok: true });
    expect(connections.accept(id, "b")).toEqual(refusedWith(Category.rule));
    expect(connections.deny(id, "b")).toEqual(refusedWith(Category.rule));
  });

  it("withdraws a denied request: no longer listed, and the pair may ask again", () => {
    const { connections } = tenantWithEntities();
    const first = connections.initiate("a", "b");
    if (!first.ok) throw new Error("initiate refused");
    expect(connections.deny(first.value.id, "b")).toMatchObject({ ok: true });
    expect(connections.list("b")).toEqual({ ok: true, value: [] });
    expect(connections.accept(first.value.id, "b")).toEqual(refusedWith(Category.notFound));
    expect(connections.initiate("a", "b")).toMatchObject({ ok: true, value: { status: "Pending" } });
  });

  it("disconnects only a connected connection, by one of its two sides", () => {
    const { tenant, connections } = tenantWithEntities();
    const initiated = connections.initiate("a", "b");
    if (!initiated.ok) throw new Error("initiate refused");
    const { id } = initiated.value;
    expect(connections.disconnect(id, "a")).toEqual(refusedWith(Category.rule));
    connections.accept(id, "b");
    expect(connections.disconnect(id, tenant.entities.globalId)).toEqual(refusedWith(Category.permission));
    expect(connections.disconnect(id, "b")).toMatchObject({ ok: true });
    expect(connections.disconnect(id, "b")).toEqual(refusedWith(Category.rule));
  });

  it("refuses a request to itself, with an unprovisioned entity, or while the pair has an open one", () => {
    const { connections } = tenantWithEntities();
    expect(connections.initiate("a", "a")).toEqual(refusedWith(Category.rule));
    expect(connections.initiate("a", "u")).toEqual(refusedWith(Category.rule));
    expect(connections.initiate("a", "b")).toMatchObject({ ok: true });
    expect(connections.initiate("b", "a")).toEqual(refusedWith(Category.rule));
  });

  it("answers unknown ids with not found", () => {
    const { connections } = tenantWithEntities();
    for (const outcome of [
      connections.initiate("a", "missing"),
      connections.initiate("missing", "a"),
      connections.accept("missing", "b"),
      connections.deny("missing", "b"),
      connections.disconnect("missing", "b"),
      connections.list("missing"),
    ]) {
      expect(outcome).toEqual(refusedWith(Category.notFound));
    }
  });
});
