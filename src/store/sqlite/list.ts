/**
 * `listArticles` on SQLite: keyset pagination driven by the most selective index.
 *
 * - sort "time": every index ends in `sort_key` (time order, unique), so the page is an index range
 *   scan: by ticker (article_tickers), topic (article_topics), full-text match (FTS rowid = sort_key,
 *   walked newest-first without sorting) or the articles themselves. Several tickers or topics: one
 *   scan each, merged.
 * - sort "impact": (impact, sort_key) indexes on the same tables; a full-text query sorts its matches.
 * - sort "seq": ascending event sequence (stream resume).
 * The other filters are checked on each row the scan meets; a ticker or topic scan reads them from the
 * narrow `articles_filters` index (migration 0005) and joins nothing when there are none.
 */
import { ImpactwireError } from "../../core/errors.ts";
import type { ArticleQuery, ArticleRecord, Page } from "../store.ts";
import { type Cursor, decodeCursor, encodeCursor, requireIsoTime, sortKeyAt } from "../keys.ts";
import { ftsQuery } from "./fts-query.ts";
import type { Query } from "./query.ts";
import { loadArticles } from "./rows.ts";
import { loadBriefs } from "./briefs.ts";
import { type ArticleBrief, briefOf } from "../brief.ts";
import { listAsOf } from "./list-asof.ts";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;

type Sort = "time" | "impact" | "seq";
type DriverKind = "tickers" | "topics" | "q" | "base";

interface Plan {
  sort: Sort;
  limit: number;
  match: string | null;
  tickers: string[];
  topics: string[];
  lo: number;
  hi: number;
  cursor: Cursor | null;
  /** `source` names a source id when articles carry it as one, else a source name. */
  sourceColumn: "source_id" | "source";
}

interface KeyRow {
  pk: number;
  k: number;
  i: number;
}

interface Sql {
  where: string[];
  params: unknown[];
}

const MAX_KEY = Number.MAX_SAFE_INTEGER;

/**
 * The SQL conditions (on alias `a`) of every filter except the one driving the scan.
 *
 * @example
 * filterSql(query, plan, "tickers")
 */
function filterSql(query: ArticleQuery, plan: Plan, driver: DriverKind): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  const impactCol = driver === "tickers" || driver === "topics" ? "t.impact" : "a.impact";
  if (driver !== "tickers" && plan.tickers.length) {
    where.push("EXISTS (SELECT 1 FROM article_tickers x WHERE x.article_pk = a.pk AND x.symbol IN (SELECT value FROM json_each(?)))");
    params.push(JSON.stringify(plan.tickers));
  }
  if (driver !== "topics" && plan.topics.length) {
    where.push("EXISTS (SELECT 1 FROM article_topics x WHERE x.article_pk = a.pk AND x.topic IN (SELECT value FROM json_each(?)))");
    params.push(JSON.stringify(plan.topics));
  }
  if (driver !== "q" && plan.match) {
    where.push("a.sort_key IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)");
    params.push(plan.match);
  }
  if (query.minImpact !== undefined) where.push(`${impactCol} >= ?`), params.push(query.minImpact);
  if (query.sentiment) where.push("a.sentiment = ?"), params.push(query.sentiment);
  if (query.source) where.push(`a.${plan.sourceColumn} = ?`), params.push(query.source);
  if (query.storyId) where.push("a.story_id = ?"), params.push(query.storyId);
  if (query.afterSeq !== undefined) where.push("a.seq > ?"), params.push(query.afterSeq);
  return { where, params };
}

/**
 * Time bounds and the keyset position. Without since/until an impact-sorted list states no time
 * range at all, so that SQLite walks the (…, impact, sort_key) index instead of sorting every row.
 */
function keyCondition(plan: Plan, col: string, impactCol: string, sql: Sql): void {
  if (plan.sort !== "impact" || plan.lo > 0 || plan.hi < MAX_KEY) {
    sql.where.push(`${col} >= ?`, `${col} < ?`);
    sql.params.push(plan.lo, plan.hi);
  }
  const c = plan.cursor;
  if (!c) return;
  if (plan.sort === "impact") sql.where.push(`(${impactCol}, ${col}) < (?, ?)`), sql.params.push(c.i, c.k);
  else sql.where.push(`${col} < ?`), sql.params.push(c.k);
}

