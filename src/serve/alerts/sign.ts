/**
 * Webhook signatures: `X-Impactwire-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`,
 * keyed by the alert's secret (Stripe-style, so the timestamp is covered and replays can be refused).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A new webhook secret (shown once, when the alert is created).
 *
 * @example
 * const secret = generateWebhookSecret(); // "whsec_…"
 */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

/**
 * The signature header value for a body sent at `t` (unix seconds).
 *
 * @example
 * signWebhook("whsec_x", '{"a":1}', 1700000000) // "t=1700000000,v1=9c1e…"
 */
export function signWebhook(secret: string, body: string, t: number): string {
  const mac = createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest("hex");
  return `t=${t},v1=${mac}`;
}

/**
 * Verifies a signature header as a receiver would: right MAC and a timestamp within `toleranceSec` of now.
 *
 * @example
 * verifyWebhook(secret, req.headers["x-impactwire-signature"], rawBody) // true
 */
export function verifyWebhook(secret: string, header: string | undefined, body: string, toleranceSec = 300, nowSec = Math.floor(Date.now() / 1000)): boolean {
  if (!header) return false;
  const parts = new Map(header.split(",").map((kv) => kv.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowSec - t) > toleranceSec || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).slice(`t=${t},v1=`.length), "hex");
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}
