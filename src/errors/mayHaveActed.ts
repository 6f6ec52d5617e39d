/**
 * The end of a message for a call that may have taken effect although it reports a failure. With an
 * `Idempotency-Key`, the way to learn the outcome is to send the call again with the same key (Zuora answers with the
 * first attempt's result); a new key could perform it twice.
 */
export function mayHaveActedCaveat(idempotencyKey: string | undefined): string {
  const check =
    idempotencyKey === undefined
      ? "so check the resource's state"
      : `so retry with the same Idempotency-Key (${idempotencyKey}), not a new one, to learn its outcome`;
  return `; an earlier attempt got no answer and may have taken effect, ${check}`;
}
