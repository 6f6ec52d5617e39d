/**
 * Path or query values read once, for validation and the URL alike: a copy of the object's own and inherited
 * enumerable keys (openapi-fetch's serializers walk them with for...in), an array or object inside copied too. A
 * getter that answers differently on its second read (a valid id, then `..`) cannot send what was never checked.
 * Anything that is not an object is returned as it is, for validation to judge.
 */
export function snapshotValues(values: unknown, depth = 0): unknown {
  if (typeof values !== "object" || values === null || depth > 1) return values;
  if (Array.isArray(values)) return values.map((value) => snapshotValues(value, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const key in values) copy[key] = snapshotValues((values as Record<string, unknown>)[key], depth + 1);
  return copy;
}
