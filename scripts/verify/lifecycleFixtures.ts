import type { TenantSeed } from "../../stand-in/index.js";

/** What the lifecycle's access and sharing steps need, and the Multi-entity API cannot create. */
export interface LifecycleFixtures {
  /** Creates a user in `homeEntityId` and resolves to its username. */
  user(homeEntityId: string): Promise<string>;
  /** Creates a catalog product owned by `ownerEntityId` and resolves to its ID. */
  product(ownerEntityId: string): Promise<string>;
}

/**
 * Fixtures made by seeding a stand-in: `seed` is the stand-in's `seed()`, or a request to its `/__stand-in/seed`
 * endpoint. Names are unique per call, so a stand-in shared by several runs keeps them apart.
 */
export function seededFixtures(seed: (seed: TenantSeed) => unknown): LifecycleFixtures {
  const unique = () => crypto.randomUUID().slice(0, 8);
  return {
    async user(home) {
      const username = `lifecycle-${unique()}@example.com`;
      await seed({ users: { [username]: { home } } });
      return username;
    },
    async product(ownerEntityId) {
      const id = `lifecycle-product-${unique()}`;
      await seed({ products: [{ id, name: "Lifecycle plan", ownerEntityId }] });
      return id;
    },
  };
}
