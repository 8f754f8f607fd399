/**
 * Article briefs on SQLite (`articles.brief`, migration 0007): written with every enrichment, read
 * by list pages, and filled for rows stored before the column existed.
 */
import type { Enrichment } from "../../contract/enrichment.ts";
import { type ArticleBrief, type EnrichmentBrief, briefFrom, enrichmentBrief } from "../brief.ts";
import type { Query } from "./query.ts";
import { storedBrief } from "./packed.ts";
import { type StoredDoc, decodeDoc } from "./rows.ts";

/**
 * The `articles.brief` value of an enrichment.
 *
 * @example
 * q.run("UPDATE articles SET brief = ? WHERE pk = ?", briefColumn(e), pk);
 */
export function briefColumn(e: Enrichment): string {
  return storedBrief(e).json;
}

interface BriefRow {
  pk: number;
  id: string;
  seq: number;
  title: string;
  url: string | null;
  source: string | null;
  published_at: string | null;
  first_seen_at: string;
  updated_at: string;
  story_id: string;
  revision: number;
  brief: string | null;
  /** Only read when `brief` is NULL (a row older than migration 0007 not filled yet). */
  doc: StoredDoc | null;
}

/**
 * Briefs for article primary keys, keeping the order given.
 *
 * @example
 * loadBriefs(q, [3, 1, 2]).map((b) => b.title)
 */
export function loadBriefs(q: Query, pks: number[]): ArticleBrief[] {
  if (pks.length === 0) return [];
  const rows = q.all<BriefRow>(
    `SELECT a.pk, a.id, a.seq, a.title, a.url, a.source, a.published_at, a.first_seen_at, a.updated_at, a.story_id, a.revision, a.brief, e.doc
     FROM articles a LEFT JOIN enrichments e ON a.brief IS NULL AND e.seq = a.seq WHERE a.pk IN (SELECT value FROM json_each(?))`,
    JSON.stringify(pks),
  );
  const byPk = new Map(rows.map((r) => [r.pk, r]));
  const out: ArticleBrief[] = [];
  for (const pk of pks) {
    const r = byPk.get(pk);
    if (r) out.push(toBrief(r));
  }
  return out;
}

function toBrief(r: BriefRow): ArticleBrief {
  const e: EnrichmentBrief | null = r.brief !== null ? (JSON.parse(r.brief) as EnrichmentBrief) : r.doc ? enrichmentBrief(decodeDoc(r.doc)) : null;
  const fields = { id: r.id, seq: r.seq, title: r.title, url: r.url, source: r.source, publishedAt: r.published_at, firstSeenAt: r.first_seen_at, updatedAt: r.updated_at, storyId: r.story_id, revision: r.revision };
  return briefFrom(fields, e);
}

/**
 * Fills `articles.brief` for rows stored before migration 0007, `batch` rows per transaction;
 * returns how many were filled. Idempotent (only NULL briefs are touched).
 *
 * @example
 * fillBriefs(q, { onProgress: (n) => console.error(`${n} briefs`) }) // 1000800
 */
export function fillBriefs(q: Query, options: { batch?: number; onProgress?: (filled: number) => void } = {}): number {
  const batch = options.batch ?? 5_000;
  let filled = 0;
  let after = 0;
  for (;;) {
    const n = q.tx(() => {
      // Walks the primary key (each batch starts where the last one ended): one pass over the table.
      const rows = q.all<{ pk: number; doc: StoredDoc | null }>(
        "SELECT a.pk, e.doc FROM articles a LEFT JOIN enrichments e ON e.seq = a.seq WHERE a.pk > ? AND a.brief IS NULL ORDER BY a.pk LIMIT ?",
        after, batch,
      );
      for (const r of rows) if (r.doc) q.run("UPDATE articles SET brief = ? WHERE pk = ?", briefColumn(decodeDoc(r.doc)), r.pk);
      after = rows[rows.length - 1]?.pk ?? after;
      return rows.length;
    });
    filled += n;
    if (n > 0) options.onProgress?.(filled);
    if (n < batch) return filled;
  }
}
