/**
 * Aggregates (tickers, topics, daily series), stories, prices and import checkpoints on SQLite.
 */
import type { PriceBar, SeriesPoint, StoryRecord, TickerSummary } from "../store.ts";
import { requireIsoTime, sortKeyAt, SLOTS_PER_SECOND } from "../keys.ts";
import type { Query } from "./query.ts";

const secondsToIso = (key: number): string => new Date(Math.floor(key / SLOTS_PER_SECOND) * 1000).toISOString();

/** Tickers with the most articles (from the running totals). @example listTickers(q, 20) */
export function listTickers(q: Query, limit = 50): TickerSummary[] {
  const rows = q.all<{ symbol: string; n: number; imp: number; sent: number; last: number }>(
    "SELECT symbol, articles AS n, impact_sum AS imp, sentiment_sum AS sent, last_key AS last FROM ticker_stats WHERE articles > 0 ORDER BY articles DESC, symbol LIMIT ?",
    limit,
  );
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  return rows.map((r) => ({ symbol: r.symbol, articles: r.n, avgImpact: round(r.imp / r.n), avgSentiment: round(r.sent / r.n), lastSeenAt: secondsToIso(r.last) }));
}

/** Articles per day for one ticker. @example tickerSeries(q, "AMZN", "2026-01-01") */
export function tickerSeries(q: Query, symbol: string, sinceIso?: string): SeriesPoint[] {
  const lo = sinceIso ? sortKeyAt(requireIsoTime(sinceIso, "since")) : 0;
  return q
    .all<{ day: string; n: number; mx: number; sent: number }>(
      `SELECT date(sort_key / ${SLOTS_PER_SECOND}, 'unixepoch') AS day, count(*) AS n, max(impact) AS mx, avg(sentiment) AS sent
       FROM article_tickers WHERE symbol = ? AND sort_key >= ? GROUP BY day ORDER BY day`,
      symbol.toUpperCase(),
      lo,
    )
    .map((r) => ({ day: r.day, articles: r.n, maxImpact: r.mx, avgSentiment: r.sent }));
}

/** Topics with their article counts (from the running totals). @example listTopics(q) */
export function listTopics(q: Query): { id: string; label: string; articles: number }[] {
  return q
    .all<{ id: string; label: string; n: number }>("SELECT topic AS id, label, articles AS n FROM topic_stats WHERE articles > 0 ORDER BY articles DESC, topic")
    .map((r) => ({ id: r.id, label: r.label, articles: r.n }));
}

/** A story with its articles (oldest first). @example getStory(q, "st_2377ca0735ff724a") */
export function getStory(q: Query, id: string): StoryRecord | null {
  const s = q.get<{ id: string; first_seen_at: string; size: number; title: string }>("SELECT * FROM stories WHERE id = ?", id);
  if (!s) return null;
  const ids = q.all<{ id: string }>("SELECT id FROM articles WHERE story_id = ? ORDER BY sort_key", id).map((r) => r.id);
  return { id: s.id, firstSeenAt: s.first_seen_at, size: s.size, articleIds: ids, title: s.title };
}

/** A story without its article list; `before`: its articles earlier than `articleId`. @example getStoryInfo(q, "st_…", "2377…") */
export function getStoryInfo(q: Query, id: string, articleId?: string): (Omit<StoryRecord, "articleIds"> & { before: number }) | null {
  const s = q.get<{ id: string; first_seen_at: string; size: number; title: string }>("SELECT * FROM stories WHERE id = ?", id);
  if (!s) return null;
  const key = articleId ? q.value<number>("SELECT sort_key FROM articles WHERE id = ?", articleId) : undefined;
  const before = key === undefined ? 0 : (q.value<number>("SELECT count(*) FROM articles WHERE story_id = ? AND sort_key < ?", id, key) ?? 0);
  return { id: s.id, firstSeenAt: s.first_seen_at, size: s.size, title: s.title, before };
}

/** Inserts or replaces daily bars; resolves to the number written. @example putPrices(q, bars) */
export function putPrices(q: Query, bars: PriceBar[]): number {
  return q.tx(() => {
    for (const b of bars) {
      q.run(
        "INSERT INTO prices (symbol, day, open, high, low, close, adj_close, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (symbol, day) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, adj_close = excluded.adj_close, volume = excluded.volume",
        b.symbol.toUpperCase(), b.day, b.open, b.high, b.low, b.close, b.adjClose, b.volume,
      );
    }
    return bars.length;
  });
}

/** Daily bars of a symbol, oldest first, days inclusive. @example getPrices(q, "AMZN", "2026-01-01", "2026-03-31") */
export function getPrices(q: Query, symbol: string, fromDay = "0000-00-00", toDay = "9999-99-99"): PriceBar[] {
  return q
    .all<{ symbol: string; day: string; open: number; high: number; low: number; close: number; adj_close: number; volume: number }>(
      "SELECT * FROM prices WHERE symbol = ? AND day >= ? AND day <= ? ORDER BY day",
      symbol.toUpperCase(), fromDay, toDay,
    )
    .map((r) => ({ symbol: r.symbol, day: r.day, open: r.open, high: r.high, low: r.low, close: r.close, adjClose: r.adj_close, volume: r.volume }));
}

/** Last acknowledged line of an import (0 when none). @example getCheckpoint(q, key) */
export function getCheckpoint(q: Query, key: string): number {
  return q.value<number>("SELECT line FROM import_checkpoints WHERE key = ?", key) ?? 0;
}
