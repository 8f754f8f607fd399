/**
 * Canonical URLs: the same article reached through tracking links, fragments, `www.`, `index.html`
 * or trailing slashes has one canonical form, used to merge re-posts and to identify articles
 * that come without a GUID.
 */

const TRACKING = /^(utm_[a-z_]+|gclid|fbclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|cmpid|ncid|ocid|smid|sr_share|src|ref|ref_src|rss|feed|partner|cid|taid|mod|guccounter|guce_referrer|guce_referrer_sig)$/i;

/**
 * The canonical form of an http(s) URL; null when the URL is absent or not http(s).
 * Lower-cases scheme and host, drops `www.`, default ports, fragments, tracking parameters
 * (utm_*, gclid, fbclid…), `index.html`-like endings and trailing slashes, sorts the query.
 *
 * @example
 * canonicalUrl("HTTPS://www.Example.com/news/a/?utm_source=x&b=2&a=1#top") // "https://example.com/news/a?a=1&b=2"
 */
export function canonicalUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  // The result is built from protocol, host, path and query: fragment and credentials never reach it.
  const hostname = u.hostname.toLowerCase().replace(/^www\d?\./, "").replace(/\.$/, "");
  if (hostname !== u.hostname) u.hostname = hostname;
  if ((u.protocol === "http:" && u.port === "80") || (u.protocol === "https:" && u.port === "443")) u.port = "";
  const params = u.search.length <= 1 ? [] : [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
  let pathname = u.pathname.replace(/\/{2,}/g, "/").replace(/\/(index|default)\.(html?|php|aspx?)$/i, "/");
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, "");
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  return `${u.protocol}//${u.host}${pathname === "/" ? "" : pathname}${query}`;
}
