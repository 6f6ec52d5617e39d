/**
 * What each option of `createZuoraClient` is when the caller leaves it out, stated once. The options' TSDoc
 * (`@defaultValue`) and docs/client-options.md repeat the values for readers; test/client/options.test.ts checks
 * that they say these.
 */

/** `maxRetries`: retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;

/** `timeoutMs`: the time limit of one attempt, body included, in ms. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * `maxResponseBytes`: the most bytes of one response body read, after decoding (4 MiB). Zuora's answers and a
 * gateway's error page are a few KB: far below, yet a gzip bomb or a runaway body cannot take the caller's memory.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** `maxConcurrency`: calls in flight at most. */
export const DEFAULT_MAX_CONCURRENCY = 16;

/** `maxConcurrencyWaitMs`: how long the client keeps trying while the tenant refuses all its calls, in ms. */
export const DEFAULT_MAX_CONCURRENCY_WAIT_MS = 60_000;

/** `logLevel`, when the runtime's `ZUORA_LOG` names none either. */
export const DEFAULT_LOG_LEVEL = "warn";

/** `compression.minBytes`: the smallest request body gzipped, in bytes. */
export const DEFAULT_COMPRESSION_MIN_BYTES = 1024;

/** `compression.acceptGzip`: ask Zuora for gzipped answers. */
export const DEFAULT_ACCEPT_GZIP = true;

/** `retry.baseDelayMs`: the upper bound of the first retry's delay, in ms. */
export const DEFAULT_BASE_DELAY_MS = 500;

/** `retry.maxDelayMs`: the largest backoff delay, in ms. */
export const DEFAULT_MAX_DELAY_MS = 8000;

/** `retry.maxRetryAfterMs`: the longest `Retry-After` honoured, in ms. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** `auth.refreshBeforeExpiryMs`: 5 minutes, as Zuora's error-handling guide suggests. */
export const DEFAULT_REFRESH_BEFORE_EXPIRY_MS = 300_000;
