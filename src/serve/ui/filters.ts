/** Reading the feed's GET filters from a query string, strictly (bad values are dropped, never passed raw). */
import type { ArticleQuery } from "../../store/store.ts";

export interface FeedFilters {
  tickers: string[];
  topics: string[];
  minImpact: number | null;
  q: string;
  sort: "time" | "impact";
  cursor: string | null;
}

function one(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join(",");
  return typeof v === "string" ? v : "";
}

/**
 * Parses the filters of `/`, `/search`, `/ticker/…` and `/topic/…`.
 *
 * @example
 * parseFilters({ tickers: "amzn, msft", minImpact: "0.4" }) // { tickers: ["AMZN","MSFT"], minImpact: 0.4, … }
 */
export function parseFilters(query: Record<string, unknown>): FeedFilters {
  const tickers = one(query.tickers ?? query.ticker)
    .split(/[\s,]+/)
    .map((s) => s.trim().toUpperCase())
    .filter((s) => /^[A-Z0-9][A-Z0-9.\-^]{0,11}$/.test(s))
    .slice(0, 20);
  const topics = one(query.topics ?? query.topic)
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => /^[a-z0-9][a-z0-9_.-]{0,63}$/i.test(s))
    .slice(0, 20);
  const mi = Number(one(query.minImpact));
  const minImpact = one(query.minImpact) !== "" && Number.isFinite(mi) && mi > 0 ? Math.min(1, mi) : null;
  const q = one(query.q).replace(/[\u0000-\u001f]/g, " ").trim().slice(0, 200);
  const sort = one(query.sort) === "impact" ? "impact" : "time";
  const cursor = one(query.cursor).slice(0, 512) || null;
  return { tickers: [...new Set(tickers)], topics: [...new Set(topics)], minImpact, q, sort, cursor };
}

/**
 * The store query for these filters.
 *
 * @example
 * store.listArticles(toQuery(parseFilters(req.query), 50))
 */
export function toQuery(f: FeedFilters, limit = 50): ArticleQuery {
  const q: ArticleQuery = { sort: f.sort, limit };
  if (f.tickers.length) q.tickers = f.tickers;
  if (f.topics.length) q.topics = f.topics;
  if (f.minImpact !== null) q.minImpact = f.minImpact;
  if (f.q) q.q = f.q;
  if (f.cursor) q.cursor = f.cursor;
  return q;
}

/**
 * The query string for these filters (for "older" links and the live stream), without the cursor.
 *
 * @example
 * filtersToSearch({ ...f, cursor: "abc" }, true) // "tickers=AMZN&cursor=abc"
 */
export function filtersToSearch(f: FeedFilters, withCursor = false): string {
  const p = new URLSearchParams();
  if (f.tickers.length) p.set("tickers", f.tickers.join(","));
  if (f.topics.length) p.set("topics", f.topics.join(","));
  if (f.minImpact !== null) p.set("minImpact", String(f.minImpact));
  if (f.q) p.set("q", f.q);
  if (f.sort !== "time") p.set("sort", f.sort);
  if (withCursor && f.cursor) p.set("cursor", f.cursor);
  return p.toString();
}
