/**
 * Zuora's reason codes as the stand-in gives them: a 6-digit REST resource code followed by a 2-digit error category
 * (the spec's `ReasonCode`, "HTTP 200 does not always mean success"). Zuora does not publish the resource codes of
 * the Multi-entity operations, so the stand-in uses the one its spec's examples show (`500000`); callers should, and
 * the client does, branch on the category alone.
 */

/** The error categories the stand-in answers with (the last two digits of a reason code). */
export const Category = {
  /** Permission or access denied. */
  permission: 10,
  /** Invalid format or value. */
  invalidValue: 20,
  /** Unknown field in request. */
  unknownField: 21,
  /** Missing required field. */
  missingField: 22,
  /** Rule restriction. */
  rule: 30,
  /** Not found. */
  notFound: 40,
  /** Unsupported request (a body in a media type the operation does not take). */
  unsupported: 45,
  /** Request exceeded limit (a body over the size limit). */
  limit: 70,
  /** Malformed request. */
  malformed: 90,
} as const;

/** One of {@link Category}'s values. */
export type CategoryCode = (typeof Category)[keyof typeof Category];

/** The resource part of every reason code the stand-in gives (the spec's examples use it). */
export const RESOURCE_CODE = 500000;

/** A refusal: the category of the broken rule and what went wrong, in words. */
export interface Refusal {
  category: CategoryCode;
  message: string;
}

/** The 8-digit code of a refusal, as a JSON number (as Zuora's guides show it). */
export function reasonCode(category: CategoryCode): number {
  return RESOURCE_CODE * 100 + category;
}

/** What an operation on the tenant gives: its result, or the rule the request broke. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** A successful {@link Outcome}. */
export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** A refused {@link Outcome}: the category of the broken rule and what went wrong, in words. */
export function refuse(category: CategoryCode, message: string): Outcome<never> {
  return { ok: false, refusal: { category, message } };
}
