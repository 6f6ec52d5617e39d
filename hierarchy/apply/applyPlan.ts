import {
  reasonCategory,
  ZuoraApiError,
  ZuoraBusinessError,
  type ZuoraClient,
  ZuoraValidationError,
} from "../../src/index.js";
import { connectionAddress } from "../addresses.js";
import type { Plan, Step, TenantState } from "../model.js";
import { isNotFound } from "../notFound.js";
import { DEFAULT_PARALLELISM } from "../tenant/readTenant.js";
import { type GoalLookups, goalReached } from "./goalReached.js";
import { runSteps } from "./runSteps.js";

/** One step's end, as `applyPlan` reports it while it runs. */
export interface StepEvent {
  step: Step;
  /** How many steps have ended, this one included (1-based). */
  position: number;
  total: number;
  outcome: "done" | "failed";
  /** How long the step took, in ms. */
  ms: number;
  /** Why it failed, in words (Zuora's reason code first, when there is one). */
  failure?: string;
  /**
   * How a done step was done when it was not by its own request: the tenant showed its goal already (another apply
   * got there first), or Zuora did it at once (an access granted with its request). Undefined otherwise.
   */
  note?: string;
}

/** How a plan is applied. */
export interface ApplyOptions {
  /** Independent steps sent at once. Defaults to 10. */
  parallelism?: number | undefined;
  /** Called as each step ends, in the order they end. */
  onStep?: ((event: StepEvent) => void) | undefined;
  /**
   * The tenant the step names are looked up in. Defaults to the plan's own (`plan.tenant`); the rehearsal passes the
   * stand-in's copy, whose IDs differ.
   */
  tenant?: TenantState | undefined;
  /** Once aborted (Ctrl-C), no new step starts; the running ones finish, and the rest are reported not started. */
  signal?: AbortSignal | undefined;
  /**
   * After a failure, go on with the steps that do not wait for the failed one (the rehearsal does, to find every
   * step the tenant would refuse). Defaults to false: the first failure starts nothing new.
   */
  keepGoing?: boolean | undefined;
}

/** What an apply did. */
export interface ApplyResult {
  /** Every step done. */
  ok: boolean;
  /** The `signal` stopped it before every step had started. */
  interrupted: boolean;
  done: Step[];
  failed: { step: Step; reason: string; error: unknown }[];
  notStarted: Step[];
}

/** A plan that must not run: it has refusals. */
export class PlanRefusedError extends Error {
  override name = "PlanRefusedError";
}

/**
 * Sends a plan's steps through the client, each once its dependencies are done, `parallelism` at a time. At the
 * first failure (or once `signal` aborts) it starts nothing new, lets the running steps finish, and resolves with
 * what was done, what failed and what was not started (it does not throw for a failed step). A step Zuora refuses,
 * or answers not found, or that fails after an attempt whose answer was lost (`mayHaveActed`), counts as done when
 * the tenant shows its goal already (another apply got there first, or the lost attempt did it: the entity is
 * provisioned, the request accepted), and its event says so. Creates and connection requests carry an `Idempotency-Key` derived
 * from the plan, so the same plan sent again is answered, not acted on twice.
 *
 * @throws {PlanRefusedError} when the plan has refusals: nothing is sent.
 */
