import { readCapped } from "../../rules/readCapped.js";
import { ZuoraApiError } from "../errors/ZuoraApiError.js";

/** Statuses whose response has no body: a Response cannot be built with one. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const utf8 = new TextDecoder();

/** The reason an attempt fails when its 2xx JSON body does not parse: it was cut off or corrupted in transit. */
export class CorruptBody extends Error {
  override name = "CorruptBodyError";
  constructor(readonly status: number) {
    super(`HTTP ${status} response body is not valid JSON (cut off or corrupted in transit)`);
  }
}

/**
 * What a custom `fetch` resolved to when it was not a Response: a bug in that fetch, which a resend would meet again.
 * A look-alike from another fetch implementation (undici's own `Response`) passes: it has a status and headers.
 */
export class NotAResponse extends Error {
  override name = "NotAResponse";
  constructor(received: unknown) {
    super(`fetch resolved to ${kindOf(received)}, not a Response`);
  }

  static check(received: unknown): Response {
    const maybe = received as Partial<Response> | null | undefined;
    if (typeof maybe?.status === "number" && typeof maybe.headers?.get === "function") return received as Response;
    throw new NotAResponse(received);
  }
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  return /^[aeiou]/.test(typeof value) ? `an ${typeof value}` : `a ${typeof value}`;
}

/** A response the client cannot hand on: not retried, turned into a {@link ZuoraApiError} by the retry policy. */
export class UnusableResponse extends Error {
  override name = "UnusableResponse";
  /** `problem` completes "answered HTTP <status> ...". */
  constructor(
    readonly problem: string,
    readonly response: Response,
  ) {
    super(problem);
  }
}

/**
 * Reads an attempt's whole response and judges it by its status first, then its body:
 * - a status outside 200–599 (or a browser's opaque redirect, status 0) is an {@link UnusableResponse}, and so is a
 *   body over `maxBytes` (decoded: the client's `maxResponseBytes`), whatever the status: not read further, not resent;
 * - a 2xx body that does not parse as UTF-8 JSON is an {@link UnusableResponse} when its content type declares
 *   another charset (the same bytes would come again); else a {@link CorruptBody} when labelled JSON (fetch's gunzip
 *   does not flag a truncated stream, it yields the bytes it got; the attempt is retried), and an
 *   {@link UnusableResponse} otherwise (an HTML login page, a wrong `baseUrl`, a form-encoded reply);
 * - a 2xx body that parses, when `keep` is given (the caller takes the parsed value: `record.parsed`): `received`
 *   itself, its body read, the value put in `keep.parsed`;
 * - any other answer (a 4xx with a text body labelled JSON included) is returned, rebuilt with the bytes read, for
 *   openapi-fetch to parse: its status decides what happens next.
 */
export async function readResponse(
  received: Response,
  maxBytes: number,
  keep?: { parsed?: unknown },
): Promise<Response> {
  const { status } = received;
  if (received.type === "opaqueredirect" || status < 200 || status > 599) {
    await received.body?.cancel();
    throw new UnusableResponse("which is not a final HTTP status", received);
  }
  const body = NULL_BODY_STATUSES.has(status) ? null : await readBody(received, maxBytes);
  if (body === undefined) {
    throw new UnusableResponse(
      `with a body over ${maxBytes} bytes, more than the client reads (option maxResponseBytes)`,
      rebuild(received, null),
    );
  }
  if (status < 300 && body && body.byteLength > 0) {
    const parsed = parse(body);
    if (parsed && keep) {
      keep.parsed = parsed.value;
      return received;
    }
    if (!parsed) {
      const rebuilt = rebuild(received, body);
      const type = received.headers.get("content-type") ?? "no content type";
      const charset = foreignCharset(type);
      if (charset) {
        // Not damage in transit: the server would send the same bytes again. JSON travels as UTF-8 (RFC 8259).
        throw new UnusableResponse(
          `with ${type} (${body.byteLength} bytes): JSON must be UTF-8, not ${charset}`,
          rebuilt,
        );
      }
      if (JSON_TYPE.test(type)) throw new CorruptBody(status);
      throw new UnusableResponse(`with ${type} (${body.byteLength} bytes), not JSON; is baseUrl right?`, rebuilt);
    }
  }
  return rebuild(received, body);
}

/**
 * The body's bytes, or undefined past `maxBytes`. A body fetch does not decode, with a
 * `Content-Length` within the limit, is read whole at once (fetch delivers no more than the length announced); any
 * other is read chunk by chunk and stopped at the limit (a gzip bomb announces only its compressed length).
 * Only fetch's own answer with every header visible (type "basic": Node's fetch, a browser's same-origin answer)
 * is taken at its word: a browser hides a cross-origin answer's `Content-Encoding` but not its `Content-Length`,
 * and a Response made by the caller's fetch may carry any header over any number of bytes.
 */
function readBody(received: Response, maxBytes: number): Promise<ArrayBuffer | undefined> {
  // No header: NaN, never within the limit.
  const length = Number(received.headers.get("content-length") ?? Number.NaN);
  const whole = received.type === "basic" && !received.headers.has("content-encoding");
  return whole && length <= maxBytes ? received.arrayBuffer() : readCapped(received.body, maxBytes);
}

/** A Response with the bytes read, for openapi-fetch (or the caller's error) to read again. */
function rebuild(received: Response, body: ArrayBuffer | null): Response {
  return new Response(body, {
    status: received.status,
    statusText: received.statusText,
    headers: lengthOf(received, body),
  });
}

/**
 * The response's headers, with `Content-Length` saying how many bytes the rebuilt body has: `zuora.GET` and the
 * rest read it to decide whether there is a body to parse (as openapi-fetch does), and the server's value can be wrong (a 205 announcing a body it may not
 * have, a gzipped length for decoded bytes, none at all for a chunked body).
 */
function lengthOf(received: Response, body: ArrayBuffer | null): Headers {
  const headers = new Headers(received.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(body?.byteLength ?? 0));
  return headers;
}

/** The `charset` a content type declares when it is not UTF-8 (or its subset US-ASCII), else undefined. */
function foreignCharset(type: string): string | undefined {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
  return charset && !/^(utf-?8|us-ascii)$/i.test(charset) ? charset : undefined;
}

/** The body parsed as UTF-8 JSON, or undefined when it does not parse. */
function parse(body: ArrayBuffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(utf8.decode(body)) };
  } catch {
    return undefined;
  }
}
