import { connectionAddress, shareAddress } from "../addresses.js";
import type { Hierarchy } from "../model.js";
import type { TenantIndex } from "../tenant/tenantIndex.js";
import { type Draft, stepKey } from "./draft.js";
import type { EntityOutcome } from "./planEntities.js";

/**
 * Plans the shares, after the connections: a product of the global entity is shared with an entity over the file's
 * connection from the global entity to it. Over a connection the plan makes (or makes again), nothing is shared yet:
 * the share is a step. Over one the tenant has Connected already, Zuora publishes no read that shows whether the
 * product is shared: the step is sent unchecked, and apply counts Zuora's "already shared" as done. Over a
 * connection the file says is Disconnected, the share ended with it (the disconnection names it). Assumes the file
 * is sound ({@link validateHierarchy}).
 */
export function planShares(file: Hierarchy, tenant: TenantIndex, entities: EntityOutcome, draft: Draft): void {
  const root = file.entities.find((e) => e.parent === undefined)?.name;
  if (root === undefined) return;
  const source = entities.staying(root);
  for (const [rank, share] of (file.shares ?? []).entries()) {
    for (const name of share.entities) {
      const over = file.connections.find((c) => c.from === root && c.to === name);
      if (over?.status !== "Connected") continue;
      const target = entities.staying(name);
      const current = source && target ? tenant.connectionBetween(source.id, target.id) : undefined;
      const standing = current?.status === "Connected" && current.sourceEntityId === source?.id;
      const address = shareAddress(share.product, name);
      draft.steps.push({
        address,
        action: "share",
        after: standing ? [] : [stepKey("accept", connectionAddress(root, name))],
        rank,
        from: root,
        to: name,
        product: share.product,
        ...(standing ? { unchecked: true as const } : {}),
        reason: standing
          ? "cannot be checked before it runs: Zuora publishes no read of a product's shares; apply sends it, and Zuora's answer that it is shared already counts as done"
          : `the connection ${root}->${name} is new: nothing is shared over it yet`,
      });
      draft.views.set(address, {
        before: standing ? null : { product: share.product, entity: name, shared: false },
        after: { product: share.product, entity: name, shared: true },
      });
    }
  }
}

/** The products the file shares over each connection from the global entity, by `connection.ROOT->ENTITY`. */
export function sharesOverConnections(file: Hierarchy): Map<string, string[]> {
  const root = file.entities.find((e) => e.parent === undefined)?.name;
  const over = new Map<string, string[]>();
  if (root === undefined) return over;
  for (const share of file.shares ?? []) {
    for (const name of share.entities) {
      const address = connectionAddress(root, name);
      over.set(address, [...(over.get(address) ?? []), share.product]);
    }
  }
  return over;
}
