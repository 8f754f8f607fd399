/**
 * Point-in-time lists (`asOf`): the articles first seen by then, each as its last revision and
 * enrichment seen by then, filtered on that state (tickers, topics, impact, sentiment and words are
 * those known then, not now). Walks articles newest-first in batches; meant for audits and
 * back-tests, not for the hot path. Sorted by time only (ordering uses the current published time).
 */
import { ImpactwireError } from "../../core/errors.ts";
import type { ArticleQuery, ArticleRecord, Page } from "../store.ts";
import { encodeCursor } from "../keys.ts";
import { queryWords } from "./fts-query.ts";
import type { Query } from "./query.ts";
import { ARTICLE_COLUMNS, type ArticleRow, articleAsOf } from "./rows.ts";
import type { Plan } from "./list.ts";

const BATCH = 200;

function wordsOf(r: ArticleRecord): Set<string> {
  const text = `${r.title}\n${r.enrichment?.summary ?? ""}\n${r.text}`.toLowerCase();
  return new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []);
}

function matches(r: ArticleRecord, query: ArticleQuery, plan: Plan, words: string[]): boolean {
  const e = r.enrichment;
  if (plan.tickers.length && !e?.tickers.some((t) => plan.tickers.includes(t.symbol.toUpperCase()))) return false;
  if (plan.topics.length && !e?.topics.some((t) => plan.topics.includes(t.id))) return false;
  if (query.minImpact !== undefined && (e?.impact.score ?? 0) < query.minImpact) return false;
  if (query.sentiment && e?.sentiment.label !== query.sentiment) return false;
  if (query.afterSeq !== undefined && r.seq <= query.afterSeq) return false;
  if (words.length) {
    const have = wordsOf(r);
    const all = [...have];
    if (!words.every((w) => have.has(w) || all.some((h) => h.startsWith(w)))) return false;
  }
  return true;
}

/**
 * Lists articles as the store knew them at `asOf` (ISO time).
 *
 * @example
 * listAsOf(q, { tickers: ["AMZN"] }, "2026-01-01T00:00:00.000Z", plan)
 */
export function listAsOf(q: Query, query: ArticleQuery, asOf: string, plan: Plan): Page<ArticleRecord> {
  if (plan.sort !== "time") throw new ImpactwireError("store", "BAD_QUERY", "asOf lists are sorted by time only", { status: 400 });
  const words = query.q ? queryWords(query.q) : [];
  const found: { key: number; record: ArticleRecord }[] = [];
  let before = plan.cursor ? plan.cursor.k : plan.hi;
  for (;;) {
    const where = ["a.first_seen_at <= ?", "a.sort_key >= ?", "a.sort_key < ?"];
    const params: unknown[] = [asOf, plan.lo, before];
    if (query.source) where.push(`a.${plan.sourceColumn} = ?`), params.push(query.source);
    if (query.storyId) where.push("a.story_id = ?"), params.push(query.storyId);
    const rows = q.all<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE ${where.join(" AND ")} ORDER BY a.sort_key DESC LIMIT ?`, ...params, BATCH);
    for (const row of rows) {
      const record = articleAsOf(q, row, asOf);
      if (record && matches(record, query, plan, words)) found.push({ key: row.sort_key, record });
      if (found.length > plan.limit) break;
    }
    if (found.length > plan.limit || rows.length < BATCH) break;
    before = rows[rows.length - 1]!.sort_key;
  }
  const page = found.slice(0, plan.limit);
  const last = page[page.length - 1];
  return { items: page.map((f) => f.record), nextCursor: found.length > plan.limit && last ? encodeCursor({ s: "time", k: last.key }) : null };
}
