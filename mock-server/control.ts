import type { ServerResponse } from "node:http";
import { sendJson } from "./answers.js";
import { type FaultQueue, parseFaultPlan, parseRelease } from "./faultPlan.js";
import type { Holds } from "./holds.js";
import type { RequestLog } from "./requestLog.js";

/** What the control endpoints act on. */
export interface Controlled {
  faults: FaultQueue;
  log: RequestLog;
  holds: Holds;
}

/**
 * The front layer's own endpoints, over HTTP so that test workers in other processes can use them:
 * - `POST /__front/faults` `{ "trackId": "...", "faults": [FrontFault, ...] }`: the next requests carrying that
 *   `Zuora-Track-Id` meet these faults, one each, in order;
 * - `GET /__front/log?trackId=...`: what happened to each request carrying that track id;
 * - `POST /__front/release` `{ "trackId": "..." }`: lets the requests held by a `hold` fault go on, and answers once
 *   they have been handled, so a test can look at the log without waiting for a clock.
 * Resolves to true when it answered the request, false for a request that is not one of them (it goes upstream). A
 * body that is not JSON, or a fault that cannot be injected, throws a `BadControlRequest` (a 400).
 */
export async function answerControl(
  method: string | undefined,
  url: URL,
  raw: Buffer,
  res: ServerResponse,
  { faults, log, holds }: Controlled,
): Promise<boolean> {
  const route = `${method} ${url.pathname}`;
  if (route === "POST /__front/faults") {
    const { trackId, faults: list } = parseFaultPlan(raw);
    faults.add(trackId, list);
  } else if (route === "POST /__front/release") {
    await holds.release(parseRelease(raw).trackId);
  } else if (route === "GET /__front/log") {
    sendJson(res, 200, log.of(url.searchParams.get("trackId") ?? ""));
    return true;
  } else {
    return false;
  }
  sendJson(res, 204, null);
  return true;
}
