/** Backoff between attempts of an LLM call: exponential with jitter, or the server's Retry-After, capped. */

/** Statuses worth another attempt: rate limited, or a server-side failure. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

/**
 * Milliseconds to wait before attempt `attempt + 1` (attempt counts from 0). A Retry-After header (seconds
 * or an HTTP date) wins over the exponential delay; both are capped at `maxMs`.
 *
 * @example
 * retryDelay(0, undefined, 500, 8000) // between 250 and 500
 * retryDelay(1, "3", 500, 8000)       // 3000
 */
export function retryDelay(attempt: number, retryAfter: string | undefined, baseMs: number, maxMs: number, now = Date.now()): number {
  const fromHeader = parseRetryAfter(retryAfter, now);
  if (fromHeader !== undefined) return Math.min(fromHeader, maxMs);
  const exp = baseMs * 2 ** attempt;
  return Math.min(maxMs, Math.round(exp * (0.5 + Math.random() * 0.5)));
}

function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts.
 *
 * @example
 * await sleep(200, AbortSignal.timeout(1000));
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
