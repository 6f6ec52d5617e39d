import { connectionAddress, entityAddress, shareAddress, userAddress } from "../addresses.js";
import { childrenByParentName } from "../childrenByParent.js";
import type { Hierarchy, Refusal } from "../model.js";
import { refusal } from "./draft.js";

/**
 * What a file must be before it can be planned at all, judged without a tenant (`zuora-entities validate`): one root,
 * every parent in the file, no cycle, connections between two different entities of the file, one connection per
 * pair; users' entities in the file; each share with an entity of the file other than the global entity, over the
 * file's connection from the global entity to it (Connected, or Disconnected once the share ended). Returns every
 * problem found, each at its address and the file's line (none when the file is sound).
 */
export function validateHierarchy(file: Hierarchy): Refusal[] {
  const refused: Refusal[] = [];
  const byName = new Map(file.entities.map((e) => [e.name, e]));
  const roots = file.entities.filter((e) => e.parent === undefined);
  if (roots.length === 0)
    refused.push(refusal(entityAddress("*"), "no entity without `parent`: the global entity is missing"));
  for (const extra of roots.slice(1)) {
    refused.push(
      refusal(
        entityAddress(extra.name),
        `a second root: ${extra.name} has no parent, and only the global entity (${roots[0]?.name}) may have none`,
        extra.at,
      ),
    );
  }
  for (const entity of file.entities) {
    if (entity.parent !== undefined && !byName.has(entity.parent)) {
      refused.push(refusal(entityAddress(entity.name), `its parent ${entity.parent} is not in the file`, entity.at));
    }
  }
  // Each entity is walked up once, so a deep file costs its size, not its size times its depth: a walk ends at the
  // root, at an entity an earlier walk passed, or on its own path (a cycle).
  const inCycle = new Set<string>();
  const walked = new Set<string>();
  for (const entity of file.entities) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | undefined = entity.name;
    while (current !== undefined && !walked.has(current) && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      current = byName.get(current)?.parent;
    }
    if (current !== undefined && onPath.has(current)) for (const m of path.slice(path.indexOf(current))) inCycle.add(m);
    for (const m of path) walked.add(m);
  }
  // Each cycle is reported once, at its first entity in the file.
  const reported = new Set<string>();
  for (const entity of file.entities) {
    if (!inCycle.has(entity.name) || reported.has(entity.name)) continue;
    const members = [entity.name];
    for (let p = entity.parent; p !== undefined && p !== entity.name; p = byName.get(p)?.parent) members.push(p);
    for (const member of members) reported.add(member);
    refused.push(
      refusal(entityAddress(entity.name), `a cycle of parents: ${[...members, entity.name].join(" → ")}`, entity.at),
    );
  }
  const pairs = new Set<string>();
  for (const c of file.connections) {
    const address = connectionAddress(c.from, c.to);
    for (const end of [c.from, c.to]) {
      if (!byName.has(end)) refused.push(refusal(address, `${end} is not an entity of the file`, c.at));
    }
    if (c.from === c.to) refused.push(refusal(address, "an entity cannot connect to itself", c.at));
    const pair = [c.from, c.to].sort().join("\u0000");
    if (pairs.has(pair)) refused.push(refusal(address, "a second connection between the same two entities", c.at));
    pairs.add(pair);
  }
  for (const user of file.users ?? []) {
    const address = userAddress(user.username);
    if (user.home !== undefined && !byName.has(user.home)) {
      refused.push(refusal(address, `its home ${user.home} is not an entity of the file`, user.at));
    }
    for (const name of user.access) {
      if (!byName.has(name)) refused.push(refusal(address, `${name} is not an entity of the file`, user.at));
    }
  }
  const root = roots.length === 1 ? roots[0]?.name : undefined;
  for (const share of file.shares ?? []) {
    for (const name of share.entities) {
      const address = shareAddress(share.product, name);
      const problem = shareProblem(file, root, name, byName.has(name));
      if (problem !== undefined) refused.push(refusal(address, problem, share.at));
    }
  }
  return refused;
}

/** Why a product of the global entity cannot be shared with `name` by this file, or undefined when it can. */
function shareProblem(file: Hierarchy, root: string | undefined, name: string, known: boolean): string | undefined {
  if (!known) return `${name} is not an entity of the file`;
  if (root === undefined) return undefined;
  if (name === root) return `a product of the global entity ${root} cannot be shared with ${root} itself`;
  const over = file.connections.find((c) => c.from === root && c.to === name);
  if (over === undefined) {
    const back = file.connections.some((c) => c.from === name && c.to === root);
    return back
      ? `a share goes over a connection from the global entity: write the connection from ${root} to ${name}`
      : `a share goes over a connection from ${root} to ${name}, Connected: add it to the file's connections`;
  }
  if (over.status === "Pending") {
    return `the connection ${root}->${name} is Pending: a product is shared over a Connected connection`;
  }
  return undefined;
}

/**
 * The part of a file that can be planned despite the refusals of {@link validateHierarchy}: the entities under its one
 * root (not those in a cycle or under a missing parent), and the connections between them that it did not refuse.
 * Undefined without exactly one root, where nothing can be planned.
 */
export function soundPart(file: Hierarchy, refused: readonly Refusal[]): Hierarchy | undefined {
  const roots = file.entities.filter((e) => e.parent === undefined);
  if (roots.length !== 1) return undefined;
  if (refused.length === 0) return file;
  const tree = childrenByParentName(file.entities);
  const entities = tree.parentsFirst(roots);
  const reached = new Set(entities.map((e) => e.name));
  const refusedAt = new Set(refused.map((r) => r.address));
  const connections = file.connections.filter(
    (c) => reached.has(c.from) && reached.has(c.to) && !refusedAt.has(connectionAddress(c.from, c.to)),
  );
  const users = (file.users ?? []).filter(
    (u) =>
      !refusedAt.has(userAddress(u.username)) &&
      (u.home === undefined || reached.has(u.home)) &&
      u.access.every((name) => reached.has(name)),
  );
  const shares = (file.shares ?? []).map((share) => ({
    ...share,
    entities: share.entities.filter((name) => reached.has(name) && !refusedAt.has(shareAddress(share.product, name))),
  }));
  return { ...file, entities, connections, users, shares };
}
