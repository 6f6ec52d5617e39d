/** What replaces a secret in any text the package produces. */
export const REDACTED = "[REDACTED]";

// A bearer credential in free text ("Bearer abc.def"), whatever its value, is never shown. It runs after the known
// secrets are hidden whole: a token holding `,` or `"` would otherwise be cut there, and its rest shown.
const BEARER = /\bBearer\s+[^\s"',;]+/gi;

/** The fewest characters a secret's shape needs to be hidden: a shorter one would mangle ordinary text. */
const MIN_SHAPE_LENGTH = 4;

/**
 * How many issued tokens (fetched OAuth tokens, a token function's results) the redactor remembers client-wide,
 * newest first. Each call also carries the tokens it sent (see {@link SecretRedactor.redact}'s `alsoHide`), so a
 * token rotated out of this window is still hidden in the answer to the request that carried it.
 */
export const ISSUED_TOKENS_REMEMBERED = 8;

const utf8 = new TextEncoder();

/**
 * The forms a secret can take in text a server or runtime sends back: as is, percent-encoded (a form body or URL
 * echoed), form-encoded (`+` for space), escaped inside a JSON string, and base64 (standard and URL-safe, on its own
 * or inside a longer base64 text such as a Basic credential `id:secret`); each also without the blanks around it,
 * as the server received it (fetch trims a header value, so a token issued as `" abc "` arrives as `abc`).
 */
export function secretShapes(secret: string): string[] {
  const shapes = new Set<string>();
  for (const form of new Set([secret, secret.trim()])) {
    if (form.length < MIN_SHAPE_LENGTH) continue;
    shapes.add(form);
    shapes.add(encodeURIComponent(form));
    shapes.add(new URLSearchParams({ s: form }).toString().slice(2));
    shapes.add(JSON.stringify(form).slice(1, -1));
    for (const shape of base64Shapes(form)) shapes.add(shape);
  }
  return [...shapes].filter((shape) => shape.length >= MIN_SHAPE_LENGTH);
}

/**
 * The base64 characters that `secret`'s bytes alone decide, wherever it starts in a longer text encoded whole: a
 * byte offset of 0, 1 or 2 (mod 3) shifts them, so there are three, each also in the URL-safe alphabet. The few
 * characters at either end, shared with the bytes around the secret, are left out.
 */
function base64Shapes(secret: string): string[] {
  const bytes = utf8.encode(secret);
  const shapes: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    let binary = "\0".repeat(offset);
    for (const byte of bytes) binary += String.fromCharCode(byte);
    const encoded = btoa(binary);
    const inner = encoded.slice(Math.ceil((4 * offset) / 3), Math.floor((8 * (offset + bytes.length)) / 6));
    shapes.push(inner, inner.replaceAll("+", "-").replaceAll("/", "_"));
  }
  return shapes;
}

/**
 * The secrets in a caller's own `Authorization` value: the value whole and its credential after the scheme, and
 * for `Basic`, the decoded `user:password` and the password alone (a server may echo either).
 */
export function authorizationSecrets(value: string): string[] {
  const secrets = [value];
  const match = /^(\S+)\s+(.+)$/.exec(value.trim());
  if (!match?.[2]) return secrets;
  const [, scheme, credential] = match;
  secrets.push(credential);
  if (scheme?.toLowerCase() === "basic") {
    try {
      const binary = atob(credential.trim());
      const decoded = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
      secrets.push(decoded);
      const colon = decoded.indexOf(":");
      if (colon !== -1) secrets.push(decoded.slice(colon + 1));
    } catch {
      // Not base64: the credential itself is all there is to hide.
    }
  }
  return secrets;
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
   * Returns `text` with every known secret, each of `alsoHide` (the call's own), and then every
   * `Bearer <credential>` replaced by {@link REDACTED}. The longest shapes go first, so a secret that holds another
   * is hidden whole.
   */
  redact(text: string, alsoHide: Iterable<string> = []): string {
    const shapes = new Set(this.#configured);
    for (const secret of [...this.#issued, ...alsoHide]) {
      if (worthHiding(secret)) for (const shape of secretShapes(secret)) shapes.add(shape);
    }
    let out = text;
    for (const shape of [...shapes].sort((a, b) => b.length - a.length)) {
      if (out.includes(shape)) out = out.split(shape).join(REDACTED);
    }
    return out.replace(BEARER, `Bearer ${REDACTED}`);
  }
}

// Hiding a value of 1 to 3 characters would mangle ordinary text.
function worthHiding(secret: string | undefined): secret is string {
  return typeof secret === "string" && secret.length >= MIN_SHAPE_LENGTH;
}
