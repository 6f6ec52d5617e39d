import { type Fault, faultProblem } from "../stand-in/http/faults.js";

/**
 * A fault the front layer injects into one request: the stand-in's {@link Fault} (one format for both: `{ status,
 * retryAfterSeconds? }`, `"reset-before"`, `"reset-after"`), or one only a server on the network can play:
 * - `{ delayMs }`: wait this long before going on (past the client's timeout, it gives up first);
 * - `"hold"`: hold the request, unseen, until the test releases it (`POST /__front/release`): a request that arrives
 *   late, after the client gave up on it, without the test guessing how late "late" is on a busy machine;
 * - `"truncated-gzip"`: let the upstream answer, then send the answer gzipped and cut in half.
 */
export type FrontFault = Fault | { delayMs: number } | "hold" | "truncated-gzip";

/** A fault's name in the front layer's log. */
export type FaultName = "status" | "slow" | Exclude<FrontFault, object>;

/** A fault's name in the log: `status` for `{ status }`, `slow` for `{ delayMs }`, else the fault itself. */
export function faultName(fault: FrontFault): FaultName {
  if (typeof fault === "string") return fault;
  return "status" in fault ? "status" : "slow";
}

/** A control request's body that cannot be acted on: answered 400 with this message. */
export class BadControlRequest extends Error {}

/** The faults armed per track id, each met once, in order. */
export class FaultQueue {
  readonly #armed = new Map<string, FrontFault[]>();

  /** Arms `faults` for the next requests carrying `trackId`, after those already armed. */
  add(trackId: string, faults: FrontFault[]): void {
    this.#armed.set(trackId, [...(this.#armed.get(trackId) ?? []), ...faults]);
  }

  /** Takes the next fault armed for `trackId`, if any. */
  take(trackId: string | undefined): FrontFault | undefined {
    return trackId === undefined ? undefined : this.#armed.get(trackId)?.shift();
  }
}

/** The body of a control request as JSON; throws {@link BadControlRequest} when it is not. */
function json(raw: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new BadControlRequest("The body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new BadControlRequest("The body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

function trackIdOf(body: Record<string, unknown>): string {
  if (typeof body.trackId !== "string" || body.trackId === "") {
    throw new BadControlRequest("trackId must be a non-empty string.");
  }
  return body.trackId;
}

/** What makes `fault` impossible to inject, naming it as `where`, or undefined. */
function frontFaultProblem(fault: unknown, where: string): string | undefined {
  if (fault === "hold" || fault === "truncated-gzip") return undefined;
  if (typeof fault === "object" && fault !== null && "delayMs" in fault) {
    const { delayMs } = fault;
    return Number.isSafeInteger(delayMs) && (delayMs as number) >= 0
      ? undefined
      : `${where}.delayMs must be a whole number of ms, 0 or more`;
  }
  if (typeof fault === "object" && fault !== null && "status" in fault) return faultProblem(fault, where);
  return (
    faultProblem(fault, where) &&
    `${where} must be { status }, "reset-before", "reset-after", { delayMs }, "hold" or "truncated-gzip"`
  );
}

/** `POST /__front/faults`: the track id and its faults, each checked now rather than when a request meets it. */
export function parseFaultPlan(raw: Buffer): { trackId: string; faults: FrontFault[] } {
  const body = json(raw);
  const trackId = trackIdOf(body);
  if (!Array.isArray(body.faults)) throw new BadControlRequest("faults must be a list of faults.");
  body.faults.forEach((fault, i) => {
    const problem = frontFaultProblem(fault, `faults[${i}]`);
    if (problem) throw new BadControlRequest(`${problem}.`);
  });
  return { trackId, faults: body.faults as FrontFault[] };
}

/** `POST /__front/release`: the track id whose held requests go on. */
export function parseRelease(raw: Buffer): { trackId: string } {
  return { trackId: trackIdOf(json(raw)) };
}
