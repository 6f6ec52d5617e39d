import type { Connections } from "./connections.js";
import type { Entities } from "./entities.js";
import { idMaker } from "./ids.js";
import { Category, type Outcome, ok, refuse } from "./reasons.js";

/** A catalog product to seed. */
export interface ProductSeed {
  /** Defaults to the next generated ID. */
  id?: string;
  /** Defaults to the ID. */
  name?: string;
  /** The entity that owns the product. Defaults to the global entity. */
  ownerEntityId?: string;
  /** Entities the product is already shared with. Defaults to none. */
  sharedWith?: readonly string[];
}

/** A product as the stand-in holds it (a copy, in `state()`). */
export interface StandInProduct {
  id: string;
  name: string;
  /** The entity that owns the product: the only one whose administrators may share it. */
  ownerEntityId: string;
  /** The entities the product is shared with, in the order shared. */
  sharedWith: string[];
}

/**
 * The catalog products of one tenant and the entities each is shared with. The owning entity shares a product with
 * one entity at a time, once per entity, and only with an entity it is connected to (the stand-in's reading of
 * Zuora's sharing prerequisites).
 */
export class Products {
  readonly #byId = new Map<string, StandInProduct>();
  readonly #entities: Entities;
  readonly #connections: Connections;
  readonly #newId = idMaker("8a8b");

  /**
   * @param entities - The hierarchy whose entities own and receive products.
   * @param connections - The connections sharing needs between owner and target.
   */
  constructor(entities: Entities, connections: Connections) {
    this.#entities = entities;
    this.#connections = connections;
  }

  /**
   * Shares the product, from `callerId`, with the one entity in `targetIds`. Refused: an unknown product or entity
   * (not found); no entity, or more than one (invalid value, rule); a caller that does not own the product
   * (permission); the owner itself, an entity the product is already shared with, or one not connected to the
   * owner (rule).
   */
  share(productId: string, callerId: string, targetIds: readonly string[]): Outcome<StandInProduct> {
    const product = this.#byId.get(productId);
    if (!product) return refuse(Category.notFound, `The product ${productId} does not exist.`);
    const [targetId, ...more] = targetIds;
    if (targetId === undefined) return refuse(Category.invalidValue, "Name the entity to share the product with.");
    if (more.length > 0) return refuse(Category.rule, "A product can be shared with one entity at a time.");
    if (!this.#entities.has(targetId)) return refuse(Category.notFound, `The entity ${targetId} does not exist.`);
    if (callerId !== product.ownerEntityId) {
      return refuse(
        Category.permission,
        `Only the entity that owns the product ${productId} (${product.ownerEntityId}) can share it.`,
      );
    }
    if (targetId === product.ownerEntityId) {
      return refuse(Category.rule, "A product cannot be shared with the entity that owns it.");
    }
    if (product.sharedWith.includes(targetId)) {
      return refuse(Category.rule, `The product ${productId} is already shared with the entity ${targetId}.`);
    }
    if (!this.#connected(product.ownerEntityId, targetId)) {
      return refuse(
        Category.rule,
        `The entity ${targetId} is not connected to ${product.ownerEntityId}: connect them before sharing.`,
      );
    }
    product.sharedWith.push(targetId);
    return ok(structuredClone(product));
  }

  /**
   * Adds a product as given, bypassing the API's rules. Throws a TypeError for an unknown owner or shared-with
   * entity, or an ID already taken.
   */
  seed(seed: ProductSeed): StandInProduct {
    const ownerEntityId = seed.ownerEntityId ?? this.#entities.globalId;
    const sharedWith = [...(seed.sharedWith ?? [])];
    for (const id of [ownerEntityId, ...sharedWith]) {
      if (!this.#entities.has(id)) throw new TypeError(`seed: the entity ${id} does not exist`);
    }
    const id = seed.id ?? this.#newId();
    if (this.#byId.has(id)) throw new TypeError(`seed: the product ${id} exists`);
    const product: StandInProduct = { id, name: seed.name ?? id, ownerEntityId, sharedWith };
    this.#byId.set(id, product);
    return structuredClone(product);
  }

  /** Every product, in the order added (copies). */
  all(): StandInProduct[] {
    return structuredClone([...this.#byId.values()]);
  }

  #connected(a: string, b: string): boolean {
    return this.#connections
      .all()
      .some(
        (c) =>
          c.status === "Connected" &&
          ((c.sourceEntityId === a && c.targetEntityId === b) || (c.sourceEntityId === b && c.targetEntityId === a)),
      );
  }
}
