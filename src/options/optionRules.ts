import type { Violation } from "../../rules/checkValue.js";

/** The longest delay `setTimeout` honours, in ms; a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The rules an option's value follows, whether the client's (`createZuoraClient({ timeoutMs })`, refused with a
 * ZuoraConfigurationError) or a call's (`getEntity(id, { timeoutMs })`, refused with a ZuoraValidationError). Each
 * returns the broken rule, or null; undefined and null always pass (the option is not given).
 */
export const optionRules = {
  /** A duration or size: a finite number from `min` to {@link MAX_TIMER_MS}. */
  duration(value: unknown, min: number, what = "a number of ms"): Violation | null {
    if (value === undefined || value === null) return null;
    const problem = `must be ${what} from ${min} to ${MAX_TIMER_MS}, got ${shown(value)}`;
    if (typeof value !== "number" || Number.isNaN(value)) return { rule: "type", problem };
    if (value < min) return { rule: "minimum", problem };
    return value > MAX_TIMER_MS || !Number.isFinite(value) ? { rule: "maximum", problem } : null;
  },
  /** A whole number of at least `min`. */
  count(value: unknown, min: number): Violation | null {
    if (value === undefined || value === null) return null;
    const problem = `must be a whole number from ${min} to ${Number.MAX_SAFE_INTEGER}, got ${shown(value)}`;
    if (typeof value !== "number" || !Number.isSafeInteger(value)) return { rule: "type", problem };
    return value < min ? { rule: "minimum", problem } : null;
  },
  /**
   * A tenant's REST base URL: an absolute http(s) URL without credentials (they belong in `auth`, and would show in
   * messages and logs), a query or a fragment, not ending in `/v1` (the operation paths start with it).
   */
  baseUrl(value: unknown): Violation | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== "string") return { rule: "type", problem: `must be a string, got ${shown(value)}` };
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return {
        rule: "pattern",
        problem: "must be an absolute URL such as https://rest.test.zuora.com (scheme included)",
      };
    }
    const problem =
      url.protocol !== "https:" && url.protocol !== "http:"
        ? `must be an http(s) URL, not ${url.protocol}`
        : url.username || url.password
          ? "must not carry credentials; use the auth option"
          : url.search || url.hash
            ? "must not have a query or fragment"
            : /\/v1\/?$/i.test(url.pathname)
              ? "must not end in /v1: the operation paths already start with it"
              : undefined;
    return problem ? { rule: "pattern", problem } : null;
  },
  /** A function. */
  fn(value: unknown): Violation | null {
    if (value === undefined || value === null || typeof value === "function") return null;
    return { rule: "type", problem: `must be a function, got ${shown(value)}` };
  },
};

/** Names a non-secret option value for a message: a number as it is, anything else by its type. */
function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : typeof value;
}
