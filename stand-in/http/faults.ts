import type { OperationId } from "./match.js";

/**
 * A failure to inject into one coming request, to test what code does when the network or Zuora fails:
 * - `{ status }`: answer with this status (429 and 503 carry `Retry-After`), without running the operation;
 * - `"reset-before"`: the connection drops before the request arrives (nothing happens; fetch rejects);
 * - `"reset-after"`: the operation runs, then the connection drops before the answer (fetch rejects): the case
 *   where the caller cannot know whether its request took effect.
 */
export type Fault = { status: number; retryAfterSeconds?: number } | "reset-before" | "reset-after";

/** A fault, and which requests it may hit. */
export interface FaultPlan {
  fault: Fault;
  /** Only a request to this operation meets the fault. Defaults to the next request of any operation. */
  operationId?: OperationId;
}

/** The faults armed for coming requests, each met once, in the order they were armed. */
export class Faults {
  readonly #armed: FaultPlan[] = [];

  /** Arms a fault for the next request that fits the plan. */
  arm(plan: FaultPlan): void {
    this.#armed.push(plan);
  }

  /** Takes the first armed fault that fits this request, if any. */
  take(operationId: OperationId | undefined): Fault | undefined {
    const index = this.#armed.findIndex((p) => p.operationId === undefined || p.operationId === operationId);
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