function orderBy(plan: Plan, col: string, impactCol: string): string {
  return plan.sort === "impact" ? `ORDER BY ${impactCol} DESC, ${col} DESC` : `ORDER BY ${col} DESC`;
}

function scanIndexTable(q: Query, query: ArticleQuery, plan: Plan, kind: "tickers" | "topics", value: string): KeyRow[] {
  const [table, col] = kind === "tickers" ? ["article_tickers", "symbol"] : ["article_topics", "topic"];
  const sql = filterSql(query, plan, kind);
  sql.where.unshift(`t.${col} = ?`);
  sql.params.unshift(value);
  // The other filters read the narrow covering index (migration 0005), not the wide article row,
  // and only when there are any: a plain ticker or topic list never touches `articles` here.
  const join = sql.where.some((w) => /\ba\./.test(w)) ? "JOIN articles a INDEXED BY articles_filters ON a.pk = t.article_pk" : "";
  keyCondition(plan, "t.sort_key", "t.impact", sql);
  return q.all<KeyRow>(
    `SELECT t.article_pk AS pk, t.sort_key AS k, t.impact AS i FROM ${table} t ${join}
     WHERE ${sql.where.join(" AND ")} ${orderBy(plan, "t.sort_key", "t.impact")} LIMIT ?`,
    ...sql.params, plan.limit + 1,
  );
}

/** Matches above which an impact-sorted search walks the impact index instead of sorting its matches. */
const MANY_MATCHES = 2000;

function scanFts(q: Query, query: ArticleQuery, plan: Plan): KeyRow[] {
  if (plan.sort === "impact") {
    const many = q.value<number>("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)", plan.match, MANY_MATCHES) === MANY_MATCHES;
    if (!many || plan.tickers.length || plan.topics.length) return scanBase(q, query, plan, "base");
    // Many matches: walk articles by impact and keep those in the (materialised) match set.
    return scanBase(q, query, plan, "base", true);
  }
  const sql = filterSql(query, plan, "q");
  sql.where.unshift("f.articles_fts MATCH ?");
  sql.params.unshift(plan.match);
  keyCondition(plan, "f.rowid", "a.impact", sql);
  return q.all<KeyRow>(
    `SELECT a.pk AS pk, f.rowid AS k, a.impact AS i FROM articles_fts f JOIN articles a ON a.sort_key = f.rowid
     WHERE ${sql.where.join(" AND ")} ORDER BY f.rowid DESC LIMIT ?`,
    ...sql.params, plan.limit + 1,
  );
}

function scanBase(q: Query, query: ArticleQuery, plan: Plan, driver: DriverKind, walkImpact = false): KeyRow[] {
  const sql = filterSql(query, plan, driver);
  if (walkImpact) sql.where = sql.where.map((w) => w.replace("a.sort_key IN (SELECT", "+a.sort_key IN (SELECT"));
  if (plan.sort === "seq") {
    if (plan.lo > 0 || plan.hi < MAX_KEY) sql.where.push("a.sort_key >= ?", "a.sort_key < ?"), sql.params.push(plan.lo, plan.hi);
    if (plan.cursor) sql.where.push("a.seq > ?"), sql.params.push(plan.cursor.k);
    return q.all<KeyRow>(
      `SELECT a.pk AS pk, a.seq AS k, a.impact AS i FROM articles a ${sql.where.length ? `WHERE ${sql.where.join(" AND ")}` : ""} ORDER BY a.seq ASC LIMIT ?`,
      ...sql.params, plan.limit + 1,
    );
  }
  keyCondition(plan, "a.sort_key", "a.impact", sql);
  return q.all<KeyRow>(
    `SELECT a.pk AS pk, a.sort_key AS k, a.impact AS i FROM articles a ${sql.where.length ? `WHERE ${sql.where.join(" AND ")}` : ""} ${orderBy(plan, "a.sort_key", "a.impact")} LIMIT ?`,
    ...sql.params, plan.limit + 1,
  );
}

function compare(plan: Plan): (x: KeyRow, y: KeyRow) => number {
  if (plan.sort === "seq") return (x, y) => x.k - y.k;
  if (plan.sort === "impact") return (x, y) => y.i - x.i || y.k - x.k;
  return (x, y) => y.k - x.k;
}

