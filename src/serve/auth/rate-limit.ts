/**
 * Token-bucket rate limiting per client (API key id, or IP without a key). Each bucket holds up to
 * `perMinute` tokens and refills continuously at `perMinute / 60` tokens per second.
 */
export interface TakeResult {
  ok: boolean;
  remaining: number;
  /** Seconds until one token is available again (0 when ok). */
  retryAfterSec: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;

  /**
   * @example
   * const limiter = new RateLimiter(600);
   * limiter.take("ip:127.0.0.1").ok // true
   */
  constructor(perMinute: number, private readonly now: () => number = Date.now) {
    this.capacity = Math.max(1, perMinute);
    this.perMs = this.capacity / 60_000;
  }

  /**
   * Takes one token from the client's bucket.
   *
   * @example
   * if (!limiter.take(clientId).ok) reply.code(429);
   */
  take(client: string): TakeResult {
    const t = this.now();
    const b = this.buckets.get(client) ?? { tokens: this.capacity, at: t };
    b.tokens = Math.min(this.capacity, b.tokens + (t - b.at) * this.perMs);
    b.at = t;
    this.buckets.set(client, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, remaining: Math.floor(b.tokens), retryAfterSec: 0 };
    }
    if (this.buckets.size > 50_000) this.sweep(t);
    return { ok: false, remaining: 0, retryAfterSec: Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000)) };
  }

  /** The configured capacity (requests per minute). */
  get limit(): number {
    return this.capacity;
  }

  /** Forgets full buckets so that memory stays bounded under many distinct clients. */
  private sweep(t: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * this.perMs >= this.capacity) this.buckets.delete(k);
  }
}
