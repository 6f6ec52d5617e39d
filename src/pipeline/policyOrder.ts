import type { TokenSource } from "../auth/tokenSource.js";
import { authPolicy } from "../policies/authPolicy.js";
import { compressionPolicy } from "../policies/compressionPolicy.js";
import { entityPolicy } from "../policies/entityPolicy.js";
import { idempotencyPolicy } from "../policies/idempotencyPolicy.js";
import { limiterPolicy } from "../policies/limiterPolicy.js";
import { type RetryPolicyOptions, retryPolicy } from "../policies/retryPolicy.js";
import { trackingPolicy } from "../policies/trackingPolicy.js";
import type { Policy } from "./types.js";

/** Everything the policies need, resolved from the client's options. */
export interface PolicySettings {
  tokens: TokenSource;
  entityIds: string | undefined;
  trackId: string | undefined;
  idempotencyMethods: readonly string[];
  newIdempotencyKey: (() => string) | undefined;
  compression: { minBytes: number; acceptGzip: boolean } | false;
  /** Calls in flight at most; Infinity leaves the limiter out. */
  maxConcurrency: number;
  /** How long the limiter keeps trying while the tenant refuses every call for concurrency, in ms. */
  maxConcurrencyWaitMs: number;
  /** Backoff, clock, sleep, response size cap, log, and the context of the errors the retry loop builds. */
  retry: RetryPolicyOptions;
}

/** Methods that change nothing on the server (RFC 9110 §9.2.1): a lost answer to one of them hides no action. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

/** Methods that are safe to send twice without a key (RFC 9110 §9.2.2). */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

/**
 * The order of the policies, outermost first. This is the only place that decides it. (Validation runs before all
 * of them, when the call is prepared, so a bad value throws before any policy or byte moves; middleware runs around
 * all of them, once per call.)
 */
export function policyOrder(settings: PolicySettings): Policy[] {
  const policies: Policy[] = [];
  // Before tracking and idempotency only by convention; these three headers are independent.
  if (settings.entityIds !== undefined) policies.push(entityPolicy({ entityIds: settings.entityIds }));
  // Records the track id for errors and callInfo(), whether the default or the caller's.
  policies.push(trackingPolicy({ trackId: settings.trackId }));
  // Above auth, so a generated key that breaks the rules is refused before a token is requested; above retries
  // (and the 401 re-send, which reuses the request), so every attempt carries the same key.
  policies.push(
    idempotencyPolicy({
      methods: settings.idempotencyMethods,
      ...(settings.newIdempotencyKey ? { newKey: settings.newIdempotencyKey } : {}),
    }),
  );
  // Above auth, so a queued call gets its token when it goes out; above retries, so an attempt's time limit starts
  // when it is sent. The token request has a pipeline of its own without it: it never waits behind the calls it serves.
  if (Number.isFinite(settings.maxConcurrency)) {
    policies.push(
      limiterPolicy({
        ...settings.retry,
        maxConcurrency: settings.maxConcurrency,
        maxConcurrencyWaitMs: settings.maxConcurrencyWaitMs,
      }),
    );
  }
  // Above compression and retries, so that on a 401 it can refresh the token and re-run everything below once.
  policies.push(authPolicy({ source: settings.tokens }));
  // Above retries, so the body is gzipped once, not per attempt.
  if (settings.compression) policies.push(compressionPolicy({ ...settings.compression, log: settings.retry.log }));
  // Innermost: resends exactly what the policies above produced.
  policies.push(retryPolicy(settings.retry));
  return policies;
}
