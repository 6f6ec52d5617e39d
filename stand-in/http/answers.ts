import { NO_PAYLOAD_RESOURCE, type Refusal, reasonCode } from "../tenant/reasons.js";

/** What the stand-in answers: a status, headers and a JSON body. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** An answer with a JSON body and the headers every Zuora answer carries. */
export function answer(status: number, body: unknown, headers?: Record<string, string>): Answer {
  const own = { "content-type": "application/json", "zuora-request-id": crypto.randomUUID() };
  // Object.assign, not a spread: the answers without headers of their own (most) copy nothing.
  return { status, headers: headers === undefined ? own : Object.assign(own, headers), body };
}

/**
 * Zuora's business failure: HTTP 200, `success: false`, and the reason with its 8-digit code.
 *
 * @param resource - The code's first six digits (see `resourceCodes.ts`). Defaults to `500000`.
 */
export function businessFailure(refusal: Refusal, resource = NO_PAYLOAD_RESOURCE): Answer {
  return failure(200, refusal, resource);
}

/**
 * A failure with `success: false` and the reason with its 8-digit code, under `status` (200 for a broken rule).
 *
 * @param resource - The code's first six digits. Defaults to `500000`.
 */
export function failure(status: number, refusal: Refusal, resource = NO_PAYLOAD_RESOURCE): Answer {
  return answer(status, {
    success: false,
    processId: crypto.randomUUID().replaceAll("-", "").slice(0, 16).toUpperCase(),
    reasons: [{ code: reasonCode(refusal.category, resource), message: refusal.message }],
  });
}

/**
 * Turns an {@link Answer} into a fetch `Response`, with `more` headers (the limits'; the answer's own win) and
 * `Zuora-Track-Id` echoed as Zuora does.
 */
export function toResponse(result: Answer, trackId: string | null, more?: Record<string, string>): Response {
  // One plain record, converted once by Response (a Headers built first would be converted, and copied, twice).
  // Object.assign, not spreads: V8 adds the second record's (and the track id's) properties to a spread's slowly.
  const headers = more === undefined && trackId === null ? result.headers : Object.assign({}, more, result.headers);
  if (trackId !== null) headers["zuora-track-id"] = trackId;
  const body = result.body === undefined ? null : JSON.stringify(result.body);
  return new Response(body, { status: result.status, headers });
}
