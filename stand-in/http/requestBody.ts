import { readCapped } from "../../rules/readCapped.js";

/** The size a request body may reach by default, decoded: 1 MiB (Zuora's own limits are smaller per field). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const UTF8 = new TextDecoder();

/** A body as read: its text, or why it was not read (a transport problem, answered before any rule). */
export type ReadBody = { text: string } | { status: 400 | 413; message: string };

/**
 * The body of a request as text, gunzipped when it says `Content-Encoding: gzip` (as the client sends large ones).
 * Read as a stream and given up at `maxBytes` (after decoding), so a gzip bomb or an endless body costs at most that
 * much memory: the answer is then 413, and a body that is not the gzip it claims, or breaks off, is 400.
 */
export async function readBody(request: Request, maxBytes: number): Promise<ReadBody> {
  if (request.body === null) return { text: "" };
  const tooLarge = { status: 413, message: `The request body is larger than ${maxBytes} bytes.` } as const;
  const gzipped = /\bgzip\b/i.test(request.headers.get("content-encoding") ?? "");
  if (!gzipped && Number(request.headers.get("content-length") ?? 0) > maxBytes) {
    await request.body.cancel().catch(() => {});
    return tooLarge;
  }
  const stream = gzipped ? request.body.pipeThrough(new DecompressionStream("gzip")) : request.body;
  let bytes: ArrayBuffer | undefined;
  try {
    bytes = await readCapped(stream, maxBytes);
  } catch {
    // The stream is errored: a gzip stream that failed has cancelled the body below it.
    return { status: 400, message: gzipped ? "The request body is not valid gzip." : "The request body broke off." };
  }
  return bytes === undefined ? tooLarge : { text: UTF8.decode(bytes) };
}

/** The JSON a text holds: `undefined` for an empty body, or `{ malformed: true }` when it is not JSON. */
export function parseJson(text: string): { value: unknown } | { malformed: true } {
  if (text.trim() === "") return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { malformed: true };
  }
}

/** The media type of a `Content-Type` value, lower-cased, without its parameters (`application/json`). */
export function mediaType(contentType: string | null): string | undefined {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return type === "" ? undefined : type;
}
