import { entityBody } from "./clients.js";

/**
 * A ~64 KB createEntity body: the reference sample plus a list of custom-field records of the kind integrations
 * attach (ids, names, dates, numbers), so it compresses like real JSON rather than like one repeated character.
 * Deterministic, so every run sends the same bytes.
 */
export function largeBody(targetBytes = 64 * 1024): Record<string, unknown> {
  const records: Record<string, unknown>[] = [];
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const words = ["region", "billing", "contact", "invoice", "currency", "account", "segment", "owner", "tier", "term"];
  const body: Record<string, unknown> = { ...entityBody, customFields: records };
  while (JSON.stringify(body).length < targetBytes) {
    const n = next();
    records.push({
      id: n.toString(16).padStart(32, "0"),
      name: `${words[n % 10]}_${words[(n >> 4) % 10]}_${n % 1000}`,
      value: (n % 100000) / 100,
      updatedAt: new Date(1_700_000_000_000 + (n % 31_536_000) * 1000).toISOString(),
      active: n % 3 !== 0,
    });
  }
  return body;
}
