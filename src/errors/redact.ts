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
 * Regular expressions (as sources) that find a secret in text a server or runtime sends back, in whatever shape an
 * encoder gave it, one character at a time (so a mix of shapes is found too): as is; percent-encoded in either hex
 * case, by any encoder's choice of characters (a URL or form body echoed; `+` for a space); escaped inside a JSON
 * string by any JSON writer (`\"`, `\/`, `\u00e9` in either case); its UTF-8 bytes read as Latin-1 (a header echoed
 * raw); and base64 (standard and URL-safe, on its own or inside a longer base64 text such as a Basic credential
 * `id:secret`). Each also without the blanks around it, as the server received it (fetch trims a header value, so a
 * token issued as `" abc "` arrives as `abc`).
 */
export function secretPatterns(secret: string): string[] {
  const patterns = new Set<string>();
  for (const form of new Set([secret, secret.trim()])) {
    if (form.length < MIN_SHAPE_LENGTH) continue;
    patterns.add(Array.from(form, characterPattern).join(""));
    for (const shape of base64Shapes(form)) if (shape.length >= MIN_SHAPE_LENGTH) patterns.add(literal(shape));
  }
  return [...patterns];
}

/** One character of a secret in each shape {@link secretPatterns} names, as a regular expression's source. */
function characterPattern(char: string): string {
  const bytes = [...utf8.encode(char)];
  const forms = [char, JSON.stringify(char).slice(1, -1), String.fromCharCode(...bytes)];
  if (char === " ") forms.push("+");
  if (char === "/") forms.push("\\/");
  const escaped = [...new Set(forms)].map(literal);
  escaped.push(bytes.map((byte) => `%${hexDigits(byte, 2)}`).join(""));
  escaped.push(Array.from({ length: char.length }, (_, i) => `\\\\u${hexDigits(char.charCodeAt(i), 4)}`).join(""));
  return `(?:${escaped.join("|")})`;
}

/** `text` as a regular expression's source that matches it alone. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `n` in `width` hex digits, each letter in either case (`[eE]9`), as a regular expression's source. */
function hexDigits(n: number, width: number): string {
  return n
    .toString(16)
    .padStart(width, "0")
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
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
 * Remembers the secrets one client handles and removes them, in every shape {@link secretPatterns} finds, from text
 * before it reaches an error message, `toJSON()` or anything else a caller might log. Its memory is bounded: the
 * configured secrets (a static token, the client secret) for the client's life, and the last
 * {@link ISSUED_TOKENS_REMEMBERED} issued tokens.
 */
export class SecretRedactor {
  readonly #configured = new Set<string>();
  #issued: string[] = [];
  #compiled: { source: string; expression: RegExp } | undefined;
  readonly #known = new Map<string, string[]>();

  /** Adds a secret the caller configured (kept for the client's life). Values under 4 characters are ignored. */
  addConfigured(secret: string | undefined): void {
    if (worthHiding(secret)) for (const pattern of secretPatterns(secret)) this.#configured.add(pattern);
  }

  /** Adds an issued token; the oldest beyond {@link ISSUED_TOKENS_REMEMBERED} is forgotten. */
  add(secret: string | undefined): void {
    if (!worthHiding(secret) || this.#issued[0] === secret) return;
    this.#issued = [secret, ...this.#issued.filter((s) => s !== secret)].slice(0, ISSUED_TOKENS_REMEMBERED);
  }

  /** How many secrets (counting each pattern of the configured ones once) the redactor holds. */
  get size(): number {
    return this.#configured.size + this.#issued.length;
  }

  /**
   * Returns `text` with every known secret, each of `alsoHide` (the call's own), and then every
   * `Bearer <credential>` replaced by {@link REDACTED}. The longest shapes go first, so a secret that holds another
   * is hidden whole.
   */
  redact(text: string, alsoHide: Iterable<string> = []): string {
    const patterns = new Set(this.#configured);
    for (const secret of [...this.#issued, ...alsoHide]) {
      if (worthHiding(secret)) for (const pattern of this.#patternsOf(secret)) patterns.add(pattern);
    }
    // A longer pattern is a longer secret (or a secret's longer shape): tried first at each place.
    const source = [...patterns].sort((a, b) => b.length - a.length).join("|");
    // One error redacts several texts with the same secrets: its expression is compiled once.
    if (this.#compiled?.source !== source) this.#compiled = { source, expression: new RegExp(source, "g") };
    const out = source === "" ? text : text.replace(this.#compiled.expression, REDACTED);
    return out.replace(BEARER, `Bearer ${REDACTED}`);
  }

  /** {@link secretPatterns}, worked out once per secret (a call's tokens are redacted in each of its texts). */
  #patternsOf(secret: string): string[] {
    let patterns = this.#known.get(secret);
    if (patterns === undefined) {
      // Bounded like the issued tokens: the oldest secret's patterns are worked out again if it comes back.
      if (this.#known.size >= 4 * ISSUED_TOKENS_REMEMBERED) this.#known.delete(this.#known.keys().next().value ?? "");
      patterns = secretPatterns(secret);
      this.#known.set(secret, patterns);
    }
    return patterns;
  }
}

// Hiding a value of 1 to 3 characters would mangle ordinary text.
function worthHiding(secret: string | undefined): secret is string {
  return typeof secret === "string" && secret.length >= MIN_SHAPE_LENGTH;
}
