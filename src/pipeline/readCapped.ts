/**
 * The most bytes of one response body the client reads by default (its `maxResponseBytes`), after fetch has decoded
 * any `Content-Encoding`: 4 MiB.
 * Zuora's Multi-entity answers (a page of a list included) and a gateway's error page are a few KB, so this is far
 * above any real answer, and low enough that a gzip bomb (a few KB on the wire, gigabytes decoded) or a runaway body
 * cannot take the caller's memory with it.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/**
 * Reads `body` to its end, or stops (cancelling the rest) once it has gone past `maxBytes` and resolves to
 * undefined. Rejects as the stream does (a connection cut mid-body, the attempt's abort).
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<ArrayBuffer | undefined> {
  if (!body) return new ArrayBuffer(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Whatever the rest is, it is not read: reading it is the harm.
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes.buffer;
}
