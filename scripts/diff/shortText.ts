/** At most this many characters of a value in a report line; a longer one is cut and its length given. */
export const SHOWN_CHARACTERS = 60;

/**
 * A value as one short line of a report: JSON (so strings are quoted and newlines escaped), cut to
 * {@link SHOWN_CHARACTERS} characters with `…` and the full length when longer, `none` when absent.
 */
export function shortValue(value: unknown): string {
  if (value === undefined) return "none";
  const text = JSON.stringify(value);
  if (text.length <= SHOWN_CHARACTERS) return text;
  const length = typeof value === "string" ? `${value.length} characters` : `${text.length} characters of JSON`;
  return `${text.slice(0, SHOWN_CHARACTERS - 1)}… (${length})`;
}

/** Text on one line (runs of whitespace become one space), cut to `max` characters with `…`. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
