/**
 * Zuora's reason codes as the stand-in gives them: a 6-digit REST resource code followed by a 2-digit error category
 * (the spec's `ReasonCode`, "HTTP 200 does not always mean success"). Zuora builds the resource code from the
 * request's payload: a request without one gets `500000` (an unknown object and field); a request with one gets the
 * code of the object, or of its field, the refusal is about (see `../http/resourceCodes.ts`). Callers should, and the
 * client does, branch on the category.
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

/** The resource part of the reason code of a request without a payload: Zuora's "unknown object, unknown field". */
export const NO_PAYLOAD_RESOURCE = 500000;

/** A refusal: the category of the broken rule, what went wrong in words, and the body field it is about, if one. */
export interface Refusal {
  category: CategoryCode;
  message: string;
  /** The request body's field the refusal is about (it picks the resource code of a request with a payload). */
  field?: string;
}

/**
 * The 8-digit code of a refusal, as a JSON number (as Zuora's guides show it).
 *
 * @param category - The last two digits: the category of the broken rule.
 * @param resource - The first six digits. Defaults to `500000`, the code of any refusal of a request without a body
 * (a `GET`, a `DELETE`, or a `PUT` that takes none), as Zuora gives it.
 */
export function reasonCode(category: CategoryCode, resource: number = NO_PAYLOAD_RESOURCE): number {
  return resource * 100 + category;
}

/** What an operation on the tenant gives: its result, or the rule the request broke. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** A successful {@link Outcome}. */
export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/**
 * A refused {@link Outcome}: the category of the broken rule and what went wrong, in words.
 *
 * @param field - The request body's field the refusal is about, if one.
 */
export function refuse(category: CategoryCode, message: string, field?: string): Outcome<never> {
  return { ok: false, refusal: field === undefined ? { category, message } : { category, message, field } };
}
