import type { Log } from "../options/log.js";
import type { Policy } from "../pipeline/types.js";

/** Options of {@link compressionPolicy}. */
export interface CompressionPolicyOptions {
  /** Gzip request bodies of at least this many bytes. */
  minBytes: number;
  /** Ask for gzipped responses (`Accept-Encoding: gzip`) where the runtime lets a script set that header. */
  acceptGzip: boolean;
  /** Whether this runtime lets a script set `Accept-Encoding`. Defaults to {@link runtimeAllowsAcceptEncoding}. */
  canSetAcceptEncoding?: boolean;
  /** Whether this runtime has `CompressionStream`. Defaults to {@link runtimeHasCompressionStream}. */
  canGzip?: boolean;
  /** Where a body sent uncompressed for want of `CompressionStream` is said, at debug. */
  log?: Log | undefined;
}

let allowsAcceptEncoding: boolean | undefined;

/**
 * Browsers forbid scripts to set `Accept-Encoding` (they negotiate it themselves and drop the header silently), so
 * the policy only sets it where a Request keeps it. Checked once, at the first request: a process that makes a client
 * and no call (a cold start) does not build a `Request` for it.
 */
export function runtimeAllowsAcceptEncoding(): boolean {
  try {
    allowsAcceptEncoding ??= new Request("http://localhost/", { headers: { "accept-encoding": "gzip" } }).headers.has(
      "accept-encoding",
    );
  } catch {
    allowsAcceptEncoding = false;
  }
  return allowsAcceptEncoding;
}

/**
 * Node, Deno, Bun, workerd and today's browsers have `CompressionStream`; a runtime without it (an older browser or
 * edge runtime) gets its bodies sent as they are, which Zuora accepts just as well.
 */
export const runtimeHasCompressionStream: boolean = typeof globalThis.CompressionStream === "function";

/** Gzips bytes with the standard `CompressionStream`, which Node and browsers both have. */
export async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Asks for gzipped responses (fetch decodes them) and gzips request bodies of `minBytes` or more with
 * `Content-Encoding: gzip`, as Zuora accepts, where the runtime has `CompressionStream` (elsewhere the body goes
 * uncompressed). A body that already has a `Content-Encoding` is left alone: the caller
 * (or an earlier pass of this policy, on a 401 retry) encoded it.
 */
export function compressionPolicy(options: CompressionPolicyOptions): Policy {
  const canGzip = options.canGzip ?? runtimeHasCompressionStream;
  return {
    async send(request, next) {
      const setAcceptEncoding = options.acceptGzip && (options.canSetAcceptEncoding ?? runtimeAllowsAcceptEncoding());
      if (setAcceptEncoding && !request.headers.has("accept-encoding")) request.headers.set("accept-encoding", "gzip");
      const { body } = request;
      if (body && body.byteLength >= options.minBytes && !request.headers.has("content-encoding")) {
        if (canGzip) {
          request.body = await gzip(body);
          request.headers.set("content-encoding", "gzip");
        } else {
          options.log?.debug(
            () =>
              `${request.method} ${request.url}: no CompressionStream here, so its ${body.byteLength}-byte body goes uncompressed`,
          );
        }
      }
      return next(request);
    },
  };
}
