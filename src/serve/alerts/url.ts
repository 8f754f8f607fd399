/**
 * Validation of URLs the server will call on a user's behalf (webhooks, feeds added through the API):
 * http(s) only, no credentials, and the same private-network guard as the fetcher.
 */
import { assertPublicUrl } from "../../ingest/fetch/fetch.ts";
import { ImpactwireError } from "../../core/errors.ts";

/**
 * Throws a 400 ImpactwireError unless `raw` is an http(s) URL to a public address (or the guard is off).
 *
 * @example
 * checkOutboundUrl("https://hooks.example.com/x", false);
 */
export function checkOutboundUrl(raw: string, allowPrivate: boolean, what = "webhookUrl"): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new ImpactwireError("api", "URL_INVALID", `${what}: "${raw.slice(0, 200)}" is not a URL`, { status: 400, cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ImpactwireError("api", "URL_INVALID", `${what}: only http and https URLs are allowed, got ${url.protocol}`, { status: 400 });
  }
  if (url.username || url.password) throw new ImpactwireError("api", "URL_INVALID", `${what}: credentials in the URL are not allowed`, { status: 400 });
  try {
    assertPublicUrl(url.href, { allowPrivate });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ImpactwireError("api", "URL_PRIVATE_ADDRESS", `${what}: refused by the private-network guard (${detail})`, { status: 400, cause: err });
  }
  return url.href;
}
