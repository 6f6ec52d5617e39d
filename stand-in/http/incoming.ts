/**
 * A request as the stand-in reads it: its method, URL, headers, body and signal, and nothing else a fetch `Request`
 * carries (the stand-in reads no mode or cache).
 */
export interface IncomingRequest {
  /** Upper case for the methods fetch normalizes (`GET`, `POST`, ...). */
  readonly method: string;
  readonly url: URL;
  /** A copy of the caller's: what it changes after the call is not seen. */
  readonly headers: Headers;
  /**
   * The body: the text or bytes the caller gave `fetch` (bytes copied), or a stream (a `Request`'s body, as
   * `listen()` gives it), or none.
   */
  readonly body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array<ArrayBuffer>> | null;
  /** The caller's signal (`init.signal`, or the `Request`'s), if any: an abort rejects the call, as `fetch` does. */
  readonly signal: AbortSignal | null;
}

/** The `RequestInit` members a request may have and still be read without a `Request`: none of the others matters here. */
const READ_DIRECTLY = new Set(["method", "headers", "body", "signal", "redirect"]);
/** Methods as fetch writes them after normalizing (a lower-case `post` goes through a `Request`, which upper-cases it). */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const REDIRECTS = new Set([undefined, "follow", "manual", "error"]);
/**
 * Text a `Request` would not give back as it is: a UTF-16 unit that pairs with none (encoded as U+FFFD), or a
 * leading byte order mark (dropped when the body is decoded).
 */
const CHANGED_BY_ENCODING = /^\uFEFF|\p{Surrogate}/u;

/**
 * Reads what `fetch(input, init)` was given as the stand-in needs it. A URL with `init` whose body is text or bytes
 * (what the client sends: a URL string, `Headers`, bytes) is read as it is, without building a `Request`, which would
 * wrap the body in a stream only to read it back; anything else (a `Request`, a stream or form body, a member such as
 * `mode`, a value a `Request` refuses or changes) goes through a `Request`, so that every call means what it means
 * to `fetch` and is refused with the same `TypeError`. The text read directly is what a `Request` would give: a text
 * body is `text/plain;charset=UTF-8` unless the headers say otherwise, and the headers are checked and normalized by
 * `Headers`.
 */
export function incomingRequest(input: RequestInfo | URL, init?: RequestInit | null): IncomingRequest {
  // fetch takes a null `init` as none.
  if (input instanceof Request && init == null) return fromRequest(input);
  const direct = typeof input === "string" || input instanceof URL ? readDirectly(input, init) : undefined;
  return direct ?? fromRequest(new Request(input, init ?? undefined));
}

/** A `Request`, read as the stand-in needs it. */
export function fromRequest(request: Request): IncomingRequest {
  const { method, headers, body, signal } = request;
  return { method, url: new URL(request.url), headers, body, signal };
}

/** `(input, init)` read without a `Request`, or undefined when only a `Request` gives them their meaning. */
function readDirectly(input: string | URL, init: RequestInit | null | undefined): IncomingRequest | undefined {
  const method = init?.method ?? "GET";
  const given = init?.body ?? null;
  if (!METHODS.has(method) || (given !== null && (method === "GET" || method === "HEAD"))) return undefined;
  if (init != null) {
    for (const key in init) if (!READ_DIRECTLY.has(key)) return undefined;
    if (!REDIRECTS.has(init.redirect) || !(init.signal == null || init.signal instanceof AbortSignal)) return undefined;
  }
  let body: IncomingRequest["body"];
  if (given === null) body = null;
  else if (typeof given === "string" && !CHANGED_BY_ENCODING.test(given)) body = given;
  else if (given instanceof Uint8Array) body = new Uint8Array(given);
  else return undefined;
  let url: URL;
  try {
    url = typeof input === "string" ? new URL(input) : new URL(input.href);
  } catch {
    // A relative URL: a `Request` resolves it where there is a base (a page), or refuses it.
    return undefined;
  }
  // A `Request` refuses a URL with credentials in it.
  if (url.username !== "" || url.password !== "") return undefined;
  const headers = new Headers(init?.headers);
  if (typeof body === "string" && !headers.has("content-type")) headers.set("content-type", "text/plain;charset=UTF-8");
  return { method, url, headers, body, signal: init?.signal ?? null };
}

/** Drops a body that was not read (a stream's rest is cancelled; text and bytes need nothing). */
export async function discardBody(request: IncomingRequest): Promise<void> {
  const { body } = request;
  if (body instanceof ReadableStream && !body.locked) await body.cancel().catch(() => {});
}
