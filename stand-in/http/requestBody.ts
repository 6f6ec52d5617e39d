/**
 * The body of a request as text, gunzipped when it says `Content-Encoding: gzip` (as the client sends large ones);
 * undefined when such a body does not decode (bad input, answered like any other).
 */
export async function requestText(request: Request): Promise<string | undefined> {
  if (request.body === null) return "";
  if (!/\bgzip\b/i.test(request.headers.get("content-encoding") ?? "")) return request.text();
  return new Response(request.body.pipeThrough(new DecompressionStream("gzip"))).text().catch(() => undefined);
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
