import { reasonCategory, ZuoraApiError } from "../src/index.js";

/** Whether Zuora answered that what was asked for does not exist: HTTP 404, or a business failure of category 40. */
export function isNotFound(error: unknown): boolean {
  if (!(error instanceof ZuoraApiError)) return false;
  return error.status === 404 || error.reasons.some((r) => reasonCategory(r.code) === 40);
}
