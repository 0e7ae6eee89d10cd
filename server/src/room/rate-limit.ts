/**
 * A token bucket per client: `burst` messages at once, refilled at `perSecond`. A person clicking fast never hits
 * it; a script flooding the room is answered with `rate-limited` errors instead of being served.
 */
export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 10, burst: 20 };

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly options: RateLimitOptions;

  constructor(options: RateLimitOptions, nowMs: number) {
    this.options = options;
    this.tokens = options.burst;
    this.last = nowMs;
  }

  /** Takes one token if there is one. */
  take(nowMs: number): boolean {
    const elapsed = Math.max(0, nowMs - this.last);
    this.last = nowMs;
    this.tokens = Math.min(this.options.burst, this.tokens + (elapsed / 1000) * this.options.perSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
