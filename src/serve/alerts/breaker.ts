/**
 * Per-endpoint circuit breaker for webhook deliveries: after `threshold` consecutive failures the
 * endpoint is "open" for `cooldownMs` (deliveries wait, no attempts are spent); then one trial
 * ("half-open") decides whether it closes again or re-opens.
 */
interface State {
  failures: number;
  openUntil: number;
  trial: boolean;
}

export class CircuitBreaker {
  private readonly states = new Map<string, State>();

  /**
   * @example
   * const breaker = new CircuitBreaker(5, 60_000);
   */
  constructor(
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private state(key: string): State {
    let s = this.states.get(key);
    if (!s) this.states.set(key, (s = { failures: 0, openUntil: 0, trial: false }));
    return s;
  }

  /**
   * Whether a delivery may be attempted now; when not, the time (ms) at which to come back.
   *
   * @example
   * const gate = breaker.allow("https://hooks.example.com"); if (!gate.ok) retryAt(gate.retryAt);
   */
  allow(key: string): { ok: true } | { ok: false; retryAt: number } {
    const s = this.state(key);
    const t = this.now();
    if (s.openUntil === 0) return { ok: true };
    if (t < s.openUntil) return { ok: false, retryAt: s.openUntil };
    if (s.trial) return { ok: false, retryAt: t + Math.min(1_000, this.cooldownMs) };
    s.trial = true;
    return { ok: true };
  }

  /** Records a success: the endpoint closes. */
  success(key: string): void {
    this.states.set(key, { failures: 0, openUntil: 0, trial: false });
  }

  /** Records a failure: opens after `threshold` in a row, or at once after a failed trial. */
  failure(key: string): void {
    const s = this.state(key);
    s.failures += 1;
    if (s.trial || s.failures >= this.threshold) {
      s.openUntil = this.now() + this.cooldownMs;
      s.trial = false;
    }
  }

  /** "closed", "open" or "half-open" (for the health endpoint and tests). */
  status(key: string): "closed" | "open" | "half-open" {
    const s = this.states.get(key);
    if (!s || s.openUntil === 0) return "closed";
    return s.trial || this.now() >= s.openUntil ? "half-open" : "open";
  }
}

/**
 * Exponential backoff with jitter: attempt 1 waits about `base`, then doubling, capped at `max`;
 * the wait is drawn uniformly from [d/2, d] so that retries of many deliveries spread out.
 *
 * @example
 * retryDelay(3, 1000, 60_000) // between 2000 and 4000
 */
export function retryDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const d = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(d / 2 + random() * (d / 2));
}
