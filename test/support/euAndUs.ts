import { createStandIn, type StandIn, type TenantSeed } from "../../stand-in/index.js";

/**
 * The tenant most stand-in behaviour tests start from: the global entity and two provisioned entities under it, `eu`
 * (EU) and `us` (US), with what `more` seeds (its entities after those two).
 */
export function euAndUs(more: TenantSeed = {}): { standIn: StandIn; global: string } {
  const standIn = createStandIn();
  standIn.seed({
    ...more,
    entities: [
      { id: "eu", name: "EU", status: "Provisioned" },
      { id: "us", name: "US", status: "Provisioned" },
      ...(more.entities ?? []),
    ],
  });
  return { standIn, global: standIn.globalEntityId };
}
