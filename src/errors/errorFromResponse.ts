import { constraints } from "../../generated/constraints.js";
import type { CallInfo } from "../pipeline/types.js";
import { parseRetryAfter } from "../policies/retryAfter.js";
import { echoedHeader } from "./echoedHeader.js";
import { attemptsText, mayHaveActed, mayHaveActedCaveat, uncertainAfter } from "./mayHaveActed.js";
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

/** What every error built from an answer needs from the client: redaction, the clock and the Retry-After cap. */
export interface ErrorContext {
  redactor: SecretRedactor;
  /** The client's clock (`retry.now`), in ms. */
  now: () => number;
  /** The longest `Retry-After` the client honours (`retry.maxRetryAfterMs`), in ms. */
  maxRetryAfterMs: number;
}

/** What {@link errorFromResponse} needs to know. */
export interface FailedCall {
  /** `METHOD origin/path`, for the message. */
  operation: string;
  response: Response;
  /** The parsed body (openapi-fetch's `error`, or `data` for a 200), or its text when it was not JSON. */
  body: unknown;
  info: CallInfo | undefined;
  /** The tokens this call sent, hidden as well as those the redactor remembers. */
  secrets?: Iterable<string> | undefined;
  context: ErrorContext;
  /** The call changes state at Zuora (see PipelineRequest.changesState): an answer it cannot read may hide an action. */
  changesState?: boolean | undefined;
  /** The token request: a refusal (4xx other than 429) means the credentials were refused. */
  authentication?: boolean;
  /** What was wrong with a 2xx answer (an empty body, no `success: true`), in place of a business refusal. */
  malformed?: string;
}

/**
 * Longest piece of the server's words (a text body, a JSON `message`, the reasons) quoted in a message, in
 * characters: a gateway's page or a runaway message must not make a log line of megabytes.
 */
const QUOTED_TEXT_MAX = 200;

/** The reason-code category: the last two digits of an 8-digit code, or undefined for e.g. `SystemError`. */
export function reasonCategory(code: number | string): number | undefined {
  const text = String(code);
  return /^\d{8}$/.test(text) ? Number(text.slice(6)) : undefined;
}

/**
 * Turns a failed answer into the {@link ZuoraApiError} subclass callers branch on: 200 with `success: false` →
 * {@link ZuoraBusinessError}, 401 (or a refused token request) → {@link ZuoraAuthenticationError},
 * 429 → {@link ZuoraRateLimitError}, 5xx → {@link ZuoraServerError}, anything else (a 2xx that is not a
 * well-formed success, a 3xx, another 4xx) → {@link ZuoraApiError}. Every text is redacted.
 */
export function errorFromResponse(call: FailedCall): ZuoraApiError {
  const { response, context } = call;
  const redact = (text: string) => context.redactor.redact(text, call.secrets ?? []);
  const body = (typeof call.body === "object" && call.body !== null ? call.body : {}) as Record<string, unknown>;
  const reasons = readReasons(body.reasons, redact);
  // Redacted before it is cut: a cut through a secret would leave a piece of it that redaction no longer knows.
  const said = quote(
    redact(
      (typeof call.body === "string" && call.body.trim()) ||
        (typeof body.message === "string" && body.message) ||
        (typeof body.error_description === "string" && body.error_description) ||
        (typeof body.error === "string" && body.error) ||
        reasons.map((r) => `${r.code} ${r.message}`).join("; ") ||
        // A 2xx's status text ("OK") would read as the server's verdict on a refusal that gave no reasons.
        (response.status >= 300 && response.statusText) ||
        (response.status < 300 ? "no reasons given" : "no details"),
    ),
  );
  const attempts = call.info?.attempts ?? 1;
  const requestId = echoedHeader(response, "zuora-request-id", redact);
  const trackId = echoedHeader(response, "zuora-track-id", redact) ?? call.info?.trackId;
  const { status } = response;
  // The server's words too: redacted, then cut like any quote (a Location can be kilobytes long).
  const location = response.headers.has("location") ? quote(redact(response.headers.get("location") ?? "")) : null;
  const what = call.malformed
    ? `answered HTTP ${status} ${call.malformed}`
    : status >= 200 && status < 300
      ? `was refused (HTTP ${status}, success: false)`
      : // 304 Not Modified answers a conditional GET; it redirects nowhere.
        status >= 300 && status < 400 && status !== 304
        ? `was redirected (HTTP ${status}${location ? ` to ${location}` : ""}), which the client never follows`
        : `failed with HTTP ${status}`;
  const where = requestId ? ` [Zuora-Request-Id ${requestId}]` : "";
  // The record already counts every attempt the loop judged; an answer it cannot read is judged here.
  const uncertain = call.info?.uncertainAttempts ?? 0;
  const acted = mayHaveActed({
    uncertainAttempts: call.malformed
      ? uncertainAfter(uncertain, {
          changesState: call.changesState ?? false,
          keyed: call.info?.idempotencyKey !== undefined,
          status,
          unreadable: true,
        })
      : uncertain,
  });
  const caveat = mayHaveActedCaveat({ mayHaveActed: acted, idempotencyKey: call.info?.idempotencyKey });
  const details: ZuoraApiErrorDetails = {
    message: redact(
      `${call.operation} ${what} after ${attemptsText(attempts)}${call.malformed ? "" : `: ${said}`}${where}${caveat}`,
    ),
    status,
    reasons,
    requestId,
    trackId,
    attempts,
    queuedMs: call.info?.queuedMs,
    idempotencyKey: call.info?.idempotencyKey,
    mayHaveActed: acted,
  };

  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), context.now());
    return new ZuoraRateLimitError({
      ...details,
      retryable: true,
      retryAfterMs: retryAfterMs === undefined ? undefined : Math.min(retryAfterMs, context.maxRetryAfterMs),
    });
  }
  if (status >= 500 && status <= 599) return new ZuoraServerError({ ...details, retryable: true });
  if (status === 401 || (call.authentication && status >= 400) || (call.authentication && call.malformed)) {
    return new ZuoraAuthenticationError(details);
  }
  if (status === 200 && !call.malformed) {
    // Zuora's guide calls these categories worth retrying. The client does not resend them itself: a resend with the
    // same Idempotency-Key would replay the saved failure. A new call (new key) may succeed, so say so.
    const retryable = reasons.some((r) => RETRYABLE_CATEGORIES.has(reasonCategory(r.code) ?? -1));
    return new ZuoraBusinessError({ ...details, retryable });
  }
  return new ZuoraApiError({ ...details, retryable: status === 409 });
}

/** The server's words (a gateway's page, Zuora's message) on one line, cut to {@link QUOTED_TEXT_MAX} characters. */
function quote(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > QUOTED_TEXT_MAX ? `${line.slice(0, QUOTED_TEXT_MAX)}…` : line;
}

function readReasons(raw: unknown, redact: (text: string) => string): ZuoraReason[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (r): r is { code: number | string; message?: unknown } =>
        typeof r === "object" &&
        r !== null &&
        "code" in r &&
        (typeof r.code === "number" || typeof r.code === "string"),
    )
    .map((r) => ({
      code: typeof r.code === "string" ? redact(r.code) : r.code,
      message: redact(typeof r.message === "string" ? r.message : ""),
    }));
}
