import { checkTokenShape } from "../auth/checkToken.js";
import { ZuoraConfigurationError } from "../errors/ZuoraConfigurationError.js";
import type { ZuoraClientOptions } from "../options.js";

/** The longest delay `setTimeout` honours, in ms; a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Refuses options that cannot work, when the client is made rather than on every call, with a
 * {@link ZuoraConfigurationError} naming the option. An option given as `undefined` counts as not given. Header
 * values (`trackId`, `entityIds`) are checked against the spec by the request validation, not here.
 */
export function checkOptions(options: ZuoraClientOptions): void {
  if (typeof options !== "object" || options === null)
    throw new ZuoraConfigurationError("options", "must be an object");
  checkBaseUrl(options.baseUrl);
  checkAuth(options.auth);
  integer("maxRetries", options.maxRetries, 0);
  duration("timeoutMs", options.timeoutMs, 1);
  checkMaxConcurrency(options.maxConcurrency);
  fn("fetch", options.fetch);
  fn("idempotencyKey", options.idempotencyKey);
  text("trackId", options.trackId);
  text("entityIds", options.entityIds);
  const { compression, retry } = options;
  if (compression !== undefined && compression !== false) {
    object("compression", compression, "an object or false");
    duration("compression.minBytes", compression.minBytes, 0, "a number of bytes");
    if (compression.acceptGzip !== undefined && typeof compression.acceptGzip !== "boolean") {
      throw new ZuoraConfigurationError("compression.acceptGzip", "must be a boolean");
    }
  }
  if (retry !== undefined) {
    object("retry", retry, "an object");
    duration("retry.baseDelayMs", retry.baseDelayMs, 0);
    duration("retry.maxDelayMs", retry.maxDelayMs, 0);
    duration("retry.maxRetryAfterMs", retry.maxRetryAfterMs, 0);
    fn("retry.sleep", retry.sleep);
    fn("retry.random", retry.random);
    fn("retry.now", retry.now);
  }
}

function checkBaseUrl(value: unknown): void {
  const fail = (problem: string) => new ZuoraConfigurationError("baseUrl", problem);
  if (typeof value !== "string" || value.trim() === "") throw fail("is required: your tenant's REST base URL");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fail("must be an absolute URL such as https://rest.test.zuora.com (scheme included)");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw fail(`must be an http(s) URL, not ${url.protocol}`);
  if (url.username || url.password) throw fail("must not carry credentials; use the auth option");
  if (url.search || url.hash) throw fail("must not have a query or fragment");
  // The operation paths start with /v1: a base URL ending in it would call /v1/v1/...
  if (/\/v1\/?$/i.test(url.pathname)) throw fail("must not end in /v1: the operation paths already start with it");
}

function checkAuth(auth: unknown): void {
  if (typeof auth === "string") {
    const problem = checkTokenShape(auth);
    if (problem) throw new ZuoraConfigurationError("auth", problem);
    return;
  }
  if (typeof auth === "function") return;
  if (typeof auth === "object" && auth !== null) {
    const { clientId, clientSecret, refreshBeforeExpiryMs } = auth as Record<string, unknown>;
    for (const [name, value] of [
      ["clientId", clientId],
      ["clientSecret", clientSecret],
    ] as const) {
      if (typeof value !== "string" || value.trim() === "") {
        throw new ZuoraConfigurationError(`auth.${name}`, "must be a non-empty string");
      }
    }
    duration("auth.refreshBeforeExpiryMs", refreshBeforeExpiryMs, 0);
    return;
  }
  throw new ZuoraConfigurationError("auth", "must be a token, a token function, or { clientId, clientSecret }");
}

function integer(option: string, value: unknown, min: number): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new ZuoraConfigurationError(option, `must be a whole number ≥ ${min}, got ${shown(value)}`);
  }
}

function checkMaxConcurrency(value: unknown): void {
  if (value === undefined || value === Number.POSITIVE_INFINITY) return;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new ZuoraConfigurationError(
      "maxConcurrency",
      `must be a whole number ≥ 1, or Infinity for no limit, got ${shown(value)}`,
    );
  }
}

function duration(option: string, value: unknown, min: number, what = "a number of ms"): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > MAX_TIMER_MS) {
    throw new ZuoraConfigurationError(option, `must be ${what} from ${min} to ${MAX_TIMER_MS}, got ${shown(value)}`);
  }
}

function fn(option: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function") {
    throw new ZuoraConfigurationError(option, `must be a function, got ${shown(value)}`);
  }
}

function text(option: string, value: unknown): void {
  if (value !== undefined && typeof value !== "string") {
    throw new ZuoraConfigurationError(option, `must be a string, got ${shown(value)}`);
  }
}

function object(option: string, value: unknown, what: string): void {
  if (typeof value !== "object" || value === null) throw new ZuoraConfigurationError(option, `must be ${what}`);
}

/** Names a non-secret option value for a message. */
function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : typeof value;
}
