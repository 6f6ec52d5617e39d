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
  /** This call's time limit per attempt, body included, in ms (1 to 2147483647). Defaults to the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** This call's retries after the first attempt (0 disables). Defaults to the client's `maxRetries`. */
  maxRetries?: number | undefined;
}

/**
 * The per-call options of an operation that takes no `Idempotency-Key` (Zuora keys only POST and PATCH): the
 * {@link CallOptions} less `idempotencyKey`, which the client would refuse at run time.
 */
export interface UnkeyedCallOptions extends Omit<CallOptions, "idempotencyKey"> {
  /** Not taken: the operation declares no `Idempotency-Key`. */
  idempotencyKey?: undefined;
}

/** The request headers a call's options stand for, as openapi-fetch takes them in `params.header`. */
export function headersOf(options: CallOptions): Record<string, string> {
  const header: Record<string, string> = {};
  if (options.idempotencyKey !== undefined) header["Idempotency-Key"] = options.idempotencyKey;
  if (options.trackId !== undefined) header["Zuora-Track-Id"] = options.trackId;
  if (options.entityIds !== undefined) header["Zuora-Entity-Ids"] = options.entityIds;
  return header;
}
