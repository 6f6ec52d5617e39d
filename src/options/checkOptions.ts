import type { Violation } from "../../rules/checkValue.js";
import { checkStaticToken } from "../auth/checkToken.js";
import { ZuoraConfigurationError } from "../errors/ZuoraConfigurationError.js";
import { isLogLevel, LOG_LEVELS } from "./log.js";
import { optionRules } from "./optionRules.js";
import type { ZuoraClientOptions } from "./options.js";

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
  integer("maxResponseBytes", options.maxResponseBytes, 1);
  checkLogger(options.logger);
  if (options.logLevel !== undefined && !isLogLevel(options.logLevel)) {
    throw new ZuoraConfigurationError("logLevel", `must be one of ${LOG_LEVELS.join(", ")}`);
  }
  checkMaxConcurrency(options.maxConcurrency);
  duration("maxConcurrencyWaitMs", options.maxConcurrencyWaitMs, 0);
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
  if (typeof value !== "string" || value.trim() === "") {
    throw new ZuoraConfigurationError("baseUrl", "is required: your tenant's REST base URL");
  }
  refuse("baseUrl", optionRules.baseUrl(value));
}

function checkLogger(logger: unknown): void {
  if (logger === undefined) return;
  const methods = ["debug", "info", "warn", "error"] as const;
  if (
    typeof logger !== "object" ||
    logger === null ||
    methods.some((m) => typeof (logger as Record<string, unknown>)[m] !== "function")
  ) {
    throw new ZuoraConfigurationError("logger", "must have debug, info, warn and error methods");
  }
}

function checkAuth(auth: unknown): void {
  if (typeof auth === "string") {
    const problem = checkStaticToken(auth);
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

/** Throws for a broken option rule (see optionRules.ts), naming the option. */
function refuse(option: string, violation: Violation | null): void {
  if (violation) throw new ZuoraConfigurationError(option, violation.problem);
}

function integer(option: string, value: unknown, min: number): void {
  refuse(option, optionRules.count(value, min));
}

function duration(option: string, value: unknown, min: number, what?: string): void {
  refuse(option, optionRules.duration(value, min, what));
}

function checkMaxConcurrency(value: unknown): void {
  if (value === undefined || value === Number.POSITIVE_INFINITY) return;
  refuse("maxConcurrency", optionRules.count(value, 1));
}

function fn(option: string, value: unknown): void {
  refuse(option, optionRules.fn(value));
}

function text(option: string, value: unknown): void {
  if (value !== undefined && typeof value !== "string") {
    throw new ZuoraConfigurationError(option, `must be a string, got ${typeof value}`);
  }
}

function object(option: string, value: unknown, what: string): void {
  if (typeof value !== "object" || value === null) throw new ZuoraConfigurationError(option, `must be ${what}`);
}
