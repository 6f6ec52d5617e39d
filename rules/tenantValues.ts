import { constraints } from "../generated/constraints.js";
import { codePointLength } from "./characters.js";

/**
 * The tenant's rules for an entity's own values, in one place for the stand-in (which refuses what Zuora refuses),
 * the hierarchy reader (which refuses a file before any request) and the hierarchy file's JSON Schema (generated from
 * these): a name by the spec's rule, a locale in the `ll_CC` shape of Zuora's examples (`en_US`, `zh_CN`), and a
 * time zone of the IANA database as the runtime knows it (`Intl.supportedValuesOf("timeZone")`, with the aliases the
 * runtime resolves to one of them, such as `Asia/Harbin` or `UTC`, and the zones it keeps as given though its list
 * leaves them out, such as `Etc/GMT+5`); users' names and products' IDs by the spec's rules for those parameters.
 */

/**
 * A value's rule as the spec states it: its pattern, the pattern in words (completing "must be …"), and the one
 * length bound the spec sets for it, in characters.
 */
export type ValueRule<Bound extends "minLength" | "maxLength"> = {
  readonly pattern: string;
  readonly words: string;
} & { readonly [K in Bound]: number };

/** The rule of one of the spec's fields or parameters, as `generated/constraints.ts` holds it. */
type SpecRule<Bound extends "minLength" | "maxLength"> = { pattern: string; patternDescription: string } & {
  [K in Bound]: number;
};

function valueRule<Bound extends "minLength" | "maxLength">(rule: SpecRule<Bound>, bound: Bound): ValueRule<Bound> {
  return { pattern: rule.pattern, words: rule.patternDescription, [bound]: rule[bound] } as ValueRule<Bound>;
}

const { operations } = constraints;

/** An entity's name: the spec's rule for `createEntity`'s `name` (its pattern, at most 255 characters). */
export const ENTITY_NAME = valueRule(operations.createEntity.fields.name, "maxLength");

/** A user's name: the spec's rule for the `username` path parameter of the user-access operations. */
export const USERNAME = valueRule(operations.listAccessibleEntities.pathParams.username, "minLength");

/** A product's ID: the spec's rule for `shareProduct`'s `product-id` path parameter. */
export const PRODUCT_ID = valueRule(operations.shareProduct.pathParams["product-id"], "minLength");

/** An entity's ID: the spec's rule for the `id` path parameter of the entity operations. */
export const ENTITY_ID = valueRule(operations.getEntity.pathParams.id, "maxLength");

/** A connection's ID: the spec's rule for the `connection-id` path parameter of the connection operations. */
export const CONNECTION_ID = valueRule(operations.acceptConnection.pathParams["connection-id"], "maxLength");

const displayNameRule = operations.createEntity.fields.displayName;

/** An entity's display name: the spec's rule for `createEntity`'s `displayName`, at most 255 characters. */
export const DISPLAY_NAME = {
  /** In characters (code points: an emoji is one). */
  maxLength: displayNameRule.maxLength,
} as const;

const ENTITY_ID_PATTERN = new RegExp(ENTITY_ID.pattern, "u");
const CONNECTION_ID_PATTERN = new RegExp(CONNECTION_ID.pattern, "u");

/** Whether `id` is an ID the entity operations take in their path. */
export function isEntityId(id: string): boolean {
  return id.length <= ENTITY_ID.maxLength && ENTITY_ID_PATTERN.test(id);
}

/** Whether `id` is an ID the connection operations take in their path. */
export function isConnectionId(id: string): boolean {
  return id.length <= CONNECTION_ID.maxLength && CONNECTION_ID_PATTERN.test(id);
}

/** Whether `displayName` is a display name an entity may have: 1 to 255 characters. */
export function isDisplayName(displayName: string): boolean {
  return displayName.length > 0 && codePointLength(displayName) <= DISPLAY_NAME.maxLength;
}

const USER = new RegExp(USERNAME.pattern, "u");
const PRODUCT = new RegExp(PRODUCT_ID.pattern, "u");

/** Whether `username` is a name the user-access operations take. */
export function isUsername(username: string): boolean {
  return username.length >= USERNAME.minLength && USER.test(username);
}

/** Whether `id` is a product ID `shareProduct` takes. */
export function isProductId(id: string): boolean {
  return id.length >= PRODUCT_ID.minLength && PRODUCT.test(id);
}

/** A locale: a language and a country, `ll_CC` (`en_US`). */
export const LOCALE_PATTERN = "^[a-z]{2}_[A-Z]{2}$";

/** The characters of an IANA time zone name, checked before the runtime is asked. */
export const TIME_ZONE_PATTERN = "^[A-Za-z0-9_+/-]+$";
/** Longer than any IANA name (the longest are about 30 characters): refused before the runtime is asked. */
export const MAX_TIME_ZONE_LENGTH = 64;

const NAME = new RegExp(ENTITY_NAME.pattern, "u");
const LOCALE = new RegExp(LOCALE_PATTERN, "u");
const ZONE_SHAPE = new RegExp(TIME_ZONE_PATTERN, "u");
/** How much of a refused value a message quotes: enough to recognise it, never a 5 MiB echo. */
const QUOTED = 40;

/** Whether `name` is a name an entity may have (the pattern's characters are one UTF-16 unit each). */
export function isEntityName(name: string): boolean {
  return name.length <= ENTITY_NAME.maxLength && NAME.test(name);
}

/** Whether `locale` is one Zuora takes. */
export function isLocale(locale: string): boolean {
  return LOCALE.test(locale);
}

let zones: ReadonlySet<string> | undefined;
const accepted = new Set<string>();

/** The runtime's IANA time zones, read once; empty where the runtime has no `Intl.supportedValuesOf`. */
function knownZones(): ReadonlySet<string> {
  zones ??= new Set([
    ...((Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? []),
    "UTC",
  ]);
  return zones;
}

/** Whether the runtime knows `zone` as an IANA time zone or an alias of one. */
export function isTimeZone(zone: string): boolean {
  if (accepted.has(zone)) return true;
  if (zone.length > MAX_TIME_ZONE_LENGTH || !ZONE_SHAPE.test(zone)) return false;
  const known = knownZones();
  // A name of the runtime's list needs no date formatting, whose first use loads the locale data (tens of ms).
  if (known.has(zone)) {
    accepted.add(zone);
    return true;
  }
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  // A zone the runtime keeps as it is (Etc/GMT+5, which its list leaves out) is one of the database's too; a runtime
  // without the list still refuses what its date formatting refuses.
  const ok = known.has(resolved) || resolved === zone || known.size === 1;
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
  if (locale !== undefined && !isLocale(locale)) {
    return `Invalid value for the field locale: ${quote(locale)} is not a supported locale (use a language and a country, such as en_US).`;
  }
  if (timezone !== undefined && !isTimeZone(timezone)) {
    return `Invalid value for the field timezone: ${quote(timezone)} is not a supported time zone (use an IANA time zone, such as America/Los_Angeles).`;
  }
  return undefined;
}
