import type { CallInfo } from "../pipeline/types.js";

// The one place a response is looked up: the public callInfo(), for responses the client handed to its caller.
// Inside the client, a call's record travels with its response (an Exchange), never through this map.
const handedOut = new WeakMap<Response, CallInfo>();

/**
 * Attempts, idempotency key, track id and uncertain attempts of the call that produced `response` (one the client
 * returned: `zuora.GET(...)`'s `response`, or `withResponse().response`), or undefined for any other response.
 */
export function callInfo(response: Response): CallInfo | undefined {
  return handedOut.get(response);
}

/** Records what a call learnt, for {@link callInfo}, as its response is handed to the caller. Internal. */
export function handOut(response: Response, info: CallInfo): void {
  handedOut.set(response, info);
}
