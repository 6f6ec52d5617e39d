/**
 * The rate-limit headers Zuora sends on every answer (`RateLimit-Limit`, `-Remaining`, `-Reset`), for one window of
 * one minute. The stand-in counts requests so that a caller reading them (`withResponse().rateLimit`) sees them
 * move, but it never refuses a request for the rate: a test that wants a 429 injects one with `failNext`.
 */
export class RateLimitWindow {
  private windowStart = 0;
  private used = 0;

  /**
   * @param limit requests per window (default 50,000, the example in the spec)
   * @param windowMs the window's length in milliseconds (default 60,000)
   * @param now the clock, in milliseconds (default `Date.now`)
   */
  constructor(
    private readonly limit = 50_000,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request and returns the headers of its answer. */
  count(): Record<string, string> {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now - (now % this.windowMs);
      this.used = 0;
    }
    this.used += 1;
    const seconds = Math.round(this.windowMs / 1000);
    return {
      "ratelimit-limit": `${this.limit}, ${this.limit};w=${seconds}`,
      "ratelimit-remaining": String(Math.max(0, this.limit - this.used)),
      "ratelimit-reset": String(Math.ceil((this.windowStart + this.windowMs - now) / 1000)),
    };
  }
}
