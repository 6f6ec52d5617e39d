/** Per-call options of the operation helpers; each overrides the client's default for this call only. */
export interface CallOptions {
  /**
   * This call's `Idempotency-Key` (≤ 255 characters; POST and PATCH only). Defaults to a new UUID, reused on every
   * retry of the call.
   */
  idempotencyKey?: string;
  /** This call's `Zuora-Track-Id`. Defaults to the client's `trackId`. */
  trackId?: string;
  /** This call's `Zuora-Entity-Ids`. Defaults to the client's `entityIds`. */
  entityIds?: string;
  /** Aborts the call, retries and waits included. */
  signal?: AbortSignal;
}

/** The request headers a call's options stand for, as openapi-fetch takes them in `params.header`. */
export function headersOf(options: CallOptions): Record<string, string> {
  const header: Record<string, string> = {};
  if (options.idempotencyKey !== undefined) header["Idempotency-Key"] = options.idempotencyKey;
  if (options.trackId !== undefined) header["Zuora-Track-Id"] = options.trackId;
  if (options.entityIds !== undefined) header["Zuora-Entity-Ids"] = options.entityIds;
  return header;
}
