/** The innermost cause of an error, described for a message and for JSON. */
export interface CauseSummary {
  name: string;
  /** A system or library code, e.g. `ECONNREFUSED`, `ENOTFOUND`, `ERR_SSL_WRONG_VERSION_NUMBER`. */
  code?: string;
  message: string;
}

/** How many links of a cause chain are followed; deeper ones are dropped (a cycle, or a chain nobody reads). */
export const MAX_CAUSE_DEPTH = 8;

/** The next link of a cause chain: an AggregateError's first error, else the error's `cause`. */
export function innerCause(error: unknown): unknown {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors[0];
  return error instanceof Error ? error.cause : undefined;
}

/**
 * Follows {@link innerCause} down to the error that started it: fetch's `TypeError: fetch failed` says nothing, its
 * cause says `connect ECONNREFUSED 127.0.0.1:8080`.
 */
export function rootCause(error: unknown): CauseSummary {
  let current = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH; depth++) {
    const next = innerCause(current);
    if (next === undefined || next === null) break;
    current = next;
  }
  if (!(current instanceof Error)) return { name: typeof current, message: String(current) };
  const code = (current as { code?: unknown }).code;
  const summary: CauseSummary = { name: current.name, message: current.message || current.name };
  if (typeof code === "string") summary.code = code;
  return summary;
}

/** `code: message`, or the message alone when it already names the code. */
export function causeText(cause: CauseSummary): string {
  return cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ${cause.message}` : cause.message;
}
