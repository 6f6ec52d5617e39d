import { innerCause, MAX_CAUSE_DEPTH } from "./rootCause.js";

/**
 * A copy of `error` and its causes fit to keep as a ZuoraError's `cause`: each link an Error with the same name,
 * `code`, message and stack, each text passed through `redact`, and nothing else. The originals can carry a secret
 * where no message redaction reaches: undici's parser errors keep the offending bytes of a malformed answer as
 * `data` (a server echoing `Bearer <token>` into its status line puts the token there), and a custom fetch or a
 * token function may quote a token in its own message. `util.inspect(error)` prints the whole chain.
 */
export function redactedCause(error: unknown, redact: (text: string) => string, depth = 0): unknown {
  if (error === undefined || depth >= MAX_CAUSE_DEPTH) return undefined;
  if (!(error instanceof Error)) return redact(String(error));
  // The same path as rootCause(), so the chain kept leads to the cause the message names.
  const innerCopy = redactedCause(innerCause(error), redact, depth + 1);
  const copy = new Error(redact(error.message), innerCopy === undefined ? undefined : { cause: innerCopy });
  Object.defineProperty(copy, "name", { value: error.name, configurable: true, writable: true });
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") Object.assign(copy, { code });
  copy.stack = redact(error.stack ?? `${error.name}: ${error.message}`);
  return copy;
}
