/**
 * Optional full-text fetch (FETCH_FULL_TEXT): when a feed item carries only a teaser, the linked page is
 * fetched through the safe fetcher and its main text extracted (Readability + fallback). Any failure keeps
 * the teaser: a broken article page never blocks its feed.
 */
import type { IngestItem } from "../ingestor.ts";
import { safeFetch, type FetchOptions } from "../fetch/fetch.ts";
import { decodeHtml } from "../extract/decode.ts";
import { extractArticle } from "../extract/extract.ts";
import { htmlToPlain } from "../feeds/text.ts";

/** Items whose text is shorter than this (characters) are treated as teasers. */
export const TEASER_CHARS = 600;

/**
 * True when the item looks like a teaser worth completing from its page.
 *
 * @example
 * isTeaser({ title: "T", html: "<p>Short.</p>", url: "https://x.test/a" }) // true
 */
export function isTeaser(item: IngestItem, minChars = TEASER_CHARS): boolean {
  if (!item.url) return false;
  return htmlToPlain(item.text ?? item.html ?? "").length < minChars;
}

/**
 * Returns the item with the page's main text (and sanitised HTML) when the page gives more than the teaser.
 *
 * @example
 * const full = await withFullText(item, fetchOptions, (msg) => log(msg));
 */
export async function withFullText(item: IngestItem, options: FetchOptions, warn: (message: string) => void = () => {}): Promise<IngestItem> {
  if (!isTeaser(item)) return item;
  try {
    const res = await safeFetch(item.url!, { ...options, headers: { accept: "text/html, application/xhtml+xml;q=0.9" } });
    if (res.status !== 200 || !/html/i.test(res.contentType ?? "")) {
      warn(`${item.url}: not an HTML page (${res.status} ${res.contentType ?? "no type"}), teaser kept`);
      return item;
    }
    const page = extractArticle(decodeHtml(res.body, res.contentType).text, { baseUrl: res.url });
    const teaser = htmlToPlain(item.text ?? item.html ?? "");
    if (page.text.length <= teaser.length) return item;
    return { ...item, text: page.text, html: page.html, ...(item.title ? {} : { title: page.title }) };
  } catch (err) {
    warn(`${item.url}: full text not fetched (${(err as Error).message}), teaser kept`);
    return item;
  }
}
