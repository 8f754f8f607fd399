/**
 * The article filters of the list endpoint, applied in memory to a freshly written article (stream and
 * alerts), and translated to a store query (stream replay, list).
 */
import type { ArticleQuery, ArticleRecord } from "../../store/store.ts";
import type { ArticleFilter } from "../api/schemas.ts";

/**
 * The store query for a filter.
 *
 * @example
 * store.listArticles({ ...toStoreQuery(filter), afterSeq: 41 });
 */
export function toStoreQuery(f: ArticleFilter): ArticleQuery {
  const q: ArticleQuery = {};
  if (f.tickers?.length) q.tickers = f.tickers.map((t) => t.toUpperCase());
  if (f.topics?.length) q.topics = f.topics;
  if (f.minImpact !== undefined) q.minImpact = f.minImpact;
  if (f.sentiment) q.sentiment = f.sentiment;
  if (f.source) q.source = f.source;
  if (f.story) q.storyId = f.story;
  if (f.since) q.since = f.since;
  if (f.until) q.until = f.until;
  if (f.q) q.q = f.q;
  return q;
}

/** Words of a full-text query, lowercased (operators and punctuation ignored). */
function words(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !["and", "or", "not", "near"].includes(w));
}

/**
 * Whether an article passes a filter (same meaning as the store's list query).
 *
 * @example
 * matches(record, { tickers: ["AAPL"], minImpact: 0.3 }) // true when AAPL is linked and impact ≥ 0.3
 */
export function matches(a: ArticleRecord, f: ArticleFilter): boolean {
  const e = a.enrichment;
  if (f.tickers?.length) {
    const want = new Set(f.tickers.map((t) => t.toUpperCase()));
    if (!e?.tickers.some((t) => want.has(t.symbol.toUpperCase()))) return false;
  }
  if (f.topics?.length && !e?.topics.some((t) => f.topics!.includes(t.id))) return false;
  if (f.minImpact !== undefined && (e?.impact.score ?? 0) < f.minImpact) return false;
  if (f.sentiment && e?.sentiment.label !== f.sentiment) return false;
  if (f.source && a.source !== f.source && a.sourceId !== f.source) return false;
  if (f.story && a.storyId !== f.story) return false;
  const at = a.publishedAt ?? a.firstSeenAt;
  if (f.since && at < f.since) return false;
  if (f.until && at >= f.until) return false;
  if (f.q) {
    const hay = `${a.title}\n${a.text}`.toLowerCase();
    if (!words(f.q).every((w) => hay.includes(w))) return false;
  }
  return true;
}
