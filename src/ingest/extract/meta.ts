/**
 * Page metadata read before extraction: title (og:title → <title> without the site suffix → h1),
 * site name, publication time, canonical URL, language and author.
 */

export interface PageMeta {
  title: string;
  siteName: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  byline: string | null;
}

interface Queryable {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
}

const clean = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, " ").trim();

function metaContent(doc: Queryable, selectors: string[]): string | null {
  for (const sel of selectors) {
    const v = clean(doc.querySelector(sel)?.getAttribute("content"));
    if (v) return v;
  }
  return null;
}

/**
 * A `<title>` without its " | Site Name" / " - Site" suffix (or prefix), when the rest is a real headline.
 *
 * @example
 * stripSiteName("Apple beats estimates | Example News") // "Apple beats estimates"
 */
export function stripSiteName(title: string, siteName?: string | null): string {
  const parts = title.split(/\s+[|–—·•»:-]\s+/);
  if (parts.length < 2) return title;
  const site = siteName?.toLowerCase();
  const kept = parts.filter((p) => p.toLowerCase() !== site);
  const longest = kept.reduce((a, b) => (b.split(" ").length > a.split(" ").length ? b : a), kept[0] ?? title);
  return longest.split(" ").length >= 3 ? longest : title;
}

function jsonLdDate(doc: Queryable): string | null {
  for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]{8,40})"/.exec(el.textContent ?? "");
    if (m) return m[1]!;
  }
  return null;
}

/**
 * Reads the metadata of a parsed page (call before boilerplate removal: it reads <head> and JSON-LD).
 *
 * @example
 * const { document } = parseHTML(html);
 * readMeta(document).title // "Fed holds rates steady"
 */
export function readMeta(doc: Queryable): PageMeta {
  const siteName = metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  const og = metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[property="twitter:title"]']);
  const h1 = clean(doc.querySelector("article h1")?.textContent) || clean(doc.querySelector("h1")?.textContent);
  const docTitle = clean(doc.querySelector("title")?.textContent);
  let title = og ?? "";
  if (!title && docTitle) title = h1 && docTitle.includes(h1) ? h1 : stripSiteName(docTitle, siteName);
  if (!title) title = h1;
  const time = doc.querySelector("article time[datetime]") ?? doc.querySelector("time[datetime]");
  const publishedAt =
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="parsely-pub-date"]',
      'meta[name="pubdate"]',
      'meta[name="publish-date"]',
      'meta[name="date"]',
      'meta[name="DC.date.issued"]',
    ]) ??
    jsonLdDate(doc) ??
    (clean(time?.getAttribute("datetime")) || null);
  const canonical = clean(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")) || metaContent(doc, ['meta[property="og:url"]']);
  const lang = clean(doc.querySelector("html")?.getAttribute("lang")) || null;
  const byline = metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]']);
  return { title, siteName, publishedAt, canonicalUrl: canonical || null, lang, byline };
}
