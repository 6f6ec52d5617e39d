/**
 * The key under which the client's method wrapper hands the JSON it serialized to the pipeline. openapi-fetch (0.17)
 * copies init keys it does not know onto the Request it builds, so the pipeline finds the string there and encodes it,
 * instead of reading back the body stream that openapi-fetch made from the same string. Where the key is absent (a
 * caller's own bodySerializer, or an openapi-fetch that stops copying), the pipeline reads the stream: slower, same
 * bytes.
 */
export const SERIALIZED_BODY = "zuoraSerializedBody";

const utf8 = new TextEncoder();

/** The request body as bytes: the handed-over JSON when present, else the Request's own body. */
export async function bodyBytes(input: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  const handed = (input as unknown as Record<string, unknown>)[SERIALIZED_BODY];
  if (typeof handed === "string") return utf8.encode(handed);
  return input.body ? new Uint8Array(await input.arrayBuffer()) : null;
}