export async function applyPlan(plan: Plan, zuora: ZuoraClient, options: ApplyOptions = {}): Promise<ApplyResult> {
  if (plan.refused.length > 0) {
    throw new PlanRefusedError(`the plan has ${plan.refused.length} refusal(s): nothing is sent`);
  }
  const tenant = options.tenant ?? plan.tenant;
  const ids = new Map(tenant.entities.map((e) => [e.name, e.id]));
  const names = new Map(tenant.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  // The open connections' IDs by address: a step names a connection by its two ends.
  const connections = new Map<string, string>();
  for (const c of tenant.connections) {
    if (c.status === "Disconnected") continue;
    connections.set(connectionAddress(nameOf(c.sourceEntityId), nameOf(c.targetEntityId)), c.id);
  }
  const addressOf = (step: Step) => connectionAddress(step.from as string, step.to as string);
  const keyPrefix = `zuora-entities-${await fingerprint(plan)}`;
  const idOf = (name: string | undefined) => {
    const id = name === undefined ? undefined : ids.get(name);
    if (id === undefined) throw new Error(`no ID known for entity ${name}`);
    return id;
  };
  const connectionOf = (step: Step) => {
    const id = connections.get(addressOf(step));
    if (id === undefined) throw new Error(`no connection known from ${step.from} to ${step.to}`);
    return id;
  };

  /** Sends the step's request; resolves to a note when the goal was reached otherwise. */
  const send = async (step: Step): Promise<string | undefined> => {
    const idempotencyKey = `${keyPrefix}-${step.index}`;
    switch (step.action) {
      case "create": {
        const created = await zuora.createEntity(
          {
            name: step.entity as string,
            parentId: idOf(step.parent),
            ...(step.fields as { locale: string; timezone: string }),
          },
          { idempotencyKey },
        );
        ids.set(step.entity as string, created.id);
        return;
      }
      case "update":
        await zuora.updateEntity(idOf(step.entity), step.fields ?? {});
        return;
      case "provision":
        await zuora.provisionEntity(idOf(step.entity));
        return;
      case "delete":
        await zuora.deleteEntity(idOf(step.entity));
        return;
      case "initiate": {
        const asked = await zuora.initiateConnection(
          { targetEntityId: idOf(step.to) },
          { entityIds: idOf(step.from), idempotencyKey },
        );
        connections.set(addressOf(step), asked.id);
        return;
      }
      case "accept":
        await zuora.acceptConnection(connectionOf(step), { entityIds: idOf(step.to) });
        return;
      case "deny":
        await zuora.denyConnection(connectionOf(step), { entityIds: idOf(step.to) });
        return;
      case "disconnect":
        await zuora.disconnectConnection(connectionOf(step), { entityIds: idOf(step.from) });
        return;
      case "request-access":
        // From the user's home entity, by an administrator there (Zuora's rule for who may ask).
        await zuora.requestUserAccess(
          step.user as string,
          { targetEntityIds: [idOf(step.to)] },
          { entityIds: idOf(step.from) },
        );
        return;
      case "accept-access": {
        // Zuora grants a request at once when its sender also administers the entity: then there is nothing pending
        // to accept, and an accept would be refused.
        const target = idOf(step.to);
        const reachable = await zuora.listAccessibleEntities(step.user as string);
        if (reachable.entities.some((e) => e.id === target)) {
          return "granted at once (the request's sender administers it too)";
        }
        await zuora.acceptUserAccess(step.user as string, { entityIds: target });
        return;
      }
      case "deny-access":
        await zuora.denyUserAccess(step.user as string, { entityIds: idOf(step.to) });
        return;
      case "share":
        try {
          await zuora.shareProduct(
            step.product as string,
            { toEntityIds: [idOf(step.to)] },
            { entityIds: idOf(step.from), idempotencyKey },
          );
        } catch (error) {
          // Zuora publishes no read of a product's shares: its answer that it is shared already is the only way to
          // learn the goal is reached.
          if (isAlreadyShared(error)) return "already shared (Zuora says so)";
          throw error;
        }
        return;
    }
  };

  let ended = 0;
  const total = plan.steps.length;
  const lookups: GoalLookups = {
    idOf,
    learnEntity: (name, id) => ids.set(name, id),
    connectionOf: (step) => connections.get(addressOf(step)),
    learnConnection: (step, id) => connections.set(addressOf(step), id),
  };
  /**
   * The step sent; when Zuora refuses it, answers that what it names is not found, or fails after an attempt that
   * may have acted (its answer lost: a resend meets what that attempt did), done all the same if the tenant shows its
   * goal reached.
   */
  const sendOrFind = async (step: Step): Promise<string | undefined> => {
    try {
      return await send(step);
    } catch (error) {
      const mayBeDone =
        error instanceof ZuoraBusinessError ||
        (error instanceof ZuoraApiError && (error.mayHaveActed || isNotFound(error)));
      if (!mayBeDone) throw error;
      const found = await goalReached(step, zuora, lookups).catch(() => undefined);
      if (found === undefined) throw error;
      return found;
    }
  };
  const run = async (step: Step) => {
    const start = performance.now();
    try {
      const note = await sendOrFind(step);
      options.onStep?.({
        step,
        position: ++ended,
        total,
        outcome: "done",
        ms: performance.now() - start,
        ...(note === undefined ? {} : { note }),
      });
    } catch (error) {
      const failure = describeFailure(error);
      options.onStep?.({ step, position: ++ended, total, outcome: "failed", ms: performance.now() - start, failure });
      throw error;
    }
  };
  const stopped = () => options.signal?.aborted === true;
  const outcome = await runSteps(
    plan.steps,
    Math.max(1, options.parallelism ?? DEFAULT_PARALLELISM),
    run,
    stopped,
    options.keepGoing ?? false,
  );
  return {
    ok: outcome.failed.length === 0 && outcome.notStarted.length === 0,
    interrupted: outcome.notStarted.length > 0 && outcome.failed.length === 0,
    done: outcome.done,
    failed: outcome.failed.map(({ step, error }) => ({ step, error, reason: describeFailure(error) })),
    notStarted: outcome.notStarted,
  };
}

/** A failure in words: Zuora's reason code and message first, then the error's own message. */
export function describeFailure(error: unknown): string {
  if (error instanceof ZuoraApiError && error.reasons.length > 0) {
    return error.reasons.map((r) => `${r.code} ${r.message}`).join("; ");
  }
  if (error instanceof ZuoraValidationError) return `not sent: ${error.field} (${error.rule}): ${error.problem}`;
  return error instanceof Error ? error.message : String(error);
}

/** Whether Zuora refused a share because the product is shared with that entity already (a rule, category 30). */
function isAlreadyShared(error: unknown): boolean {
  return (
    error instanceof ZuoraBusinessError &&
    error.reasons.some((r) => reasonCategory(r.code) === 30 && /already shared/i.test(r.message))
  );
}

/** The first Zuora reason code of a failure, if any. */
export function reasonCodeOf(error: unknown): string | undefined {
  return error instanceof ZuoraApiError && error.reasons[0] ? String(error.reasons[0].code) : undefined;
}

/** A short digest of what the plan read and will do: the root of its idempotency keys. */
async function fingerprint(plan: Plan): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([plan.tenant, plan.steps]));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest.subarray(0, 12), (b) => b.toString(16).padStart(2, "0")).join("");
}
