import { constraints } from "../../generated/constraints.js";
import { type Answer, answer } from "./answers.js";
import type { OperationId } from "./match.js";

/**
 * A failure to inject into one coming request, to test what code does when the network or Zuora fails:
 * - `{ status }`: answer with this status, 400 to 599 (429 and 503 carry `Retry-After`, `retryAfterSeconds` or 1),
 *   without running the operation;
 * - `"reset-before"`: the connection drops before the request arrives (nothing happens; fetch rejects);
 * - `"reset-after"`: the operation runs, then the connection drops before the answer (fetch rejects): the case
 *   where the caller cannot know whether its request took effect.
 */
export type Fault = { status: number; retryAfterSeconds?: number } | "reset-before" | "reset-after";

/** A fault, and which requests it may hit. */
export interface FaultPlan {
  fault: Fault;
  /** Only a request to this operation meets the fault. Defaults to the next request of any operation. */
  operationId?: OperationId | undefined;
  /**
   * Only a request carrying this `Zuora-Track-Id` meets the fault (so tests sharing one stand-in do not meet each
   * other's faults). Defaults to any request.
   */
  trackId?: string | undefined;
}

/** The faults armed for coming requests, each met once, in the order they were armed. */
export class Faults {
  readonly #armed: FaultPlan[] = [];

  /** Arms a fault for the next request that fits the plan; throws a TypeError naming what is wrong with the plan. */
  arm(plan: FaultPlan): void {
    const problem = planProblem(plan);
    if (problem) throw new TypeError(`failNext: ${problem}`);
    const { fault, operationId, trackId } = plan;
    this.#armed.push({
      fault,
      ...(operationId === undefined ? {} : { operationId }),
      ...(trackId === undefined ? {} : { trackId }),
    });
  }

  /** Takes the first armed fault that fits this request (its operation and track id), if any. */
  take(operationId: OperationId | undefined, trackId: string | undefined): Fault | undefined {
    const index = this.#armed.findIndex(
      (p) =>
        (p.operationId === undefined || p.operationId === operationId) &&
        (p.trackId === undefined || p.trackId === trackId),
    );
    if (index === -1) return undefined;
    return this.#armed.splice(index, 1)[0]?.fault;
  }

  /** How many faults are still armed. */
  get pending(): number {
    return this.#armed.length;
  }

  /** Disarms every fault. */
  reset(): void {
    this.#armed.length = 0;
  }
}

/** What makes a plan impossible to meet (checked when it is armed, so the next request is not the one to fail). */
function planProblem(plan: unknown): string | undefined {
  if (typeof plan !== "object" || plan === null) return "the plan must be an object { fault, operationId? }";
  const { fault, operationId, trackId } = plan as { fault?: unknown; operationId?: unknown; trackId?: unknown };
  if (trackId !== undefined && typeof trackId !== "string") return "trackId must be a string";
  if (
    operationId !== undefined &&
    !(typeof operationId === "string" && Object.hasOwn(constraints.operations, operationId))
  ) {
    return `operationId must be one of the spec's operations (${Object.keys(constraints.operations).join(", ")})`;
  }
  return faultProblem(fault, "fault");
}

/**
 * What makes `fault` no {@link Fault}, naming it as `where` (`fault`, `faults[2]`), or undefined. The stand-in and
 * the front layer (mock-server/) read faults in this one format.
 */
export function faultProblem(fault: unknown, where: string): string | undefined {
  if (fault === "reset-before" || fault === "reset-after") return undefined;
  if (typeof fault !== "object" || fault === null)
    return `${where} must be "reset-before", "reset-after" or { status }`;
  const { status, retryAfterSeconds } = fault as { status?: unknown; retryAfterSeconds?: unknown };
  if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
    return `${where}.status must be an integer from 400 to 599`;
  }
  if (retryAfterSeconds !== undefined && !(Number.isInteger(retryAfterSeconds) && (retryAfterSeconds as number) >= 0)) {
    return `${where}.retryAfterSeconds must be a whole number of seconds, 0 or more`;
  }
  return undefined;
}

/** The answer to a `{ status }` fault, in the spec's shape for its status (429 and 503 carry `Retry-After`). */
export function faultAnswer(fault: Extract<Fault, { status: number }>): Answer {
  const retryAfter =
    fault.status === 429 || fault.status === 503 ? { "retry-after": String(fault.retryAfterSeconds ?? 1) } : {};
  if (fault.status === 429) return answer(429, { message: "Too many requests" }, retryAfter);
  return answer(
    fault.status,
    { success: false, reasons: [{ code: "SystemError", message: `injected ${fault.status}` }] },
    retryAfter,
  );
}
