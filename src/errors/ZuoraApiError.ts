import type { CauseSummary } from "./rootCause.js";
import { ZuoraError } from "./ZuoraError.js";

/** One of Zuora's reasons for refusing a request. `code` is an 8-digit number (or string), or e.g. `SystemError`. */
export interface ZuoraReason {
  code: number | string;
  message: string;
}

/** What a {@link ZuoraApiError} carries. */
export interface ZuoraApiErrorDetails {
  /** Already redacted. */
  message: string;
  /** The HTTP status, or undefined when no response arrived (connection, timeout). */
  status?: number | undefined;
  /** Zuora's reasons, when the body had any. */
  reasons?: ZuoraReason[] | undefined;
  /** `Zuora-Request-Id` of the last response, for Zuora Global Support. */
  requestId?: string | undefined;
  /** `Zuora-Track-Id` echoed by Zuora, or the one sent. */
  trackId?: string | undefined;
  /** How many times the request was sent (1 = no retry). */
  attempts: number;
  /** How long the call waited in the client's queue, in ms. Defaults to 0. */
  queuedMs?: number | undefined;
  /** The `Idempotency-Key` every attempt carried. */
  idempotencyKey?: string | undefined;
  /** `Retry-After` of the last response, in ms. */
  retryAfterMs?: number | undefined;
  /** Whether calling again (a new call, with a new idempotency key) may succeed. */
  retryable?: boolean;
  /** Whether Zuora may have performed the request although this error says otherwise (the rule: mayHaveActed.ts). Defaults to false. */
  mayHaveActed?: boolean;
  /** The error behind this one (kept as `cause`, for debugging). */
  cause?: unknown;
  /** The root of `cause`, already redacted: what `toJSON()` shows of it. */
  rootCause?: CauseSummary | undefined;
}

/**
 * Zuora refused or failed the request: a non-2xx answer, an HTTP 200 with `success: false`, or no answer at all.
 * Branch on the subclass (or `status`); every field here is free of credentials.
 */
export class ZuoraApiError extends ZuoraError {
  // The fields are `declare`d: the constructor sets each, and a class field would name it again in the bundle.
  override name = "ZuoraApiError";
  /** The HTTP status, or undefined when no response arrived. */
  declare readonly status: number | undefined;
  /** Zuora's reasons (empty when the body had none). */
  declare readonly reasons: ZuoraReason[];
  /** `Zuora-Request-Id` of the last response. */
  declare readonly requestId: string | undefined;
  /** `Zuora-Track-Id` of the call. */
  declare readonly trackId: string | undefined;
  /** How many times the request was sent. */
  declare readonly attempts: number;
  /** How long the call waited in the client's queue (`maxConcurrency`, a rate-limit reset), in ms. */
  declare readonly queuedMs: number;
  /** The `Idempotency-Key` every attempt carried. */
  declare readonly idempotencyKey: string | undefined;
  /** Whether calling again may succeed. */
  declare readonly retryable: boolean;
  /**
   * True when Zuora may have performed the request although this error reports a failure: some attempt of a state
   * change (POST, PUT, PATCH, DELETE) may have reached Zuora without an answer that settles it (no answer, a 5xx, an
   * answer the client could not read), whatever later attempts answered, unless a resend with the same
   * `Idempotency-Key` got Zuora's answer for that key (see mayHaveActed.ts). A resend without a key meets the new
   * state, so e.g. "already provisioned" or a 404 after a delete can mean the call worked: read the resource's state
   * before acting on the error. For a keyed POST the message says to send it again with the same key.
   */
  declare readonly mayHaveActed: boolean;
  readonly #rootCause: CauseSummary | undefined;

  constructor(details: ZuoraApiErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.reasons = details.reasons ?? [];
    this.requestId = details.requestId;
    this.trackId = details.trackId;
    this.attempts = details.attempts;
    this.queuedMs = details.queuedMs ?? 0;
    this.idempotencyKey = details.idempotencyKey;
    this.retryable = details.retryable ?? false;
    this.mayHaveActed = details.mayHaveActed ?? false;
    this.#rootCause = details.rootCause;
  }

  /** A plain, credential-free object for logs and JSON. */
  toJSON() {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      reasons: this.reasons,
      requestId: this.requestId,
      trackId: this.trackId,
      attempts: this.attempts,
      queuedMs: this.queuedMs,
      idempotencyKey: this.idempotencyKey,
      retryable: this.retryable,
      mayHaveActed: this.mayHaveActed,
      ...(this.#rootCause ? { cause: this.#rootCause } : {}),
    };
  }
}

/**
 * The base of each subclass below: a {@link ZuoraApiError} whose `name` is the literal given, written here once.
 * The name is a string rather than the class's own name because a minifier may rename the class.
 */
function namedApiError(name: string): typeof ZuoraApiError {
  return class extends ZuoraApiError {
    override name = name;
  };
}

/** HTTP 200 with `success: false`: Zuora received the request and refused it. */
export class ZuoraBusinessError extends namedApiError("ZuoraBusinessError") {}

/** HTTP 401 (or a failed token request): the credentials were refused. */
export class ZuoraAuthenticationError extends namedApiError("ZuoraAuthenticationError") {}

/** HTTP 429: a rate or concurrency limit was reached. */
export class ZuoraRateLimitError extends namedApiError("ZuoraRateLimitError") {
  /** How long Zuora asked to wait (`Retry-After`), in ms, when it said. */
  declare readonly retryAfterMs: number | undefined;
  constructor(details: ZuoraApiErrorDetails) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
  override toJSON() {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/** HTTP 5xx: Zuora (or a gateway in front of it) failed. */
export class ZuoraServerError extends namedApiError("ZuoraServerError") {}

/**
 * No usable response: the connection failed on every attempt (refused, unknown host, TLS, dropped), or the body
 * was cut off on every attempt (then `status` is the one the cut-off answers had).
 */
export class ZuoraConnectionError extends namedApiError("ZuoraConnectionError") {}

/** No response within `timeoutMs` on the last attempt. */
export class ZuoraTimeoutError extends namedApiError("ZuoraTimeoutError") {}

/**
 * A copy of `error` (the same class, the same fields) with `changes`: one call's own view of an error several calls
 * share, such as a failed token request every waiting call rejects with.
 */
export function apiErrorWith(error: ZuoraApiError, changes: Partial<ZuoraApiErrorDetails>): ZuoraApiError {
  const seen = error.toJSON() as ReturnType<ZuoraApiError["toJSON"]> & { retryAfterMs?: number };
  const Kind = error.constructor as new (details: ZuoraApiErrorDetails) => ZuoraApiError;
  const copy = new Kind({ ...seen, cause: error.cause, rootCause: seen.cause, ...changes });
  if (error.stack !== undefined) copy.stack = error.stack;
  return copy;
}
