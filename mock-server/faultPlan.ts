import type { Fault } from "./frontLayer.js";

/** A control request's body that cannot be acted on: answered 400 with this message. */
export class BadControlRequest extends Error {}

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

/** What makes a fault impossible to inject, or undefined. */
function faultProblem(fault: unknown): string | undefined {
  if (typeof fault !== "object" || fault === null) return "a fault must be an object with a kind";
  const { kind, status, retryAfter, delayMs } = fault as Record<string, unknown>;
  const count = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
  switch (kind) {
    case "status":
      if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
        return "a status fault's status must be an integer from 400 to 599";
      }
      return retryAfter === undefined || count(retryAfter) ? undefined : "retryAfter must be a whole number, 0 or more";
    case "slow":
      return count(delayMs) ? undefined : "a slow fault's delayMs must be a whole number, 0 or more";
    case "reset-before":
    case "reset-after":
    case "hold":
    case "truncated-gzip":
      return undefined;
    default:
      return `unknown fault kind ${JSON.stringify(kind)}`;
  }
}

/** `POST /__front/faults`: the track id and its faults, each checked now rather than when a request meets it. */
export function parseFaultPlan(raw: Buffer): { trackId: string; faults: Fault[] } {
  const body = json(raw);
  const trackId = trackIdOf(body);
  if (!Array.isArray(body.faults)) throw new BadControlRequest("faults must be a list of faults.");
  body.faults.forEach((fault, i) => {
    const problem = faultProblem(fault);
    if (problem) throw new BadControlRequest(`faults[${i}]: ${problem}.`);
  });
  return { trackId, faults: body.faults as Fault[] };
}

/** `POST /__front/release`: the track id whose held requests go on. */
export function parseRelease(raw: Buffer): { trackId: string } {
  return { trackId: trackIdOf(json(raw)) };
}
