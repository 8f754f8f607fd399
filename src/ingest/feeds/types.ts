/**
 * What a feed yields once parsed, whatever its format (RSS 0.9x/2.0, RDF/RSS 1.0, Atom, JSON Feed).
 */

export type FeedKind = "rss" | "rdf" | "atom" | "jsonfeed";

export interface FeedItem {
  /** The item's own id (GUID, Atom id, JSON Feed id), else its link, else "sha256:" + hash(title, date). */
  guid: string;
  /** Absolute URL of the article (resolved against xml:base, else the feed URL), or null. */
  url: string | null;
  /** Plain text: HTML stripped, entities decoded, whitespace collapsed. */
  title: string;
  /** ISO 8601 (UTC) or null when absent or unreadable. */
  publishedAt: string | null;
  author: string | null;
  /** HTML (as given) of the teaser/description, or null. */
  summaryHtml: string | null;
  /** HTML (as given) of the full content, or null. */
  contentHtml: string | null;
  categories: string[];
}

export interface ParsedFeed {
  kind: FeedKind;
  /** Format version as declared ("2.0", "0.91", "1.0", "atom10", "https://jsonfeed.org/version/1.1"…), or null. */
  version: string | null;
  title: string | null;
  /** Absolute URL of the site the feed belongs to, or null. */
  siteUrl: string | null;
  items: FeedItem[];
  /** Recoverable oddities met while parsing (bad dates, duplicate GUIDs, ignored DTD, charset fallback…). */
  warnings: string[];
}

/** Raw item fields as read by a format parser, before ids are derived and duplicates dropped. */
export type RawItem = Omit<FeedItem, "guid"> & { guid: string | null };
