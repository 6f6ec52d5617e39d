import type { ZuoraClient } from "../../src/index.js";
import type { ConnectionStatus, Step } from "../model.js";
import { isNotFound } from "../notFound.js";

/** What a goal check needs of the apply: IDs by name, and the connections' IDs it knows (which it may learn). */
export interface GoalLookups {
  /** The entity's ID by name; throws for a name it does not know. */
  idOf(name: string | undefined): string;
  /** Records the ID of an entity the check found (a create another apply made). */
  learnEntity(name: string, id: string): void;
  /** The ID of the connection the step names, if known. */
  connectionOf(step: Step): string | undefined;
  /** Records the ID of a connection the check found (a request another apply made). */
  learnConnection(step: Step, id: string): void;
}

/** Why a step the tenant refused is done all the same, as its event says it. */
export const ALREADY = "already done: the tenant shows it (another apply got there first)";

/**
 * Whether the tenant already shows what a refused step was to do (another apply, or a person, got there first):
 * resolves to a note saying so, or undefined when it does not (the refusal stands). Only reads: an entity by its ID,
 * a connection in its source's list, a user's accessible entities.
 */
export async function goalReached(step: Step, zuora: ZuoraClient, lookups: GoalLookups): Promise<string | undefined> {
  switch (step.action) {
    case "create": {
      const parentId = lookups.idOf(step.parent);
      const listed = await zuora.listEntities();
      const made = listed.entities.find((e) => e.name === step.entity && e.parentId === parentId);
      if (!made || !sameFields(made, step.fields)) return undefined;
      lookups.learnEntity(step.entity as string, made.id);
      return ALREADY;
    }
    case "update": {
      const entity = await zuora.getEntity(lookups.idOf(step.entity));
      return sameFields(entity, step.fields) ? ALREADY : undefined;
    }
    case "provision": {
      const entity = await zuora.getEntity(lookups.idOf(step.entity));
      return entity.status === "Provisioned" ? ALREADY : undefined;
    }
    case "delete":
      try {
        await zuora.getEntity(lookups.idOf(step.entity));
        return undefined;
      } catch (error) {
        return isNotFound(error) ? ALREADY : undefined;
      }
    case "initiate": {
      const open = await connectionTo(zuora, lookups, step, (s) => s !== "Disconnected");
      if (!open) return undefined;
      lookups.learnConnection(step, open.id);
      return ALREADY;
    }
    case "accept":
      return (await connectionTo(zuora, lookups, step, (s) => s === "Connected")) ? ALREADY : undefined;
    case "deny":
      // A denied request is withdrawn: no open one is left between the two.
      return (await connectionTo(zuora, lookups, step, (s) => s !== "Disconnected")) ? undefined : ALREADY;
    case "disconnect":
      return (await connectionTo(zuora, lookups, step, (s) => s === "Connected")) ? undefined : ALREADY;
    case "request-access":
    case "accept-access":
      return (await canAccess(zuora, step, lookups)) ? ALREADY : undefined;
    case "deny-access":
      return (await canAccess(zuora, step, lookups)) ? undefined : ALREADY;
    case "share":
      return undefined;
  }
}

/** Whether an entity has the fields a create or an update sends. */
function sameFields(
  entity: { displayName?: string | undefined; locale?: string | undefined; timezone?: string | undefined },
  fields: Step["fields"],
): boolean {
  return Object.entries(fields ?? {}).every(([key, value]) => entity[key as keyof typeof entity] === value);
}

/** The connection from the step's source to its target whose status passes `wanted`, as the source lists them. */
async function connectionTo(
  zuora: ZuoraClient,
  lookups: GoalLookups,
  step: Step,
  wanted: (status: ConnectionStatus) => boolean,
): Promise<{ id: string } | undefined> {
  const source = lookups.idOf(step.from);
  const target = lookups.idOf(step.to);
  const known = lookups.connectionOf(step);
  for await (const c of zuora.allConnections({ type: "outbound", pageSize: 300 }, { entityIds: source })) {
    if (c.targetEntityId !== target || !wanted(c.status as ConnectionStatus)) continue;
    if (known === undefined || c.id === known || step.action === "initiate") return c;
  }
  return undefined;
}

/** Whether the step's user can access the step's entity now. */
async function canAccess(zuora: ZuoraClient, step: Step, lookups: GoalLookups): Promise<boolean> {
  const target = lookups.idOf(step.to);
  const listed = await zuora.listAccessibleEntities(step.user as string);
  return listed.entities.some((e) => e.id === target);
}
