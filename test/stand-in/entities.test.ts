import { describe, expect, it } from "vitest";
import { Category, reasonCode } from "../../stand-in/tenant/reasons.js";
import { Tenant } from "../../stand-in/tenant/tenant.js";

const place = { locale: "en_US", timezone: "America/Los_Angeles" };

function hierarchy() {
  const tenant = new Tenant();
  const { entities } = tenant;
  const child = entities.create({ name: "Child", parentId: entities.globalId, ...place });
  if (!child.ok) throw new Error("setup");
  const grandchild = entities.create({ name: "Grandchild", parentId: child.value.id, ...place });
  if (!grandchild.ok) throw new Error("setup");
  return { tenant, entities, child: child.value, grandchild: grandchild.value };
}

const refusedWith = (category: number) => ({ ok: false, refusal: expect.objectContaining({ category }) });

describe("the entity hierarchy of the stand-in", () => {
  it("starts with one provisioned global entity, without a parent", () => {
    const { entities } = new Tenant();
    expect(entities.list()).toEqual([
      expect.objectContaining({ id: entities.globalId, name: "Global", status: "Provisioned", parentId: null }),
    ]);
  });

  it("creates entities unprovisioned under their parent, with the name as display name by default", () => {
    const { child, grandchild } = hierarchy();
    expect(child).toMatchObject({ status: "Unprovisioned", displayName: "Child" });
    expect(grandchild.parentId).toBe(child.id);
  });

  it("refuses an unknown parent as not found and a taken name as a rule restriction", () => {
    const { entities } = hierarchy();
    expect(entities.create({ name: "X", parentId: "nope", ...place })).toEqual(refusedWith(Category.notFound));
    expect(entities.create({ name: "Child", parentId: entities.globalId, ...place })).toEqual(
      refusedWith(Category.rule),
    );
  });

  it("provisions an entity only when its parent is provisioned, and only once", () => {
    const { entities, child, grandchild } = hierarchy();
    expect(entities.provision(grandchild.id)).toEqual(refusedWith(Category.rule));
    expect(entities.get(grandchild.id)).toMatchObject({ value: { status: "Unprovisioned" } });
    expect(entities.provision(child.id)).toMatchObject({ ok: true, value: { status: "Provisioned" } });
    expect(entities.provision(grandchild.id)).toMatchObject({ ok: true, value: { status: "Provisioned" } });
    expect(entities.provision(child.id)).toEqual(refusedWith(Category.rule));
  });

  it("filters the list by provisioned", () => {
    const { entities, child, grandchild } = hierarchy();
    entities.provision(child.id);
    expect(entities.list(false).map((e) => e.id)).toEqual([grandchild.id]);
    expect(entities.list(true).map((e) => e.id)).toEqual([entities.globalId, child.id]);
    expect(entities.list()).toHaveLength(3);
  });

  it("deletes an unprovisioned entity with its sub-entities and their connections, and never a provisioned one", () => {
    const { tenant, entities, child, grandchild } = hierarchy();
    tenant.connections.seed({ sourceEntityId: entities.globalId, targetEntityId: grandchild.id });
    expect(tenant.deleteEntity(entities.globalId)).toEqual(refusedWith(Category.rule));
    expect(tenant.deleteEntity(child.id)).toMatchObject({ ok: true, value: [{ id: child.id }, { id: grandchild.id }] });
    expect(entities.list().map((e) => e.id)).toEqual([entities.globalId]);
    expect(tenant.connections.all()).toEqual([]);
    expect(tenant.deleteEntity(child.id)).toEqual(refusedWith(Category.notFound));
  });

  it("refuses a new locale or time zone once provisioned, but takes the same value and other fields", () => {
    const { entities, child } = hierarchy();
    expect(entities.update(child.id, { locale: "en_GB" })).toMatchObject({ ok: true, value: { locale: "en_GB" } });
    entities.provision(child.id);
    expect(entities.update(child.id, { locale: "fr_FR" })).toEqual(refusedWith(Category.rule));
    expect(entities.update(child.id, { timezone: "Europe/Paris" })).toEqual(refusedWith(Category.rule));
    expect(entities.update(child.id, { locale: "en_GB", displayName: "Child Co" })).toMatchObject({
      ok: true,
      value: { locale: "en_GB", displayName: "Child Co" },
    });
  });

  it("refuses a new display name for the global entity and a name another entity has", () => {
    const { entities, child } = hierarchy();
    expect(entities.update(entities.globalId, { displayName: "Other" })).toEqual(refusedWith(Category.rule));
    expect(entities.update(entities.globalId, { name: "Global Co" })).toMatchObject({ ok: true });
    expect(entities.update(child.id, { name: "Grandchild" })).toEqual(refusedWith(Category.rule));
  });

  it("answers unknown ids with not found from every operation", () => {
    const { tenant, entities } = hierarchy();
    for (const outcome of [
      entities.get("missing"),
      entities.update("missing", {}),
      entities.provision("missing"),
      tenant.deleteEntity("missing"),
      tenant.accessibleEntities("nobody"),
    ]) {
      expect(outcome).toEqual(refusedWith(Category.notFound));
    }
  });

  it("lists the entities a user may access", () => {
    const tenant = new Tenant({ users: { admin: "all" } });
    tenant.seed({ entities: [{ id: "child-1", name: "Child" }, { name: "Other" }], users: { clerk: ["child-1"] } });
    expect(tenant.accessibleEntities("admin")).toMatchObject({ ok: true, value: [{}, {}, {}] });
    expect(tenant.accessibleEntities("clerk")).toEqual({
      ok: true,
      value: [expect.objectContaining({ id: "child-1" })],
    });
  });

  it("seeds a hierarchy that stays sound", () => {
    const tenant = new Tenant();
    tenant.seed({ entities: [{ id: "parent-1", name: "Parent" }] });
    expect(() => tenant.seed({ entities: [{ name: "Kid", parentId: "parent-1", status: "Provisioned" }] })).toThrow(
      /cannot be provisioned under the unprovisioned Parent/,
    );
    expect(() => tenant.seed({ entities: [{ name: "Parent" }] })).toThrow(/already exists/);
    expect(() => tenant.seed({ entities: [{ name: "Orphan", parentId: "nope" }] })).toThrow(/does not exist/);
  });

  it("gives 8-digit reason codes whose last two digits are the category", () => {
    for (const category of Object.values(Category)) {
      const code = String(reasonCode(category));
      expect(code).toMatch(/^\d{8}$/);
      expect(Number(code.slice(6))).toBe(category);
    }
  });
});
