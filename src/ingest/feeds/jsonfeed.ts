/**
 * JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1).
 */
import type { ParsedFeed, RawItem } from "./types.ts";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import { absolutise, absolutiseHtml, htmlToPlain, orNull } from "./text.ts";
import { parseFeedDate } from "./dates.ts";

type Partial = Omit<ParsedFeed, "items" | "warnings"> & { items: RawItem[] };
type Json = Record<string, unknown>;

function malformed(reason: string, cause?: unknown): ImpactwireError {
  return new ImpactwireError("feed", "FEED_MALFORMED", `malformed feed: ${reason}`, { cause, exitCode: EXIT.input, status: 422 });
}

const str = (v: unknown): string | null => (typeof v === "string" ? orNull(v) : typeof v === "number" ? String(v) : null);
const obj = (v: unknown): Json | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null);

function authors(o: Json): string | null {
  const list = Array.isArray(o.authors) ? o.authors : o.author ? [o.author] : [];
  const names = list.map((a) => str(obj(a)?.name)).filter((n): n is string => !!n);
  return names.length ? names.join(", ") : null;
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function item(raw: unknown, index: number, base: string | null, feedAuthor: string | null, warnings: string[]): RawItem | null {
  const o = obj(raw);
  if (!o) {
    warnings.push(`items[${index}] is not an object: skipped`);
    return null;
  }
  const rawDate = str(o.date_published) ?? str(o.date_modified);
  const publishedAt = parseFeedDate(rawDate);
  if (rawDate && !publishedAt) warnings.push(`unreadable date "${rawDate.slice(0, 60)}"`);
  const text = str(o.content_text);
  const tags = Array.isArray(o.tags) ? o.tags.map(str).filter((t): t is string => !!t) : [];
  return {
    guid: str(o.id),
    url: absolutise(str(o.url) ?? str(o.external_url), base),
    title: htmlToPlain(str(o.title) ?? ""),
    publishedAt,
    author: authors(o) ?? feedAuthor,
    summaryHtml: str(o.summary) ? escape(str(o.summary)!) : null,
    contentHtml: absolutiseHtml(str(o.content_html), base) ?? (text ? escape(text) : null),
    categories: [...new Set(tags)],
  };
}

/**
 * Reads a JSON Feed document. Throws FEED_MALFORMED for invalid JSON or a missing version/items.
 *
 * @example
 * readJsonFeed('{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[]}', url, []).kind // "jsonfeed"
 */
export function readJsonFeed(text: string, feedUrl: string | null, warnings: string[]): Partial {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw malformed(`invalid JSON (${(err as Error).message})`, err);
  }
  const o = obj(doc);
  if (!o) throw malformed("a JSON Feed must be an object");
  const version = str(o.version);
  if (!version || !version.startsWith("https://jsonfeed.org/version/")) throw malformed('JSON without a "version": "https://jsonfeed.org/version/…" member is not a JSON Feed');
  if (!Array.isArray(o.items)) throw malformed('JSON Feed without an "items" array');
  const base = absolutise(str(o.feed_url), feedUrl) ?? feedUrl;
  const feedAuthor = authors(o);
  return {
    kind: "jsonfeed",
    version,
    title: orNull(htmlToPlain(str(o.title) ?? "")),
    siteUrl: absolutise(str(o.home_page_url), base),
    items: o.items.map((it, i) => item(it, i, base, feedAuthor, warnings)).filter((x): x is RawItem => x !== null),
  };
}
