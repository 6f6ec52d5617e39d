/**
 * Zuora's rules for where an entity is: a locale in the `ll_CC` shape of Zuora's examples (`en_US`, `zh_CN`), and a
 * time zone of the IANA database as the runtime knows it (`Intl.supportedValuesOf("timeZone")`, with the aliases
 * the runtime resolves to one of them, such as `Asia/Harbin` or `UTC`).
 */

const LOCALE = /^[a-z]{2}_[A-Z]{2}$/;
/** Longer than any IANA name (the longest are about 30 characters): refused before the runtime is asked. */
const MAX_ZONE_LENGTH = 64;
const ZONE_SHAPE = /^[A-Za-z0-9_+\-/]+$/;
/** How much of a refused value a message quotes: enough to recognise it, never a 5 MiB echo. */
const QUOTED = 40;

let zones: ReadonlySet<string> | undefined;
const accepted = new Set<string>();

/** The runtime's IANA time zones, read once; empty where the runtime has no `Intl.supportedValuesOf`. */
function knownZones(): ReadonlySet<string> {
  const list = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  zones ??= new Set([...list, "UTC"]);
  return zones;
}

/** Whether the runtime knows `zone` as an IANA time zone or an alias of one. */
function isKnownZone(zone: string): boolean {
  if (accepted.has(zone)) return true;
  if (zone.length > MAX_ZONE_LENGTH || !ZONE_SHAPE.test(zone)) return false;
  const known = knownZones();
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  // A runtime without the list still refuses what its date formatting refuses.
  const ok = known.has(zone) || known.has(resolved) || known.size === 1;
  if (ok) accepted.add(zone);
  return ok;
}

const quote = (value: string) => JSON.stringify(value.length > QUOTED ? `${value.slice(0, QUOTED)}…` : value);

/**
 * What is wrong with a locale or time zone, in Zuora's words, or undefined when Zuora supports it. Undefined values
 * (a field left out) pass.
 */
export function placeProblem(values: {
  locale?: string | undefined;
  timezone?: string | undefined;
}): string | undefined {
  const { locale, timezone } = values;
  if (locale !== undefined && !LOCALE.test(locale)) {
    return `Invalid value for the field locale: ${quote(locale)} is not a supported locale (use a language and a country, such as en_US).`;
  }
  if (timezone !== undefined && !isKnownZone(timezone)) {
    return `Invalid value for the field timezone: ${quote(timezone)} is not a supported time zone (use an IANA time zone, such as America/Los_Angeles).`;
  }
  return undefined;
}
