/**
 * The write path of the SQLite store: one article version (article, revision, enrichment, story,
 * ticker/topic index rows and FTS) in one transaction, idempotently. (Near-duplicate candidates are
 * read from `articles` by the in-memory index in similar.ts: no band rows are written.)
 */
import type { Enrichment } from "../../contract/enrichment.ts";
import { EXIT, ImpactwireError } from "../../core/errors.ts";
import type { ArticleMatch, ArticleRecord, ArticleWrite, WriteOptions, WriteResult } from "../store.ts";
import { articleIdOf, identityOf, isoTime, sortSeconds, SLOTS_PER_SECOND } from "../keys.ts";
import type { Query } from "./query.ts";
import { allocatePk, allocateSortKey, scratch } from "./scratch.ts";
import { type StoredBrief, storedBrief } from "./packed.ts";
import type { EnrichmentBrief } from "../brief.ts";
import { ARTICLE_COLUMNS, type ArticleRow, type StoredDoc, encodeDoc, toArticleRecord } from "./rows.ts";

/** Ticker and topic rows, from the stored brief (the same figures as the enrichment's). */
function indexRows(q: Query, pk: number, sortKey: number, b: EnrichmentBrief): void {
  const impact = b.impact.score;
  const s = scratch(q);
  for (const t of b.tickers) {
    if (q.run("INSERT OR IGNORE INTO article_tickers (symbol, sort_key, impact, article_pk, relevance, sentiment) VALUES (?, ?, ?, ?, ?, ?)", t.symbol, sortKey, impact, pk, t.relevance, t.sentiment).changes === 0) continue;
    s.addTicker(t.symbol, 1, impact, t.sentiment, sortKey);
  }
  for (const t of b.topics) {
    if (q.run("INSERT OR IGNORE INTO article_topics (topic, sort_key, impact, article_pk, score, label) VALUES (?, ?, ?, ?, ?, ?)", t.id, sortKey, impact, pk, t.score, t.label).changes === 0) continue;
    s.addTopic(t.id, 1, t.label);
  }
}

/** The `impact, sentiment, sentiment_score, engine_version, brief` columns of an enrichment. */
function scoreColumns(e: Enrichment, b: StoredBrief): [number, string, number, string, string] {
  return [b.value.impact.score, b.value.sentiment.label, b.value.sentiment.score, e.engine.version, b.json];
}

/** Removes an article's ticker and topic rows, keeping the running totals right (at commit). */
function dropTickersTopics(q: Query, pk: number): void {
  const s = scratch(q);
  for (const t of q.all<{ symbol: string; impact: number; sentiment: number }>("DELETE FROM article_tickers WHERE article_pk = ? RETURNING symbol, impact, sentiment", pk)) {
    s.addTicker(t.symbol, -1, -t.impact, -t.sentiment, 0);
  }
  for (const t of q.all<{ topic: string }>("DELETE FROM article_topics WHERE article_pk = ? RETURNING topic", pk)) s.addTopic(t.topic, -1, null);
}


function ftsInsert(q: Query, sortKey: number, title: string, summary: string, text: string): void {
  q.run("INSERT INTO articles_fts (rowid, title, summary, text) VALUES (?, ?, ?, ?)", sortKey, title, summary, text);
}

function ftsDelete(q: Query, row: Pick<ArticleRow, "sort_key" | "title" | "summary" | "text">): void {
  q.run("INSERT INTO articles_fts (articles_fts, rowid, title, summary, text) VALUES ('delete', ?, ?, ?, ?)", row.sort_key, row.title, row.summary, row.text);
}

function insertEnrichment(q: Query, pk: number, revision: number, e: Enrichment, at: string): number {
  const r = q.run("INSERT INTO enrichments (article_pk, revision, engine_version, created_at, doc) VALUES (?, ?, ?, ?, ?)", pk, revision, e.engine.version, at, encodeDoc(e));
  return Number(r.lastInsertRowid);
}

function insertRevision(q: Query, pk: number, revision: number, w: ArticleWrite, published: string | null, seen: string): void {
  q.run(
    "INSERT INTO revisions (article_pk, revision, title, text, html, url, published_at, content_hash, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    pk, revision, w.title, w.text, w.html, w.url, published, w.contentHash, seen,
  );
}