function mergeScans(plan: Plan, lists: KeyRow[][]): KeyRow[] {
  if (lists.length === 1) return lists[0]!;
  const seen = new Set<number>();
  const all = lists.flat().sort(compare(plan));
  return all.filter((r) => (seen.has(r.pk) ? false : (seen.add(r.pk), true))).slice(0, plan.limit + 1);
}

function makePlan(q: Query, query: ArticleQuery): Plan | null {
  const sort: Sort = query.sort ?? "time";
  if (!["time", "impact", "seq"].includes(sort)) throw new ImpactwireError("store", "BAD_QUERY", `sort must be time, impact or seq, got "${String(sort)}"`, { status: 400 });
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(query.limit ?? DEFAULT_LIMIT)));
  const text = query.q?.trim();
  const match = text ? ftsQuery(text) : null;
  if (text && !match) return null;
  const norm = (xs: string[] | undefined, up: boolean): string[] => [...new Set((xs ?? []).map((s) => (up ? s.trim().toUpperCase() : s.trim())).filter(Boolean))];
  return {
    sort,
    limit,
    match,
    tickers: norm(query.tickers, true),
    topics: norm(query.topics, false),
    lo: query.since ? sortKeyAt(requireIsoTime(query.since, "since")) : 0,
    hi: query.until ? sortKeyAt(requireIsoTime(query.until, "until")) : MAX_KEY,
    cursor: query.cursor ? decodeCursor(query.cursor, sort) : null,
    sourceColumn: query.source && q.value<number>("SELECT 1 FROM articles WHERE source_id = ? LIMIT 1", query.source) ? "source_id" : "source",
  };
}

/**
 * Lists articles matching a query, newest (or most impactful) first, one page at a time.
 *
 * @example
 * const page = listArticles(q, { tickers: ["AMZN"], minImpact: 0.3, limit: 20 });
 * const next = listArticles(q, { tickers: ["AMZN"], minImpact: 0.3, cursor: page.nextCursor! });
 */
export function listArticles(q: Query, query: ArticleQuery): Page<ArticleRecord> {
  const plan = makePlan(q, query);
  if (!plan) return { items: [], nextCursor: null };
  if (query.asOf) return listAsOf(q, query, requireIsoTime(query.asOf, "asOf"), plan);
  const { pks, nextCursor } = pageKeys(q, query, plan);
  return { items: loadArticles(q, pks), nextCursor };
}

/**
 * The same page as `listArticles`, as briefs: the list columns and the stored brief of each article
 * (no text, no enrichment document), which is what list endpoints and pages show.
 *
 * @example
 * listArticleBriefs(q, { tickers: ["AMZN"], limit: 20 }).items[0].impact // { score: 0.44, direction: "positive" }
 */
export function listArticleBriefs(q: Query, query: ArticleQuery): Page<ArticleBrief> {
  const plan = makePlan(q, query);
  if (!plan) return { items: [], nextCursor: null };
  if (query.asOf) {
    const page = listAsOf(q, query, requireIsoTime(query.asOf, "asOf"), plan);
    return { items: page.items.map(briefOf), nextCursor: page.nextCursor };
  }
  const { pks, nextCursor } = pageKeys(q, query, plan);
  return { items: loadBriefs(q, pks), nextCursor };
}

/** The primary keys of one page, in order, and the cursor of the next. */
function pageKeys(q: Query, query: ArticleQuery, plan: Plan): { pks: number[]; nextCursor: string | null } {
  let keys: KeyRow[];
  if (plan.sort === "seq") keys = scanBase(q, query, plan, "base");
  else if (plan.match) keys = scanFts(q, query, plan);
  else if (plan.tickers.length) keys = mergeScans(plan, plan.tickers.map((s) => scanIndexTable(q, query, plan, "tickers", s)));
  else if (plan.topics.length) keys = mergeScans(plan, plan.topics.map((s) => scanIndexTable(q, query, plan, "topics", s)));
  else keys = scanBase(q, query, plan, "base");
  const page = keys.slice(0, plan.limit);
  const last = page[page.length - 1];
  const nextCursor = keys.length > plan.limit && last ? encodeCursor(plan.sort === "impact" ? { s: "impact", k: last.k, i: last.i } : { s: plan.sort, k: last.k }) : null;
  return { pks: page.map((r) => r.pk), nextCursor };
}

export type { Plan };
