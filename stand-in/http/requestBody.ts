import { readCapped } from "../../rules/readCapped.js";
import { discardBody, type IncomingRequest } from "./incoming.js";

/** The size a request body may reach by default, decoded: 1 MiB (Zuora's own limits are smaller per field). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const UTF8 = new TextDecoder();

/** A body as read: its text, or why it was not read (a transport problem, answered before any rule). */
export type ReadBody = { text: string } | { status: 400 | 413; message: string };

/**
 * The body of a request as text, gunzipped when it says `Content-Encoding: gzip` (as the client sends large ones).
 * Given up at `maxBytes` (after decoding), so a gzip bomb or an endless body costs at most that much memory: the
 * answer is then 413, and a body that is not the gzip it claims, or breaks off, is 400. A stream is read as it comes;
 * text or bytes the caller gave `fetch` are taken as they are.
 */
export async function readBody(request: IncomingRequest, maxBytes: number): Promise<ReadBody> {
  const { body, headers } = request;
  if (body === null) return { text: "" };
  const tooLarge = { status: 413, message: `The request body is larger than ${maxBytes} bytes.` } as const;
  const gzipped = /\bgzip\b/i.test(headers.get("content-encoding") ?? "");
  if (!gzipped && Number(headers.get("content-length") ?? 0) > maxBytes) {
    await discardBody(request);
    return tooLarge;
  }
  if (!gzipped && typeof body === "string") return longerThan(body, maxBytes) ? tooLarge : { text: body };
  if (!gzipped && body instanceof Uint8Array)
    return body.byteLength > maxBytes ? tooLarge : { text: UTF8.decode(body) };
  const source = body instanceof ReadableStream ? body : new Blob([body]).stream();
  const stream = gzipped ? source.pipeThrough(new DecompressionStream("gzip")) : source;
  let bytes: ArrayBuffer | undefined;
  try {
    bytes = await readCapped(stream, maxBytes);
  } catch {
    // The stream is errored: a gzip stream that failed has cancelled the body below it.
    return { status: 400, message: gzipped ? "The request body is not valid gzip." : "The request body broke off." };
  }
  return bytes === undefined ? tooLarge : { text: UTF8.decode(bytes) };
}

/** Whether `text` takes more than `maxBytes` in UTF-8: each UTF-16 unit takes 1 to 3 bytes, counted only when that does not tell. */
function longerThan(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  return text.length * 3 > maxBytes && new TextEncoder().encode(text).byteLength > maxBytes;
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
