/** What replaces a secret in any text the package produces. */
export const REDACTED = "[REDACTED]";

// A bearer credential in free text ("Bearer abc.def"), whatever its value, is never shown.
const BEARER = /\bBearer\s+[^\s"',;]+/gi;

/**
 * Remembers the secrets one client handles (static token, fetched tokens, client secret) and removes them from
 * text before it reaches an error message, `toJSON()` or anything else a caller might log.
 */
export class SecretRedactor {
  readonly #secrets = new Set<string>();

  /** Adds a secret to hide. Values shorter than 4 characters are ignored: hiding them would mangle ordinary text. */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.#secrets.add(secret);
  }

  /** Returns `text` with every known secret and every `Bearer <credential>` replaced by {@link REDACTED}. */
  redact(text: string): string {
    let out = text.replace(BEARER, `Bearer ${REDACTED}`);
    for (const secret of this.#secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }
}
