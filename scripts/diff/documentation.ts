/**
 * Keywords whose value is documentation only: the README's Versioning table calls a change to them a fix
 * ("descriptions, examples, documentation"), whatever else the diff tool makes of it. `example` values are what
 * Prism answers with, but the contract does not promise them; `x-pattern-description` is a pattern's rule in words,
 * which the client's messages quote.
 */
const DOCUMENTATION_KEYWORDS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "x-pattern-description",
]);

/** Top-level sections that are documentation as a whole: the document's metadata and its tag list. */
const DOCUMENTATION_SECTIONS = new Set(["info", "tags"]);

/**
 * Whether a change at this location of the spec (api-smart-diff's path: keys from the root) only touches
 * documentation. A segment under `properties` is a field's name, not a keyword: a field called `description` is
 * part of the contract.
 */
export function isDocumentation(path: readonly PropertyKey[]): boolean {
  if (DOCUMENTATION_SECTIONS.has(String(path[0]))) return true;
  return path.some((segment, index) => DOCUMENTATION_KEYWORDS.has(String(segment)) && path[index - 1] !== "properties");
}
