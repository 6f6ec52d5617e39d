import type { OAuthClientCredentials } from "../auth/oauthTokenSource.js";
import type { TokenProvider } from "../auth/tokenSource.js";
import type { FetchLike } from "../pipeline/types.js";
import type { Sleep } from "../policies/sleep.js";
import type { Logger, LogLevel } from "./log.js";

/**
 * How the client authenticates:
 * - a string: a bearer token, sent as is (a 401 is final);
 * - a function: called for each call's token; called again with `forceRefresh: true` after a 401;
 * - `{ clientId, clientSecret }`: OAuth client credentials, exchanged at `POST /oauth/token` and cached.
 */
export type ZuoraAuth = string | TokenProvider | OAuthClientCredentials;

/** Request compression. */
export interface CompressionOptions {
  /**
   * Gzip request bodies of at least this many bytes (`Content-Encoding: gzip`).
   * @defaultValue `1024`
   */
  minBytes?: number | undefined;
  /**
   * Send `Accept-Encoding: gzip` so Zuora gzips responses over 1000 bytes (fetch decodes them); skipped where the
   * runtime forbids scripts to set the header (browsers, which negotiate it themselves).
   * @defaultValue `true`
   */
  acceptGzip?: boolean | undefined;
}

/** Backoff tuning and test hooks for retries. */
export interface RetryOptions {
  /**
   * Upper bound of the first retry's delay, in ms; doubles each retry (full jitter).
   * @defaultValue `500`
   */
  baseDelayMs?: number | undefined;
  /**
   * Largest backoff delay, in ms.
   * @defaultValue `8000`
   */
  maxDelayMs?: number | undefined;
  /**
   * Longest `Retry-After` honoured, in ms; longer ones are cut to this.
   * @defaultValue `60000`
   */
  maxRetryAfterMs?: number | undefined;
  /**
   * Waits between attempts.
   * @defaultValue a `setTimeout` sleep that the call's AbortSignal interrupts
   */
  sleep?: Sleep | undefined;
  /**
   * Jitter source in [0, 1).
   * @defaultValue `Math.random`
   */
  random?: (() => number) | undefined;
  /**
   * Clock in ms, for `Retry-After` dates and token expiry.
   * @defaultValue `Date.now`
   */
  now?: (() => number) | undefined;
}

/** Options of `createZuoraClient`. */
export interface ZuoraClientOptions {
  /** Your tenant's REST base URL, e.g. `https://rest.test.zuora.com` (see the spec's `servers`). Required. */
  baseUrl: string;
  /** How to authenticate. Required. */
  auth: ZuoraAuth;
  /**
   * `Zuora-Entity-Ids` sent on every call that does not set its own.
   * @defaultValue none
   */
  entityIds?: string | undefined;
  /**
   * `Zuora-Track-Id` sent on every call that does not set its own (≤ 64 US-ASCII, none of `:;"'`).
   * @defaultValue none
   */
  trackId?: string | undefined;
  /**
   * Retries after the first attempt (network errors, 429, 5xx, 409 in progress); 0 disables; a call's `maxRetries`
   * overrides it.
   * @defaultValue `2`
   */
  maxRetries?: number | undefined;
  /**
   * Time limit of one attempt, response body included, in ms; it starts when the attempt is sent (not while the call
   * waits in the queue). A call's `timeoutMs` overrides it.
   * @defaultValue `30000`
   */
  timeoutMs?: number | undefined;
  /**
   * The most bytes of one response body the client reads, after gzip decoding. A larger body ends the call with a
   * `ZuoraApiError` that names this option.
   * @defaultValue `4194304` (4 MiB: Zuora's answers are a few KB)
   */
  maxResponseBytes?: number | undefined;
  /**
   * Where log lines go: anything with `debug`, `info`, `warn` and `error` methods. Lines never hold a token, a client
   * secret or an Authorization value.
   * @defaultValue `console`
   */
  logger?: Logger | undefined;
  /**
   * How much the client logs: `"debug"` (one line per attempt), `"info"` (one line per retry decision), `"warn"`,
   * `"error"` or `"off"`.
   * @defaultValue the `ZUORA_LOG` environment variable where the runtime has one, else `"warn"`
   */
  logLevel?: LogLevel | undefined;
  /**
   * Calls in flight at most; the others wait in call order (see the README's "Bulk work"). The client lowers it
   * when Zuora refuses a call for its concurrency limit and waits out a used-up rate limit. `Infinity` turns the
   * limiter off: every call is sent at once.
   * @defaultValue `16`
   */
  maxConcurrency?: number | undefined;
  /**
   * How long the client keeps trying, in ms, while Zuora refuses every call it sends for the tenant's concurrency
   * limit (other integrations hold all of it). Meanwhile it holds its calls and lets one try again after each short
   * jittered wait, growing with each refusal in a row (or after the refusal's `Retry-After`; see the README's "Bulk
   * work"); none of this spends `maxRetries`. A call refused after this long with none of the client's getting
   * through fails with `ZuoraRateLimitError`, and so do the calls queued behind it, one request each, until one gets
   * through. A call's `signal` ends its wait sooner.
   * @defaultValue `60000`
   */
  maxConcurrencyWaitMs?: number | undefined;
  /**
   * Gzip settings, or `false` to gzip no request body and leave `Accept-Encoding` to the runtime's fetch.
   * @defaultValue `{ minBytes: 1024, acceptGzip: true }`
   */
  compression?: CompressionOptions | false | undefined;
  /**
   * The `fetch` to send with (tests, proxies, custom agents).
   * @defaultValue `globalThis.fetch`
   */
  fetch?: FetchLike | undefined;
  /**
   * Makes the `Idempotency-Key` of a call that has none.
   * @defaultValue `crypto.randomUUID()`
   */
  idempotencyKey?: (() => string) | undefined;
  /** Backoff tuning and test hooks. */
  retry?: RetryOptions | undefined;
}
