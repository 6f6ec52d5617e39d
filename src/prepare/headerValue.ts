import { describeChar } from "../../rules/characters.js";

/**
 * Where a header value breaks HTTP's field-value rule (RFC 9110 §5.5: tab, space, visible ASCII, obs-text), in
 * words that name the character, not the value; undefined when it keeps the rule. `fetch` would refuse such a value,
 * or a proxy would split the header on it, so the client refuses it first.
 */
export function headerValueProblem(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x09 || (c >= 0x20 && c !== 0x7f && c <= 0xff)) continue;
    return `contains ${describeChar(value, i)} at position ${i + 1}, which an HTTP header cannot carry`;
  }
  return undefined;
}

/**
 * Strips leading and trailing HTTP whitespace as fetch does before sending (Fetch standard, "normalize"), so the
 * value checked is the value that travels: `"abc "` is sent, and judged, as `"abc"`.
 */
export function normalizeHeaderValue(value: string): string {
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
}
