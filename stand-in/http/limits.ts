import { type Answer, answer } from "./answers.js";
import { RateLimitWindow } from "./rateLimit.js";

/**
 * The limits a stand-in enforces, as Zuora does for a tenant; each is off unless given, so by default every request
 * is served (and counted in the `RateLimit-*` headers) as before.
 */
export interface StandInLimits {
  /**
   * Requests in flight at most: one more is refused at once with 429 and `Concurrency-Limit-Type`, `-Limit`,
   * `-Remaining` (and every answer then carries those headers). Give `latencyMs` too, or requests rarely overlap.
   */
  concurrency?: number | undefined;
  /** Requests per minute at most: the next ones in the window are refused with 429, `Retry-After` and `RateLimit-*`. */
  perMinute?: number | undefined;
  /** The clock of the rate window, in ms (drive it in a test, so no test waits a minute). Defaults to `Date.now`. */
  now?: (() => number) | undefined;
}

/** Whether a request may be served: a refusal to answer with, or the headers to add to its answer and its release. */
export type Admission = { refusal: Answer } | { headers: Record<string, string>; release: () => void };

const CONCURRENCY_TYPE = "Default";

/** Counts a tenant's requests in flight and in the minute's window, and refuses those over the limits. */
export class TenantLimits {
  readonly #concurrency: number | undefined;
  readonly #window: RateLimitWindow;
  #inFlight = 0;

  /** `limits` as createStandIn checked them (see checkOptions.ts). */
  constructor(limits: StandInLimits = {}) {
    this.#concurrency = limits.concurrency;
    const perMinute = limits.perMinute;
    this.#window = new RateLimitWindow(perMinute ?? 50_000, 60_000, limits.now ?? Date.now, perMinute !== undefined);
  }

  /**
   * Admits one request, or refuses it. `counted: false` (the token request, which Zuora limits apart) is never
   * refused nor counted. A refusal for concurrency comes first: the request never reached the tenant, so it uses
   * none of the window.
   */
  admit(counted: boolean): Admission {
    const limit = this.#concurrency;
    if (counted && limit !== undefined && this.#inFlight >= limit) {
      const { headers } = this.#window.take(false);
      return {
        refusal: answer(
          429,
          { message: "Too many concurrent requests" },
          { ...headers, ...concurrencyHeaders(limit, 0) },
        ),
      };
    }
    const { refused, headers } = this.#window.take(counted);
    if (refused) {
      const retryAfter = headers["ratelimit-reset"] ?? "60";
      return { refusal: answer(429, { message: "Too many requests" }, { ...headers, "retry-after": retryAfter }) };
    }
    if (!counted) return { headers, release: () => undefined };
    this.#inFlight += 1;
    let released = false;
    return {
      // The window's headers are made for this request alone: the concurrency's join them in place.
      headers:
        limit === undefined ? headers : Object.assign(headers, concurrencyHeaders(limit, limit - this.#inFlight)),
      release: () => {
        if (!released) this.#inFlight -= 1;
        released = true;
      },
    };
  }
}

function concurrencyHeaders(limit: number, remaining: number): Record<string, string> {
  return {
    "concurrency-limit-type": CONCURRENCY_TYPE,
    "concurrency-limit-limit": String(limit),
    "concurrency-limit-remaining": String(Math.max(0, remaining)),
  };
}
