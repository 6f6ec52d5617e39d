/**
 * Reads `body` to its end, or stops (cancelling the rest) once it has gone past `maxBytes` and resolves to
 * undefined. Rejects as the stream does (a connection cut mid-body, the attempt's abort, a gzip stream that is not
 * gzip). The client reads each answer with it, and the stand-in each request: at most `maxBytes` held, whatever the
 * sender claims.
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
