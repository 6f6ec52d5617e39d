/**
 * The rate-limit headers Zuora sends on every answer (`RateLimit-Limit`, `-Remaining`, `-Reset`), for one window of
 * one minute. The stand-in counts requests so that a caller reading them (`withResponse().rateLimit`) sees them
 * move; it refuses a request for the rate only when told to enforce the limit (`limits.perMinute`), and otherwise a
 * test that wants a 429 injects one with `failNext`.
 */
export class RateLimitWindow {
  private windowStart = 0;
  private used = 0;
  /** `RateLimit-Limit`, the same on every answer. */
  private readonly limitHeader: string;

  /**
   * @param limit requests per window (default 50,000, the example in the spec)
   * @param windowMs the window's length in milliseconds (default 60,000)
   * @param now the clock, in milliseconds (default `Date.now`)
   * @param enforce refuse requests once `limit` were counted in the window (default false)
   */
  constructor(
    private readonly limit = 50_000,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly enforce = false,
  ) {
    this.limitHeader = `${limit}, ${limit};w=${Math.round(windowMs / 1000)}`;
  }

  /**
   * Counts one request (`counted: false` only reads the window), unless the window is used up and the limit
   * enforced: then `refused` is true and nothing is counted.
   */
  take(counted: boolean): { refused: boolean; headers: Record<string, string> } {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now - (now % this.windowMs);
      this.used = 0;
    }
    const refused = counted && this.enforce && this.used >= this.limit;
    if (counted && !refused) this.used += 1;
    return {
      refused,
      headers: {
        "ratelimit-limit": this.limitHeader,
        "ratelimit-remaining": String(Math.max(0, this.limit - this.used)),
        "ratelimit-reset": String(Math.ceil((this.windowStart + this.windowMs - now) / 1000)),
      },
    };
  }
}
