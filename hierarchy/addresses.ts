/**
 * How a plan names what it changes, in its steps, its changes, its refusals and a saved plan's check of the tenant:
 * built here alone, so that every part of the hierarchy names the same thing the same way.
 */

/** `entity.NAME`; `entity.*` names every entity. */
export const entityAddress = (name: string): string => `entity.${name}`;

/** `connection.FROM->TO`: FROM asks, TO accepts. */
export const connectionAddress = (from: string, to: string): string => `connection.${from}->${to}`;
