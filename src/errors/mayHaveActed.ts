import type { CallInfo } from "../pipeline/types.js";

/** One attempt of a call, as the rule of {@link mayHaveActed} sees it. */
export interface AttemptSeen {
  /** The call changes state (PUT, DELETE, PATCH, POST; not a read, not the token request). */
  changesState: boolean;
  /** The call carries an `Idempotency-Key`. */
  keyed: boolean;
  /** The status of the attempt's complete answer; undefined when none came (or its body was cut off). */
  status: number | undefined;
  /** The answer came but the client could not read it (a 2xx that is not the JSON it expects, a body too large). */
  unreadable: boolean;
}

/**
 * The call's record after one more attempt: how many of its attempts may have reached Zuora without an answer that
 * settles them (the `uncertainAttempts` of its CallInfo). Only a state change counts. An attempt is left open by no
 * complete answer (a network failure, a timeout, a cut-off body, a fetch that returned no Response), a 5xx (Zuora or
 * a gateway failed, perhaps after acting) or an answer the client could not read. What a later attempt answers
 * settles nothing for a call without a key (a resend meets the state the lost attempt may have made: "already
 * exists", a 404 after a delete); for a keyed call, Zuora answers a key it has seen with that key's outcome, so such
 * an answer settles the attempts before it, but a 409 (still in progress), a 429 (refused unread) or a 401 (the
 * credentials, checked first) does not.
 */
export function uncertainAfter(uncertain: number, attempt: AttemptSeen): number {
  if (!attempt.changesState) return 0;
  const { status } = attempt;
  if (status === undefined || status >= 500 || attempt.unreadable) return uncertain + 1;
  if (attempt.keyed && status !== 401 && status !== 409 && status !== 429) return 0;
  return uncertain;
}

/**
 * The one rule of `mayHaveActed`, over the call's record: Zuora may have performed the call, whatever its last
 * attempt answered, when any attempt may have reached Zuora without an answer that settles it (see
 * {@link uncertainAfter}).
 */
export function mayHaveActed(record: { readonly uncertainAttempts: number }): boolean {
  return record.uncertainAttempts > 0;
}

/**
 * What an error tells of a call's record (its attempts, wait in the queue, key and track id, and whether Zuora
 * {@link mayHaveActed}), for the error's details.
 */
export function recordDetails(record: CallInfo) {
  const { attempts, queuedMs, idempotencyKey, trackId } = record;
  return { attempts, queuedMs, idempotencyKey, trackId, mayHaveActed: mayHaveActed(record) };
}

/**
 * The end of the message of an error for a call that {@link mayHaveActed}, empty for any other: with an
 * `Idempotency-Key`, the way to learn the outcome is to send the call again with the same key (Zuora answers with
 * the first attempt's result), as a new key could perform it twice; without one, the resource's state tells.
 */
export function mayHaveActedCaveat(details: { mayHaveActed?: boolean; idempotencyKey?: string | undefined }): string {
  if (!details.mayHaveActed) return "";
  const check =
    details.idempotencyKey === undefined
      ? "so check the resource's state before retrying"
      : `so retry with the same Idempotency-Key (${details.idempotencyKey}), not a new one, to learn its outcome`;
  return `; an attempt got no answer that settles it and may have taken effect, ${check}`;
}

/** `1 attempt`, `3 attempts`. */
export function attemptsText(attempts: number): string {
  return `${attempts} attempt${attempts === 1 ? "" : "s"}`;
}
