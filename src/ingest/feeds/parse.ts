/**
 * `parseFeed`: bytes of any supported feed → normalised items. Detects the format (JSON Feed, RSS,
 * RDF, Atom), decodes the text (BOM, HTTP charset, XML declaration), derives missing GUIDs and keeps
 * each GUID once. Malformed input → ImpactwireError("feed", "FEED_MALFORMED", reason).
 */
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import type { FeedItem, ParsedFeed, RawItem } from "./types.ts";
import { decodeFeed } from "./encoding.ts";
import { parseXml } from "./xml.ts";
import { readAtom } from "./atom.ts";
import { readRdf, readRss } from "./rss.ts";
import { readJsonFeed } from "./jsonfeed.ts";
import { stableHash } from "./text.ts";

export type { FeedItem, ParsedFeed, FeedKind } from "./types.ts";

export interface ParseFeedOptions {
  /** URL the feed was fetched from (final URL after redirects): the base of relative links. */
  url?: string | null;
  /** The HTTP Content-Type header (its charset is used). */
  contentType?: string | null;
}

/**
 * The item's id: its own GUID, else its URL, else a hash of title and date ("sha256:…").
 *
 * @example
 * deriveGuid({ guid: null, url: null, title: "T", publishedAt: null } as RawItem) // "sha256:…"
 */
export function deriveGuid(item: Pick<RawItem, "guid" | "url" | "title" | "publishedAt">): string {
  return item.guid ?? item.url ?? `sha256:${stableHash([item.title, item.publishedAt])}`;
}

function finalise(raw: RawItem[], warnings: string[]): FeedItem[] {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const r of raw) {
    if (!r.title && !r.url && !r.summaryHtml && !r.contentHtml) {
      warnings.push("empty item skipped");
      continue;
    }
    const guid = deriveGuid(r);
    if (seen.has(guid)) {
      warnings.push(`duplicate GUID "${guid.slice(0, 120)}" kept once`);
      continue;
    }
    seen.add(guid);
    out.push({ guid, url: r.url, title: r.title, publishedAt: r.publishedAt, author: r.author, summaryHtml: r.summaryHtml, contentHtml: r.contentHtml, categories: r.categories });
  }
  return out;
}

function malformed(reason: string): ImpactwireError {
  return new ImpactwireError("feed", "FEED_MALFORMED", `malformed feed: ${reason}`, { exitCode: EXIT.input, status: 422 });
}

/**
 * Parses a feed document of any supported format.
 *
 * @example
 * const res = await safeFetch(url);
 * const feed = parseFeed(res.body, { url: res.url, contentType: res.contentType });
 * feed.items[0].guid
 */
export function parseFeed(body: Buffer | string, options: ParseFeedOptions = {}): ParsedFeed {
  const url = options.url ?? null;
  const decoded = typeof body === "string" ? { text: body, warnings: [] as string[] } : decodeFeed(body, options.contentType ?? null);
  const warnings = [...decoded.warnings];
  const text = decoded.text.replace(/^\uFEFF/, "");
  const first = text.trimStart()[0];
  let partial;
  if (first === "{" || /json/i.test(options.contentType ?? "")) {
    partial = readJsonFeed(text, url, warnings);
  } else {
    if (first !== "<") throw malformed(text.trim() ? "neither XML nor JSON" : "empty document");
    const { root, warnings: xmlWarnings } = parseXml(text, url);
    warnings.push(...xmlWarnings);
    if (root.name === "rss") partial = readRss(root, warnings);
    else if (root.name === "rdf:rdf") partial = readRdf(root, warnings);
    else if (root.name === "atom:feed" || root.name === "feed") partial = readAtom(root, warnings);
    else if (root.name === "html") throw malformed("this is an HTML page, not a feed");
    else throw malformed(`unknown root element <${root.name}> (expected rss, rdf:RDF, feed)`);
  }
  const items = finalise(partial.items, warnings);
  return { ...partial, items, warnings: [...new Set(warnings)] };
}
