import { constraints } from "../../generated/constraints.js";
import type { CallInfo } from "../pipeline/types.js";
import { parseRetryAfter } from "../retry/retryAfter.js";
import type { SecretRedactor } from "./redact.js";
import {
  ZuoraApiError,
  type ZuoraApiErrorDetails,
  ZuoraAuthenticationError,
  ZuoraBusinessError,
  ZuoraRateLimitError,
  type ZuoraReason,
  ZuoraServerError,
} from "./ZuoraApiError.js";

const RETRYABLE_CATEGORIES: ReadonlySet<number> = new Set(constraints.retryableReasonCategories);

/** What {@link errorFromResponse} needs to know. */
export interface FailedCall {
  /** `METHOD /path`, for the message. */
  operation: string;
  response: Response;
  /** The parsed body (openapi-fetch's `error`, or `data` for a 200 with `success: false`). */
  body: unknown;
  info: CallInfo | undefined;
  redactor: SecretRedactor;
  /** Treat any failure as an authentication failure (the token request). */
  authentication?: boolean;
}

/** The reason-code category: the last two digits of an 8-digit code, or undefined for e.g. `SystemError`. */
export function reasonCategory(code: number | string): number | undefined {
  const text = String(code);
  return /^\d{8}$/.test(text) ? Number(text.slice(6)) : undefined;
}

/**
 * Turns a failed answer into the {@link ZuoraApiError} subclass callers branch on: 200 with `success: false` →
 * {@link ZuoraBusinessError}, 401 → {@link ZuoraAuthenticationError}, 429 → {@link ZuoraRateLimitError},
 * 5xx → {@link ZuoraServerError}, anything else → {@link ZuoraApiError}. Every text is redacted.
 */
export function errorFromResponse(call: FailedCall): ZuoraApiError {
  const { response, redactor } = call;
  const body = (typeof call.body === "object" && call.body !== null ? call.body : {}) as Record<string, unknown>;
  const reasons = readReasons(body.reasons, redactor);
  const said =
    (typeof body.message === "string" && body.message) ||
    (typeof body.error_description === "string" && body.error_description) ||
    (typeof body.error === "string" && body.error) ||
    reasons.map((r) => `${r.code} ${r.message}`).join("; ") ||
    response.statusText ||
    "no details";
  const attempts = call.info?.attempts ?? 1;
  const requestId = response.headers.get("zuora-request-id") ?? undefined;
  const trackId = response.headers.get("zuora-track-id") ?? call.info?.trackId;
  const status = response.status;
  const what = status === 200 ? "was refused (HTTP 200, success: false)" : `failed with HTTP ${status}`;
  const where = requestId ? ` [Zuora-Request-Id ${requestId}]` : "";
  // An earlier attempt of this state change went unanswered: this answer may be the consequence of its success.
  const mayHaveActed = (call.info?.unanswered ?? 0) > 0;
  const caveat = mayHaveActed
    ? "; an earlier attempt got no answer and may have taken effect, so check the resource's state"
    : "";
  const details: ZuoraApiErrorDetails = {
    message: redactor.redact(
      `${call.operation} ${what} after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${said}${where}${caveat}`,
    ),
    status,
    reasons,
    requestId,
    trackId,
    attempts,
    idempotencyKey: call.info?.idempotencyKey,
    mayHaveActed,
  };

  if (call.authentication || status === 401) return new ZuoraAuthenticationError(details);
  if (status === 200) {
    // Zuora's guide calls these categories worth retrying. The client does not resend them itself: a resend with the
    // same Idempotency-Key would replay the saved failure. A new call (new key) may succeed, so say so.
    const retryable = reasons.some((r) => RETRYABLE_CATEGORIES.has(reasonCategory(r.code) ?? -1));
    return new ZuoraBusinessError({ ...details, retryable });
  }
  if (status === 429) {
    return new ZuoraRateLimitError({
      ...details,
      retryable: true,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), Date.now()),
    });
  }
  if (status >= 500) return new ZuoraServerError({ ...details, retryable: true });
  return new ZuoraApiError({ ...details, retryable: status === 409 });
}

function readReasons(raw: unknown, redactor: SecretRedactor): ZuoraReason[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (r): r is { code: number | string; message?: unknown } => typeof r === "object" && r !== null && "code" in r,
    )
    .map((r) => ({ code: r.code, message: redactor.redact(typeof r.message === "string" ? r.message : "") }));
}
