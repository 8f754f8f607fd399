/**
 * How stored records are shown by the API (and the stream, and webhook bodies): compact summaries for
 * lists, the full record with enrichment and revisions for one article. Secrets never leave here.
 */
import type { AlertRule, ArticleRecord, RevisionRecord, SourceRecord } from "../../store/store.ts";
import type { ArticleSummary } from "./schemas.ts";
import { briefOf } from "../../store/brief.ts";

/**
 * The list/stream view of an article.
 *
 * @example
 * const item = toSummary(record); // { id, seq, title, impact: { score, direction }, tickers: […], … }
 */
export function toSummary(a: ArticleRecord): ArticleSummary {
  return briefOf(a);
}

/**
 * The full view of one article: summary fields, text, enrichment and revision history.
 *
 * @example
 * reply.send(toDetail(record, await store.listRevisions(record.id)));
 */
export function toDetail(a: ArticleRecord, revisions: RevisionRecord[]) {
  return {
    ...toSummary(a),
    canonicalUrl: a.canonicalUrl,
    language: a.language,
    contentHash: a.contentHash,
    text: a.text,
    html: a.html,
    enrichment: a.enrichment,
    revisions: revisions.map((r) => ({ revision: r.revision, title: r.title, contentHash: r.contentHash, seenAt: r.seenAt })),
  };
}

/**
 * An alert rule without its secret.
 *
 * @example
 * toAlertView(rule).secret // undefined
 */
export function toAlertView(r: AlertRule) {
  const { secret: _secret, ...rest } = r;
  return rest;
}

/**
 * A source with its health verdict.
 *
 * @example
 * toSourceHealth(source).status // "ok" | "failing" | "never_polled" | "disabled"
 */
export function toSourceHealth(s: SourceRecord) {
  const status = !s.enabled ? "disabled" : s.lastPolledAt === null ? "never_polled" : s.errorCount > 0 ? "failing" : "ok";
  return { ...toSourceView(s), healthy: status === "ok", status } as const;
}

/**
 * A source as listed (no conditional-request validators).
 *
 * @example
 * toSourceView(source).url
 */
export function toSourceView(s: SourceRecord) {
  const { etag: _etag, lastModified: _lm, ...rest } = s;
  return rest;
}