function readRow(q: Query, where: string, value: unknown): ArticleRow | undefined {
  return q.get<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE ${where} LIMIT 1`, value);
}

function result(q: Query, status: WriteResult["status"], pk: number): WriteResult {
  const row = readRow(q, "a.pk = ?", pk)!;
  const doc = q.value<StoredDoc>("SELECT doc FROM enrichments WHERE seq = ?", row.seq) ?? null;
  return { status, article: toArticleRecord(row, doc) };
}

function joinStory(q: Query, e: Enrichment, title: string, seen: string): void {
  q.run("INSERT INTO stories (id, first_seen_at, size, title) VALUES (?, ?, 0, ?) ON CONFLICT (id) DO NOTHING", e.story.id, e.story.firstSeenAt ?? seen, title);
  q.run("UPDATE stories SET size = size + 1, first_seen_at = min(first_seen_at, ?) WHERE id = ?", seen, e.story.id);
}

function record(w: ArticleWrite, f: { id: string; published: string | null; firstSeen: string; seen: string; revision: number; seq: number; source: string | null }): ArticleRecord {
  return {
    id: f.id,
    url: w.url,
    canonicalUrl: w.canonicalUrl,
    source: f.source,
    sourceId: w.sourceId,
    title: w.title,
    publishedAt: f.published,
    firstSeenAt: f.firstSeen,
    updatedAt: f.seen,
    text: w.text,
    html: w.html,
    language: w.language,
    contentHash: w.contentHash,
    storyId: w.enrichment.story.id,
    revision: f.revision,
    seq: f.seq,
    enrichment: w.enrichment,
  };
}

function create(q: Query, w: ArticleWrite, identity: string, published: string | null, seen: string): ArticleRecord {
  const e = w.enrichment;
  const b = storedBrief(e);
  const ts = sortSeconds(published, seen);
  const sortKey = allocateSortKey(q, ts);
  const pk = allocatePk(q);
  const id = articleIdOf(identity);
  joinStory(q, e, w.title, seen);
  const seq = insertEnrichment(q, pk, 1, e, seen);
  q.run(
    `INSERT INTO articles (pk, id, identity, source_id, external_id, url, canonical_url, source, title, summary, text, html, language,
      published_at, first_seen_at, updated_at, sort_key, content_hash, simhash, story_id, revision, seq, impact, sentiment, sentiment_score, engine_version, brief)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
    pk, id, identity, w.sourceId, w.externalId, w.url, w.canonicalUrl, w.source, w.title, e.summary, w.text, w.html, w.language,
    published, seen, seen, sortKey, w.contentHash, w.simhash, e.story.id, seq, ...scoreColumns(e, b),
  );
  insertRevision(q, pk, 1, w, published, seen);
  scratch(q).articles++;
  indexRows(q, pk, sortKey, b.value);
  ftsInsert(q, sortKey, w.title, e.summary, w.text);
  return record(w, { id, published, firstSeen: seen, seen, revision: 1, seq, source: w.source });
}

function revise(q: Query, old: ArticleRow, w: ArticleWrite, published: string | null, seen: string): ArticleRecord {
  const e = w.enrichment;
  const b = storedBrief(e);
  const revision = old.revision + 1;
  const ts = sortSeconds(published, old.first_seen_at);
  const sortKey = Math.floor(old.sort_key / SLOTS_PER_SECOND) === ts ? old.sort_key : allocateSortKey(q, ts);
  ftsDelete(q, old);
  dropTickersTopics(q, old.pk);
  insertRevision(q, old.pk, revision, w, published, seen);
  const seq = insertEnrichment(q, old.pk, revision, e, seen);
  q.run(
    `UPDATE articles SET url = ?, canonical_url = ?, source = coalesce(?, source), title = ?, summary = ?, text = ?, html = ?, language = ?,
      published_at = ?, updated_at = ?, sort_key = ?, content_hash = ?, simhash = ?, revision = ?, seq = ?, impact = ?, sentiment = ?,
      sentiment_score = ?, engine_version = ?, brief = ? WHERE pk = ?`,
    w.url, w.canonicalUrl, w.source, w.title, e.summary, w.text, w.html, w.language, published, seen, sortKey, w.contentHash, w.simhash,
    revision, seq, ...scoreColumns(e, b), old.pk,
  );
  indexRows(q, old.pk, sortKey, b.value);
  ftsInsert(q, sortKey, w.title, e.summary, w.text);
  return record({ ...w, enrichment: { ...e, story: { ...e.story, id: old.story_id } } }, { id: old.id, published, firstSeen: old.first_seen_at, seen, revision, seq, source: w.source ?? old.source });
}

/**
 * Stores one article version: created (new identity), revised (same identity, new text: earlier
 * versions and the first-seen time are kept), unchanged (same identity and text), or duplicate
 * (another identity already holds the same text or canonical URL: the existing article is returned).
 *
 * @example
 * q.tx(() => writeArticle(q, write)).status // "created"
 */
