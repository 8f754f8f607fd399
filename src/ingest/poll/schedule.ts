/**
 * Poll scheduling: when a feed is due, exponential backoff after errors (honouring Retry-After), and the
 * per-host politeness gate (a least delay between two requests to one host).
 */

/** Longest wait between two polls of a failing feed. */
export const MAX_BACKOFF_SEC = 24 * 3600;

/**
 * Seconds to wait before the next poll: the interval when healthy; after `errorCount` consecutive errors
 * interval × 2^errorCount (capped at a day, never below the interval), or Retry-After when later.
 *
 * @example
 * nextDelaySec(300, 0)    // 300
 * nextDelaySec(300, 3)    // 2400
 * nextDelaySec(300, 1, 7200) // 7200
 */
export function nextDelaySec(intervalSec: number, errorCount: number, retryAfterSec: number | null = null): number {
  const interval = Math.max(1, intervalSec);
  const backoff = errorCount > 0 ? Math.max(interval, Math.min(interval * 2 ** Math.min(errorCount, 20), MAX_BACKOFF_SEC)) : interval;
  return Math.max(backoff, Math.min(retryAfterSec ?? 0, MAX_BACKOFF_SEC));
}

/**
 * Reads a Retry-After header (seconds or an HTTP date) as seconds from `nowMs`; null when absent/invalid.
 *
 * @example
 * retryAfterSec("120", Date.now()) // 120
 */
export function retryAfterSec(header: string | undefined, nowMs: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - nowMs) / 1000));
}

/**
 * True when a source should be polled at `nowIso`: enabled and never polled or its next poll time passed.
 *
 * @example
 * isDue({ enabled: true, nextPollAt: null }, new Date().toISOString()) // true
 */
export function isDue(s: { enabled: boolean; nextPollAt: string | null }, nowIso: string): boolean {
  return s.enabled && (s.nextPollAt === null || s.nextPollAt <= nowIso);
}

/**
 * Per-host politeness: `wait(host)` resolves when a request to that host may start, at least `delayMs`
 * after the previous one (reservations are made synchronously, so concurrent callers queue up).
 *
 * @example
 * const gate = new HostGate(1000);
 * await gate.wait("example.com"); // immediately
 * await gate.wait("example.com"); // one second later
 */
export class HostGate {
  private readonly next = new Map<string, number>();

  constructor(private readonly delayMs: number) {}

  async wait(host: string, signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    if (this.next.size > 10_000) for (const [h, t] of this.next) if (t < now) this.next.delete(h);
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.delayMs);
    if (at > now) await sleep(at - now, signal);
  }
}

/**
 * Sleeps, resolving early when the signal aborts.
 *
 * @example
 * await sleep(1000, controller.signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
