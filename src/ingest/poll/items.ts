/**
 * Feed item → IngestItem: what the ingest pipeline receives for each entry of a polled feed.
 */
import type { FeedItem, ParsedFeed } from "../feeds/types.ts";
import type { IngestItem } from "../ingestor.ts";
import type { SourceRecord } from "../../store/store.ts";

/**
 * Maps one feed item; the source id and the item's GUID identify the article across polls.
 *
 * @example
 * toIngestItem(item, feed, source, "2026-11-28T10:00:00.000Z").externalId // item.guid
 */
export function toIngestItem(item: FeedItem, feed: ParsedFeed, source: SourceRecord, seenAt: string): IngestItem {
  const html = item.contentHtml ?? item.summaryHtml;
  return {
    title: item.title,
    ...(html ? { html } : {}),
    ...(item.url ? { url: item.url } : {}),
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
    source: source.title ?? feed.title ?? new URL(source.url).hostname,
    sourceId: source.id,
    externalId: item.guid,
    seenAt,
  };
}

/**
 * Items in ingest order: oldest first (feeds list newest first; dated items sorted by date, undated
 * ones keep their place relative to the feed's order).
 *
 * @example
 * ingestOrder(feed.items)[0] // the oldest item
 */
export function ingestOrder(items: FeedItem[]): FeedItem[] {
  const reversed = [...items].reverse();
  const dated = reversed.every((i) => i.publishedAt !== null);
  return dated ? reversed.sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!)) : reversed;
}