export function writeArticle(q: Query, w: ArticleWrite, options: WriteOptions = {}): WriteResult {
  try {
    return writeInTx(q, w, options);
  } catch (err) {
    throw new ImpactwireError("store", "STORE_FAILED", `cannot store the article: ${(err as Error).message}`, { cause: err, status: 500, exitCode: EXIT.internal });
  }
}

function writeInTx(q: Query, w: ArticleWrite, options: WriteOptions): WriteResult {
  return q.tx(() => {
    const identity = identityOf(w);
    const seen = isoTime(w.seenAt) ?? new Date().toISOString();
    const published = isoTime(w.publishedAt);
    const old = readRow(q, "a.identity = ?", identity);
    let out: WriteResult;
    if (old && old.content_hash === w.contentHash) out = result(q, "unchanged", old.pk);
    else if (old) out = { status: "revised", article: revise(q, old, w, published ?? old.published_at, seen) };
    else {
      const dup = readRow(q, "a.content_hash = ?", w.contentHash) ?? (w.canonicalUrl ? readRow(q, "a.canonical_url = ?", w.canonicalUrl) : undefined);
      out = dup ? result(q, "duplicate", dup.pk) : { status: "created", article: create(q, w, identity, published, seen) };
    }
    if (options.checkpoint) setCheckpoint(q, options.checkpoint.key, options.checkpoint.line);
    return out;
  });
}

/**
 * Records a new enrichment of the current revision (re-enrichment after an engine change): new
 * `seq`, refreshed index rows and FTS summary. Returns null for an unknown article.
 *
 * @example
 * replaceEnrichment(q, "2377ca0735ff724a", enrichment)
 */
export function replaceEnrichment(q: Query, id: string, e: Enrichment): WriteResult | null {
  try {
    return replaceInTx(q, id, e);
  } catch (err) {
    throw new ImpactwireError("store", "STORE_FAILED", `cannot store the enrichment of ${id}: ${(err as Error).message}`, { cause: err, status: 500, exitCode: EXIT.internal });
  }
}

function replaceInTx(q: Query, id: string, e: Enrichment): WriteResult | null {
  return q.tx(() => {
    const old = readRow(q, "a.id = ?", id);
    if (!old) return null;
    const now = new Date().toISOString();
    const b = storedBrief(e);
    ftsDelete(q, old);
    dropTickersTopics(q, old.pk);
    const seq = insertEnrichment(q, old.pk, old.revision, e, now);
    q.run("UPDATE articles SET summary = ?, seq = ?, impact = ?, sentiment = ?, sentiment_score = ?, engine_version = ?, brief = ? WHERE pk = ?",
      e.summary, seq, ...scoreColumns(e, b), old.pk);
    indexRows(q, old.pk, old.sort_key, b.value);
    ftsInsert(q, old.sort_key, old.title, e.summary, old.text);
    return result(q, "revised", old.pk);
  });
}

/**
 * Sets the last acknowledged line of an import.
 *
 * @example
 * setCheckpoint(q, "sha256:…", 1200)
 */
export function setCheckpoint(q: Query, key: string, line: number): void {
  q.run(
    "INSERT INTO import_checkpoints (key, line, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET line = max(line, excluded.line), updated_at = excluded.updated_at",
    key, line, new Date().toISOString(),
  );
}

/**
 * The stored article a write would revise (same identity) or duplicate (same text or canonical URL).
 *
 * @example
 * lookupArticle(q, { sourceId: null, externalId: "n-1", canonicalUrl: null, contentHash: "ab12" })
 */
export function lookupArticle(q: Query, w: Pick<ArticleWrite, "sourceId" | "externalId" | "canonicalUrl" | "contentHash"> & { source?: string | null }): ArticleMatch | null {
  const cols = "id, content_hash, story_id, first_seen_at, revision";
  type Row = { id: string; content_hash: string; story_id: string; first_seen_at: string; revision: number };
  const tries: [ArticleMatch["match"], string, unknown][] = [
    ["identity", "identity = ?", identityOf(w)],
    ["content", "content_hash = ?", w.contentHash],
  ];
  if (w.canonicalUrl) tries.push(["url", "canonical_url = ?", w.canonicalUrl]);
  for (const [match, where, value] of tries) {
    const r = q.get<Row>(`SELECT ${cols} FROM articles WHERE ${where} LIMIT 1`, value);
    if (r) return { match, id: r.id, contentHash: r.content_hash, storyId: r.story_id, firstSeenAt: r.first_seen_at, revision: r.revision };
  }
  return null;
}
