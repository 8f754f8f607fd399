/**
 * Work the SQLite write path keeps for the rest of the open transaction (see Query.scratch): running
 * totals flushed once at commit, and the next primary and sort keys.
 */
import { SLOTS_PER_SECOND } from "../keys.ts";
import type { Query } from "./query.ts";

/**
 * What the write path keeps for the rest of the open transaction: the running totals to add (one
 * upsert per ticker, topic and counter at commit instead of one per article) and the next primary
 * and sort keys (one max() query per transaction and second instead of per article; no other
 * connection can write while the transaction holds the write lock).
 *
 * @example
 * scratch(q).addTopic("earnings", 1, "Earnings"); // flushed by Query.commit / the end of Query.tx
 */
export class Scratch {
  articles = 0;
  readonly tickers = new Map<string, { n: number; impact: number; sentiment: number; last: number }>();
  /** Topic → articles to add and the label of the last one added (null: only removals, label kept). */
  readonly topics = new Map<string, { n: number; label: string | null }>();
  nextPk: number | null = null;
  readonly nextSlot = new Map<number, number>();

  constructor(private readonly q: Query) {}

  addTicker(symbol: string, n: number, impact: number, sentiment: number, sortKey: number): void {
    const t = this.tickers.get(symbol);
    if (!t) return void this.tickers.set(symbol, { n, impact, sentiment, last: sortKey });
    t.n += n;
    t.impact += impact;
    t.sentiment += sentiment;
    t.last = Math.max(t.last, sortKey);
  }

  addTopic(topic: string, n: number, label: string | null): void {
    const t = this.topics.get(topic);
    if (!t) return void this.topics.set(topic, { n, label });
    t.n += n;
    if (label !== null) t.label = label;
  }

  flush(): void {
    const { q } = this;
    if (this.articles) q.run("INSERT INTO counters (name, value) VALUES ('articles', ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value", this.articles);
    for (const [symbol, t] of this.tickers) {
      q.run(
        `INSERT INTO ticker_stats (symbol, articles, impact_sum, sentiment_sum, last_key) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (symbol) DO UPDATE SET articles = articles + excluded.articles, impact_sum = impact_sum + excluded.impact_sum, sentiment_sum = sentiment_sum + excluded.sentiment_sum, last_key = max(last_key, excluded.last_key)`,
        symbol, t.n, t.impact, t.sentiment, t.last,
      );
    }
    for (const [topic, t] of this.topics) {
      if (t.label === null) q.run("UPDATE topic_stats SET articles = articles + ? WHERE topic = ?", t.n, topic);
      else q.run("INSERT INTO topic_stats (topic, label, articles) VALUES (?, ?, ?) ON CONFLICT (topic) DO UPDATE SET articles = articles + excluded.articles, label = excluded.label", topic, t.label, t.n);
    }
  }
}

/**
 * The write path's buffer for the open transaction (created on first use).
 *
 * @example
 * scratch(q).addTicker("ACME", 1, 0.4, 0.2, sortKey);
 */
export function scratch(q: Query): Scratch {
  if (!q.scratch) q.scratch = new Scratch(q);
  return q.scratch as Scratch;
}

/**
 * The next article primary key in the open transaction.
 *
 * @example
 * allocatePk(q) // 1 in an empty database
 */
export function allocatePk(q: Query): number {
  const s = scratch(q);
  s.nextPk ??= (q.value<number | null>("SELECT max(pk) FROM articles") ?? 0) + 1;
  return s.nextPk++;
}

/**
 * The next free sort_key in a second (arrival order within the second), in the open transaction.
 *
 * @example
 * allocateSortKey(q, 1767225600) // 1767225600 * 2 ** 20 for the first article of that second
 */
export function allocateSortKey(q: Query, seconds: number): number {
  const s = scratch(q);
  let next = s.nextSlot.get(seconds);
  if (next === undefined) {
    const base = seconds * SLOTS_PER_SECOND;
    const max = q.value<number | null>("SELECT max(sort_key) FROM articles WHERE sort_key >= ? AND sort_key < ?", base, base + SLOTS_PER_SECOND);
    next = max == null ? base : max + 1;
  }
  s.nextSlot.set(seconds, next + 1);
  return next;
}

