import type { Connections } from "./connections.js";
import type { Entities } from "./entities.js";
import { RecordsById } from "./ids.js";
import { Category, type Outcome, ok, refuse } from "./reasons.js";

/** The body field of `shareProduct` that names the target. */
const TARGETS = "toEntityIds";

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
  /** The entity that owns the product (only the global entity's products can be shared). */
  ownerEntityId: string;
  /** The entities the product is shared with, in the order shared. */
  sharedWith: string[];
}

/**
 * The catalog products of one tenant and the entities each is shared with. Only the global entity shares, its own
 * products, with one entity at a time, once per entity, and only over a connection from it to that entity; a
 * disconnection breaks what was shared over it (Zuora's sharing prerequisites and disconnection warning).
 */
export class Products {
  readonly #byId = new RecordsById<StandInProduct>("8a8b");
  readonly #entities: Entities;
  readonly #connections: Connections;

  /**
   * @param entities - The hierarchy whose entities own and receive products.
   * @param connections - The connections sharing needs from owner to target.
   */
  constructor(entities: Entities, connections: Connections) {
    this.#entities = entities;
    this.#connections = connections;
  }

  /**
   * Shares the product, from `callerId` (the global entity), with the one entity in `targetIds`. Refused: a caller
   * other than the global entity (permission); an unknown product, one of another entity, or an unknown entity (not
   * found); no entity, or more than one (invalid value, rule); the owner itself, an entity the product is already
   * shared with, or one no connection goes to from the owner (rule).
   */
  share(productId: string, callerId: string, targetIds: readonly string[]): Outcome<StandInProduct> {
    if (callerId !== this.#entities.globalId) {
      return refuse(Category.permission, "Only the global entity can share products: make the call in it.");
    }
    const product = this.#byId.get(productId);
    if (!product) return refuse(Category.notFound, `The product ${productId} does not exist.`);
    if (product.ownerEntityId !== callerId) {
      return refuse(
        Category.notFound,
        `The product ${productId} is not one of the entity ${callerId}'s (it belongs to ${product.ownerEntityId}).`,
      );
    }
    const [targetId, ...more] = targetIds;
    if (targetId === undefined) {
      return refuse(Category.invalidValue, "Name the entity to share the product with.", TARGETS);
    }
    if (more.length > 0) return refuse(Category.rule, "A product can be shared with one entity at a time.", TARGETS);
    if (!this.#entities.has(targetId)) {
      return refuse(Category.notFound, `The entity ${targetId} does not exist.`, TARGETS);
    }
    if (targetId === product.ownerEntityId) {
      return refuse(Category.rule, "A product cannot be shared with the entity that owns it.", TARGETS);
    }
    if (product.sharedWith.includes(targetId)) {
      return refuse(Category.rule, `The product ${productId} is already shared with the entity ${targetId}.`, TARGETS);
    }
    if (!this.#connections.connects(product.ownerEntityId, targetId)) {
      return refuse(
        Category.rule,
        `No connection goes from ${product.ownerEntityId} to ${targetId}: connect them before sharing.`,
        TARGETS,
      );
    }
    product.sharedWith.push(targetId);
    return ok(structuredClone(product));
  }

  /** Breaks what `sourceId` shared with `targetId` (their connection ended): a later share starts anew. */
  forgetShares(sourceId: string, targetId: string): void {
    for (const product of this.#byId.values()) {
      if (product.ownerEntityId !== sourceId) continue;
      const at = product.sharedWith.indexOf(targetId);
      if (at !== -1) product.sharedWith.splice(at, 1);
    }
  }

  /** Forgets removed entities: the products they own, and the shares they received. */
  forgetEntities(entityIds: readonly string[]): void {
    const gone = new Set(entityIds);
    for (const [id, product] of this.#byId) {
      if (gone.has(product.ownerEntityId)) this.#byId.delete(id);
      else product.sharedWith = product.sharedWith.filter((e) => !gone.has(e));
    }
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
    if (seed.id !== undefined && this.#byId.has(seed.id)) throw new TypeError(`seed: the product ${seed.id} exists`);
    const id = this.#byId.newId(seed.id);
    const product: StandInProduct = { id, name: seed.name ?? id, ownerEntityId, sharedWith };
    this.#byId.set(id, product);
    return structuredClone(product);
  }

  /** Whether a product with this ID exists. */
  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** Every product, in the order added (copies). */
  all(): StandInProduct[] {
    return structuredClone([...this.#byId.values()]);
  }
}
