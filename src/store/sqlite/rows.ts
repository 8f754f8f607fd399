/**
 * Row shapes of the article tables and their mapping to the records of the Store interface.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Enrichment } from "../../contract/enrichment.ts";
import type { ArticleRecord, RevisionRecord } from "../store.ts";
import type { Query } from "./query.ts";

export interface ArticleRow {
  pk: number;
  id: string;
  identity: string;
  source_id: string | null;
  external_id: string | null;
  url: string | null;
  canonical_url: string | null;
  source: string | null;
  title: string;
  summary: string;
  text: string;
  html: string | null;
  language: string;
  published_at: string | null;
  first_seen_at: string;
  updated_at: string;
  sort_key: number;
  content_hash: string;
  simhash: string;
  story_id: string;
  revision: number;
  seq: number;
  impact: number;
  sentiment: string;
  sentiment_score: number;
  engine_version: string;
}

export interface RevisionRow {
  article_pk: number;
  revision: number;
  title: string;
  text: string;
  html: string | null;
  url: string | null;
  published_at: string | null;
  content_hash: string;
  seen_at: string;
}

/** Columns of `articles` read for a record, plus the current enrichment document. */
export const ARTICLE_COLUMNS =
  "a.pk, a.id, a.identity, a.source_id, a.external_id, a.url, a.canonical_url, a.source, a.title, a.summary, a.text, a.html, a.language, a.published_at, a.first_seen_at, a.updated_at, a.sort_key, a.content_hash, a.simhash, a.story_id, a.revision, a.seq, a.impact, a.sentiment, a.sentiment_score, a.engine_version";

/** A stored enrichment document: raw-deflated JSON (about half the JSON's size), or JSON text. */
export type StoredDoc = Buffer | string;

/**
 * Encodes an enrichment document for the `enrichments.doc` column (deflate level 1: ~2× smaller,
 * tens of microseconds).
 *
 * @example
 * encodeDoc(enrichment) // <Buffer …>
 */
export function encodeDoc(e: Enrichment): Buffer {
  return encoded.get(e) ?? deflateRawSync(JSON.stringify(e), { level: 1 });
}

const encoded = new WeakMap<Enrichment, Buffer>();

/**
 * Records the encoding of a document made elsewhere (an enrichment worker thread encodes in
 * parallel, so that the writer thread does not have to).
 *
 * @example
 * rememberEncoded(enrichment, Buffer.from(bytes));
 */
export function rememberEncoded(e: Enrichment, doc: Buffer): void {
  encoded.set(e, doc);
}

/**
 * Decodes a stored enrichment document (compressed or plain JSON).
 *
 * @example
 * decodeDoc(encodeDoc(e)).impact.score
 */
export function decodeDoc(doc: StoredDoc): Enrichment {
  return JSON.parse(typeof doc === "string" ? doc : inflateRawSync(doc).toString("utf8")) as Enrichment;
}

/**
 * Builds the ArticleRecord of a row and its stored enrichment document.
 *
 * @example
 * toArticleRecord(row, doc)
 */
export function toArticleRecord(row: ArticleRow, doc: StoredDoc | null): ArticleRecord {
  return {
    id: row.id,
    url: row.url,
    canonicalUrl: row.canonical_url,
    source: row.source,
    sourceId: row.source_id,
    title: row.title,
    publishedAt: row.published_at,
    firstSeenAt: row.first_seen_at,
    updatedAt: row.updated_at,
    text: row.text,
    html: row.html,
    language: row.language,
    contentHash: row.content_hash,
    storyId: row.story_id,
    revision: row.revision,
    seq: row.seq,
    enrichment: doc ? decodeDoc(doc) : null,
  };
}

/**
 * Builds the RevisionRecord of a row.
 *
 * @example
 * toRevisionRecord(row, "2377ca0735ff724a")
 */
export function toRevisionRecord(row: RevisionRow, articleId: string): RevisionRecord {
  return { articleId, revision: row.revision, title: row.title, text: row.text, contentHash: row.content_hash, seenAt: row.seen_at };
}

/**
 * Loads full records for article primary keys, keeping the order given.
 *
 * @example
 * loadArticles(q, [3, 1, 2])
 */
export function loadArticles(q: Query, pks: number[]): ArticleRecord[] {
  if (pks.length === 0) return [];
  const rows = q.all<ArticleRow & { doc: StoredDoc | null }>(
    `SELECT ${ARTICLE_COLUMNS}, e.doc FROM articles a LEFT JOIN enrichments e ON e.seq = a.seq WHERE a.pk IN (SELECT value FROM json_each(?))`,
    JSON.stringify(pks),
  );
  const byPk = new Map(rows.map((r) => [r.pk, r]));
  const out: ArticleRecord[] = [];
  for (const pk of pks) {
    const r = byPk.get(pk);
    if (r) out.push(toArticleRecord(r, r.doc));
  }
  return out;
}

/**
 * The record of an article as the store knew it at `asOf`: the last revision and enrichment seen
 * by then; null when the article was first seen later.
 *
 * @example
 * articleAsOf(q, row, "2026-01-01T00:00:00.000Z")
 */
export function articleAsOf(q: Query, row: ArticleRow, asOf: string): ArticleRecord | null {
  if (row.first_seen_at > asOf) return null;
  const rev = q.get<RevisionRow>(
    "SELECT * FROM revisions WHERE article_pk = ? AND seen_at <= ? ORDER BY revision DESC LIMIT 1",
    row.pk,
    asOf,
  );
  const enr = q.get<{ seq: number; doc: StoredDoc }>(
    "SELECT seq, doc FROM enrichments WHERE article_pk = ? AND created_at <= ? ORDER BY seq DESC LIMIT 1",
    row.pk,
    asOf,
  );
  const base = toArticleRecord(row, enr?.doc ?? null);
  if (!rev) return { ...base, seq: enr?.seq ?? 0 };
  return {
    ...base,
    title: rev.title,
    text: rev.text,
    html: rev.html,
    url: rev.url,
    publishedAt: rev.published_at,
    contentHash: rev.content_hash,
    revision: rev.revision,
    updatedAt: rev.seen_at,
    seq: enr?.seq ?? 0,
  };
}
