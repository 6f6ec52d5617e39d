/**
 * How a plan names what it changes, in its steps, its changes, its refusals and a saved plan's check of the tenant:
 * built here alone, so that every part of the hierarchy names the same thing the same way.
 */

/** `entity.NAME`; `entity.*` names every entity. */
export const entityAddress = (name: string): string => `entity.${name}`;

/** `connection.FROM->TO`: FROM asks, TO accepts. */
export const connectionAddress = (from: string, to: string): string => `connection.${from}->${to}`;

/** `user.USERNAME`: a user of the file, as a whole. */
export const userAddress = (username: string): string => `user.${username}`;

/** `access.USERNAME->ENTITY`: a user's access to an entity. */
export const accessAddress = (username: string, entity: string): string => `access.${username}->${entity}`;

/** `share.PRODUCT->ENTITY`: a product of the global entity shared with an entity. */
export const shareAddress = (product: string, entity: string): string => `share.${product}->${entity}`;
