/** What replaces a secret in any text the package produces. */
export const REDACTED = "[REDACTED]";

// A bearer credential in free text ("Bearer abc.def"), whatever its value, is never shown.
const BEARER = /\bBearer\s+[^\s"',;]+/gi;

/**
 * How many issued tokens (fetched OAuth tokens, a token function's results) the redactor remembers client-wide,
 * newest first. Each call also carries the tokens it sent (see {@link SecretRedactor.redact}'s `alsoHide`), so a
 * token rotated out of this window is still hidden in the answer to the request that carried it.
 */
export const ISSUED_TOKENS_REMEMBERED = 8;

/**
 * The forms a secret can take in text a server or runtime sends back: as is, percent-encoded (a form body or URL
 * echoed), form-encoded (`+` for space), and escaped inside a JSON string; each also without the blanks around it,
 * as the server received it (fetch trims a header value, so a token issued as `" abc "` arrives as `abc`).
 */
export function secretShapes(secret: string): string[] {
  const shapes = new Set<string>();
  for (const form of new Set([secret, secret.trim()])) {
    if (!worthHiding(form)) continue;
    shapes.add(form);
    shapes.add(encodeURIComponent(form));
    shapes.add(new URLSearchParams({ s: form }).toString().slice(2));
    shapes.add(JSON.stringify(form).slice(1, -1));
  }
  return [...shapes];
}

/**
 * Remembers the secrets one client handles and removes them, in every shape {@link secretShapes} names, from text
 * before it reaches an error message, `toJSON()` or anything else a caller might log. Its memory is bounded: the
 * configured secrets (a static token, the client secret) for the client's life, and the last
 * {@link ISSUED_TOKENS_REMEMBERED} issued tokens.
 */
export class SecretRedactor {
  readonly #configured = new Set<string>();
  #issued: string[] = [];

  /** Adds a secret the caller configured (kept for the client's life). Values under 4 characters are ignored. */
  addConfigured(secret: string | undefined): void {
    if (worthHiding(secret)) for (const shape of secretShapes(secret)) this.#configured.add(shape);
  }

  /** Adds an issued token; the oldest beyond {@link ISSUED_TOKENS_REMEMBERED} is forgotten. */
  add(secret: string | undefined): void {
    if (!worthHiding(secret) || this.#issued[0] === secret) return;
    this.#issued = [secret, ...this.#issued.filter((s) => s !== secret)].slice(0, ISSUED_TOKENS_REMEMBERED);
  }

  /** How many secrets (counting each shape of the configured ones once) the redactor holds. */
  get size(): number {
    return this.#configured.size + this.#issued.length;
  }

  /**
   * Returns `text` with every known secret, each of `alsoHide` (the call's own tokens), and every
   * `Bearer <credential>` replaced by {@link REDACTED}.
   */
  redact(text: string, alsoHide: Iterable<string> = []): string {
    let out = text.replace(BEARER, `Bearer ${REDACTED}`);
    const hide = (secret: string) => {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    };
    for (const secret of this.#configured) hide(secret);
    for (const secret of [...this.#issued, ...alsoHide]) {
      if (worthHiding(secret)) for (const shape of secretShapes(secret)) hide(shape);
    }
    return out;
  }
}

// Hiding a value of 1 to 3 characters would mangle ordinary text.
function worthHiding(secret: string | undefined): secret is string {
  return typeof secret === "string" && secret.length >= 4;
}
