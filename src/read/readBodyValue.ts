/**
 * A response body as openapi-fetch reads an error body: parsed JSON when it parses, else its text, undefined when
 * empty or already read.
 */
export async function readBodyValue(response: Response): Promise<unknown> {
  if (response.bodyUsed) return undefined;
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
