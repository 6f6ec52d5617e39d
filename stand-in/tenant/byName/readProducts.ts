import type { Tenant } from "../tenant.js";
import type { SeedConnection } from "./readConnections.js";
import {
  type EntityRef,
  knownKeysOnly,
  listOfMappings,
  type Report,
  type Resolver,
  refKey,
  str,
  unknownEntity,
} from "./reading.js";

const PRODUCT_KEYS = new Set(["id", "name", "owner", "sharedWith"]);

/** A product of a seed, checked, with its owner and shares as the seed names them. */
export interface SeedProduct {
  id: string | undefined;
  name: string | undefined;
  owner: EntityRef | undefined;
  sharedWith: EntityRef[];
}

/**
 * Checks a seed's `products`, reporting every problem: an ID taken, a key it does not take, an entity that is none, a
 * share with an entity no Connected connection goes to from the owner (the seed's `connections` or the tenant's).
 */
export function readProducts(
  tenant: Tenant,
  raw: unknown,
  resolve: Resolver,
  connections: readonly SeedConnection[],
  report: Report,
): SeedProduct[] {
  // Zuora shares a product over a Connected connection from its owner (as \`shareProduct\` requires), and a
  // disconnection ends the shares made over it: a seed, or a saved state, shares nothing else.
  const connected = new Set(
    connections.filter((c) => c.values.status === "Connected").map((c) => `${refKey(c.from)}>${refKey(c.to)}`),
  );
  const connects = (from: EntityRef, to: EntityRef) =>
    connected.has(`${refKey(from)}>${refKey(to)}`) ||
    ("id" in from && "id" in to && tenant.connections.connects(from.id, to.id));
  const products: SeedProduct[] = [];
  const ids = new Set<string>();
  const item = { one: "a product", shape: "{ id, name, owner, sharedWith }" };
  for (const { path, value: product } of listOfMappings(raw, "products", item, report)) {
    knownKeysOnly(path, product, PRODUCT_KEYS, report);
    for (const key of ["id", "name", "owner"] as const) {
      if (product[key] !== undefined && typeof product[key] !== "string") {
        report([...path, key], `\`${key}\` must be a string`);
      }
    }
    const id = str(product.id);
    if (id !== undefined && (tenant.products.has(id) || ids.has(id)))
      report([...path, "id"], `the product ${id} exists`);
    if (id !== undefined) ids.add(id);
    const owner = product.owner === undefined ? undefined : resolve.one(product.owner);
    if (product.owner !== undefined && !owner) report([...path, "owner"], unknownEntity(product.owner));
    const sharedWith =
      product.sharedWith === undefined
        ? []
        : (resolve.list([...path, "sharedWith"], product.sharedWith, "`sharedWith`", false) as EntityRef[]);
    const from = owner ?? { id: tenant.entities.globalId };
    sharedWith.forEach((to, i) => {
      if (!connects(from, to)) {
        report(
          [...path, "sharedWith", i],
          `no Connected connection goes from the product's owner to ${String((product.sharedWith as unknown[])[i])}: a product is shared over one`,
        );
      }
    });
    products.push({ id, name: str(product.name), owner, sharedWith });
  }
  return products;
}
