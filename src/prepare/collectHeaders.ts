import { normalizeHeaderValue } from "./headerValue.js";

/**
 * The header values a call will carry, by lower-case name, trimmed as fetch trims them, merged as openapi-fetch
 * merges them (later sources win; an array is joined with ", "; undefined and null are left out; a source that is
 * not an object adds nothing).
 */
export function collectHeaders(...sources: unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const source of sources) {
    // As openapi-fetch does: a source that is not an object (a string would give one header per character) adds none.
    if (!source || typeof source !== "object") continue;
    const entries: Iterable<[string, unknown]> =
      source instanceof Headers || Array.isArray(source)
        ? (source as Iterable<[string, unknown]>)
        : Object.entries(source as Record<string, unknown>);
    for (const [name, value] of entries) {
      if (value === undefined || value === null) continue;
      out.set(name.toLowerCase(), normalizeHeaderValue(Array.isArray(value) ? value.join(", ") : String(value)));
    }
  }
  return out;
}
