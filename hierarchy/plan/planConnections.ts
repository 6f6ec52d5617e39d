import { connectionAddress } from "../addresses.js";
import type { Hierarchy, TenantConnection } from "../model.js";
import type { TenantIndex } from "../tenant/tenantIndex.js";
import { type Draft, refusal, stepKey } from "./draft.js";
import type { EntityOutcome } from "./planEntities.js";

/**
 * Plans the connections, after the entities: a request is initiated once both ends are provisioned, as the source,
 * and accepted as the target; a pending request the file says is Disconnected is denied; a connected one is
 * disconnected, which breaks for good what was shared over it (the products the file shares over it are named). A
 * connection's direction is fixed once asked; with `prune`, open connections the file leaves out are denied or
 * disconnected.
 *
 * @param sharedOver - The products the file shares over each connection, by its address.
 */
export function planConnections(
  file: Hierarchy,
  tenant: TenantIndex,
  entities: EntityOutcome,
  prune: boolean,
  draft: Draft,
  sharedOver: ReadonlyMap<string, readonly string[]> = new Map(),
): void {
  const named = new Set<string>();
  const view = (from: string, to: string, status: string) => ({ from, to, status });
  const nameOf = (id: string) => tenant.byId.get(id)?.name ?? id;
  file.connections.forEach((c, rank) => {
    const address = connectionAddress(c.from, c.to);
    const source = entities.staying(c.from);
    const target = entities.staying(c.to);
    const current = source && target ? tenant.connectionBetween(source.id, target.id) : undefined;
    if (current) named.add(current.id);
    if (c.status !== "Disconnected") {
      const notProvisioned = [c.from, c.to].filter((name) => !entities.willBeProvisioned(name));
      if (notProvisioned.length > 0) {
        draft.refused.push(
          refusal(
            address,
            `${notProvisioned.join(" and ")} will not be provisioned: both ends of a connection must be`,
            c.at,
          ),
        );
        return;
      }
    }
    const currentStatus = current?.status ?? "none";
    const open = current && current.status !== "Disconnected";
    if (open && current.sourceEntityId !== source?.id && c.status === "Disconnected") {
      // The file says the pair is not connected: the tenant's request the other way ends, in its own direction.
      const [from, to] = [nameOf(current.sourceEntityId), nameOf(current.targetEntityId)];
      endConnection(
        current,
        connectionAddress(from, to),
        from,
        to,
        draft,
        `the file says ${c.from}->${c.to} is Disconnected`,
        [],
      );
      return;
    }
    if (open && current.sourceEntityId !== source?.id) {
      draft.refused.push(
        refusal(
          address,
          `the tenant has it the other way, ${nameOf(current.sourceEntityId)}->${nameOf(current.targetEntityId)} (${current.status}): a connection's direction is fixed once asked; write it that way`,
          c.at,
        ),
      );
      return;
    }
    const before = current ? view(c.from, c.to, current.status) : null;
    const push = (action: "initiate" | "accept" | "deny" | "disconnect", after: string[], reason: string) =>
      draft.steps.push({ address, action, after, rank, from: c.from, to: c.to, reason });
    const ready = [entities.readyKey(c.from), entities.readyKey(c.to)].filter((k): k is string => k !== undefined);
    if (c.status === "Pending" || c.status === "Connected") {
      if (currentStatus === "Connected" && c.status === "Pending") {
        // The tenant is past the file, and nothing can bring it back: a difference kept, not a refusal.
        draft.drift.push({
          address,
          before: view(c.from, c.to, "Connected"),
          reason:
            "is Connected, and the file says Pending: kept, as a connection cannot go back to Pending; write Connected",
        });
        return;
      }
      if (currentStatus === c.status) return;
      if (!open) push("initiate", ready, `requested by ${c.from}`);
      if (c.status === "Connected") {
        push("accept", [stepKey("initiate", address)], `accepted by ${c.to}`);
      }
    } else if (currentStatus === "Pending") {
      push(
        "deny",
        [],
        `the file says Disconnected: ${c.to} denies the request (it is withdrawn, and no longer listed)`,
      );
    } else if (currentStatus === "Connected") {
      const products = sharedOver.get(address) ?? [];
      push(
        "disconnect",
        [],
        products.length > 0
          ? `the file says Disconnected: it breaks the share of ${products.join(", ")} with ${c.to}, which Zuora cannot recover`
          : "the file says Disconnected: what was shared over it loses its mapping, which Zuora cannot recover",
      );
      if (products.length > 0) {
        draft.views.set(address, {
          before: { ...view(c.from, c.to, "Connected"), shares: products },
          after: view(c.from, c.to, c.status),
        });
        return;
      }
    } else {
      return;
    }
    draft.views.set(address, { before, after: view(c.from, c.to, c.status) });
  });

  for (const current of tenant.currentConnections()) {
    if (named.has(current.id) || current.status === "Disconnected") continue;
    const from = nameOf(current.sourceEntityId);
    const to = nameOf(current.targetEntityId);
    const address = connectionAddress(from, to);
    if (!prune) {
      draft.drift.push({
        address,
        before: { from, to, status: current.status },
        reason: `is ${current.status} and not in the file: kept (run with --prune to end it)`,
      });
      continue;
    }
    endConnection(current, address, from, to, draft, "not in the file (--prune)", sharedOver.get(address) ?? []);
  }
}

/** Ends an open connection, in its own direction: its target denies a pending request; a connected one is disconnected. */
function endConnection(
  current: TenantConnection,
  address: string,
  from: string,
  to: string,
  draft: Draft,
  why: string,
  products: readonly string[],
): void {
  const action = current.status === "Pending" ? "deny" : "disconnect";
  const lost =
    products.length > 0
      ? `it breaks the share of ${products.join(", ")} with ${to}, which Zuora cannot recover`
      : "what was shared over it loses its mapping, which Zuora cannot recover (Zuora publishes no read of shares; the file names none over it)";
  draft.steps.push({
    address,
    action,
    after: [],
    rank: Number.MAX_SAFE_INTEGER,
    from,
    to,
    reason: action === "deny" ? `${why}: ${to} denies the request` : `${why}: ${lost}`,
  });
  draft.views.set(address, { before: { from, to, status: current.status }, after: null });
}
