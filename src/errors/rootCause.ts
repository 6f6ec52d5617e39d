/** The innermost cause of an error, described for a message and for JSON. */
export interface CauseSummary {
  name: string;
  /** A system or library code, e.g. `ECONNREFUSED`, `ENOTFOUND`, `ERR_SSL_WRONG_VERSION_NUMBER`. */
  code?: string;
  message: string;
}

/**
 * Follows `cause` (and an AggregateError's first error) down to the error that started it: fetch's
 * `TypeError: fetch failed` says nothing, its cause says `connect ECONNREFUSED 127.0.0.1:8080`.
 */
export function rootCause(error: unknown): CauseSummary {
  let current = error;
  for (let depth = 0; depth < 8; depth++) {
    const next =
      current instanceof AggregateError && current.errors.length > 0
        ? current.errors[0]
        : current instanceof Error
          ? current.cause
          : undefined;
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
