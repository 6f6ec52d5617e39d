import { ZuoraValidationError } from "../errors/ZuoraValidationError.js";

/** Per-call options of the operation helpers; each overrides the client's default for this call only. */
export interface CallOptions {
  /**
   * This call's `Idempotency-Key` (1 to 255 characters, not blank; POST and PATCH only). Defaults to a new UUID,
   * reused on every retry of the call.
   */
  idempotencyKey?: string | undefined;
  /** This call's `Zuora-Track-Id`. Defaults to the client's `trackId`. */
  trackId?: string | undefined;
  /** This call's `Zuora-Entity-Ids`. Defaults to the client's `entityIds`. */
  entityIds?: string | undefined;
  /**
   * Aborts the call at once, token request, retries and waits included; the call rejects with the signal's reason.
   * An already-aborted signal sends nothing.
   */
  signal?: AbortSignal | undefined;
}

/** The request headers a call's options stand for, as openapi-fetch takes them in `params.header`. */
export function headersOf(options: CallOptions): Record<string, string> {
  const header: Record<string, string> = {};
  if (options.idempotencyKey !== undefined) header["Idempotency-Key"] = options.idempotencyKey;
  if (options.trackId !== undefined) header["Zuora-Track-Id"] = options.trackId;
  if (options.entityIds !== undefined) header["Zuora-Entity-Ids"] = options.entityIds;
  return header;
}

/**
 * Refuses a `signal` option that is not an AbortSignal (undefined and null mean none), before anything is sent: the
 * policies would call it as one, and a look-alike that never aborts would let the call run unstoppable.
 */
export function checkSignal(operationId: string, signal: unknown): void {
  if (signal === undefined || signal === null || signal instanceof AbortSignal) return;
  throw new ZuoraValidationError({
    operationId,
    field: "options.signal",
    rule: "type",
    problem: "must be an AbortSignal",
  });
}
