/**
 * The ingest pipeline, the one path by which an article enters impactwire:
 *
 *   normalise (prepare) → identify (identity, canonical URL, content hash) → dedupe into a story
 *   → enrich (with the story context) → store in one transaction → notify listeners after commit.
 *
 * Ingests run one at a time (a promise queue), so that story assignment sees every earlier article.
 */
import type { Reference } from "../../reference/reference.ts";
import type { Enrichment, Story } from "../../contract/enrichment.ts";
import { enrichDoc, prepare } from "../../enrich/enrich.ts";
import type { Doc } from "../../enrich/normalize/normalize.ts";
import { ENGINE_VERSION } from "../../core/version.ts";
import type { ArticleRecord, ArticleWrite, Store, WriteOptions, WriteResult } from "../../store/store.ts";
import { articleIdOf, identityOf, isoTime, storyIdFor } from "../../store/keys.ts";
import type { IngestItem, Ingestor } from "../ingestor.ts";
import { canonicalUrl } from "../dedupe/canonical-url.ts";
import { simhash } from "../dedupe/simhash.ts";
import { findNearDuplicate, storyContext } from "../dedupe/dedupe.ts";
import type { PendingSet } from "../dedupe/pending.ts";
import { sanitizeHtml } from "../sanitize/sanitize.ts";

export interface PipelineOptions {
  store: Store;
  reference: Reference;
  /** Largest article text accepted, in characters. */
  maxChars?: number;
  /** Near-duplicate threshold in bits (default NEAR_DUPLICATE_BITS). */
  maxDistance?: number;
  /** Where listener failures are reported (default: stderr). */
  onListenerError?: (err: unknown) => void;
}

/** An item after normalisation, before the story is known. */
export interface Prepared {
  doc: Doc;
  write: Omit<ArticleWrite, "enrichment">;
}

/**
 * Normalises an item into the Doc and the fields of its write (everything but the enrichment).
 *
 * @example
 * const p = prepareItem({ title: "Acme beats", text: "…", url: "https://x.com/a?utm_source=rss" });
 * p.write.canonicalUrl // "https://x.com/a"
 */
export function prepareItem(item: IngestItem, maxChars?: number): Prepared {
  const doc = prepare(item, maxChars === undefined ? {} : { maxChars });
  const body = doc.text.slice(doc.bodyStart);
  const url = item.url?.trim() || null;
  return {
    doc,
    write: {
      url,
      canonicalUrl: canonicalUrl(url),
      source: item.source ?? null,
      sourceId: item.sourceId ?? null,
      externalId: item.externalId ?? item.id ?? null,
      title: doc.title,
      publishedAt: isoTime(item.publishedAt),
      seenAt: isoTime(item.seenAt) ?? new Date().toISOString(),
      text: body,
      html: item.html ? sanitizeHtml(item.html, url ?? undefined) : null,
      language: doc.language,
      contentHash: doc.contentHash,
      simhash: simhash(doc.title, body),
    },
  };
}

/**
 * The pipeline behind the `Ingestor` interface.
 *
 * @example
 * const ingestor = new Pipeline({ store, reference: loadReference() });
 * ingestor.onWritten((r) => hub.publish(r.article));
 * await ingestor.ingest({ title: "Acme beats", text: "…", sourceId: "src_1", externalId: "guid-1" });
 */
export class Pipeline implements Ingestor {
  private readonly listeners = new Set<(result: WriteResult) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private deferred: WriteResult[] | null = null;

  constructor(private readonly options: PipelineOptions) {}

  onWritten(listener: (result: WriteResult) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Ingests one item; `options.checkpoint` is committed with it (imports). */
  ingest(item: IngestItem, options: WriteOptions = {}): Promise<WriteResult> {
    const run = this.queue.then(() => this.ingestNow(item, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs `fn` (a series of ingests) in one store transaction when the store supports it; listeners
   * hear of the writes only after that transaction commits, and not at all if it fails.
   *
   * @example
   * await pipeline.batch(async () => { for (const item of items) await pipeline.ingest(item); });
   */
  async batch<T>(fn: () => Promise<T>): Promise<T> {
    const { store } = this.options;
    if (!store.batch || this.deferred) return fn();
    this.deferred = [];
    try {
      const out = await store.batch(fn);
      const done = this.deferred;
      this.deferred = null;
      for (const r of done) this.notify(r);
      return out;
    } finally {
      this.deferred = null;
    }
  }

  /** Notifies listeners of a committed write (created or revised); a failing listener never fails the ingest. */
  notify(result: WriteResult): void {
    if (result.status !== "created" && result.status !== "revised") return;
    if (this.deferred) return void this.deferred.push(result);
    for (const l of this.listeners) {
      try {
        l(result);
      } catch (err) {
        (this.options.onListenerError ?? ((e) => process.stderr.write(`ingest: listener failed: ${(e as Error).message}\n`)))(err);
      }
    }
  }

  /**
   * The story this prepared item belongs to, or the stored article when it is already there (same
   * identity and text: unchanged; another identity with the same text or URL: duplicate). With a
   * `pending` set (parallel import), in-flight articles count as stored; "retry" means the item
   * collides with an in-flight one and must be ingested after it is committed.
   */
  async placeInStory(p: Pick<Prepared, "write">, pending?: PendingSet, ticket = 0): Promise<{ story: Story } | { existing: WriteResult } | "retry"> {
    const { store } = this.options;
    if (pending?.conflicts(p.write)) return "retry";
    const match = await store.lookupArticle(p.write);
    if (match && (match.match !== "identity" || match.contentHash === p.write.contentHash)) {
      const article = await store.getArticle(match.id);
      if (article) return { existing: { status: match.match === "identity" ? "unchanged" : "duplicate", article } };
    }
    const story = match ? await this.contextOf(match.storyId, match.id) : await this.nearStory(p, pending);
    if (!match) pending?.add(ticket, p.write, story, p.write.seenAt);
    return { story };
  }

  private async nearStory(p: Pick<Prepared, "write">, pending?: PendingSet): Promise<Story> {
    const { store } = this.options;
    const at = p.write.publishedAt ?? p.write.seenAt;
    const near = await findNearDuplicate(store, p.write.simhash, at, { maxDistance: this.options.maxDistance, pending });
    if (near) {
      const inFlight = pending?.story(near.storyId);
      const s = await store.getStoryInfo(near.storyId);
      const before = (s?.size ?? 0) + (inFlight?.count ?? 0);
      const first = s?.firstSeenAt ?? inFlight?.firstSeenAt;
      if (first) return storyContext(near.storyId, before + 1, first, before);
    }
    return storyContext(storyIdFor(articleIdOf(identityOf(p.write))), 1, p.write.seenAt, 0);
  }

  private async contextOf(storyId: string, articleId: string): Promise<Story> {
    const s = await this.options.store.getStoryInfo(storyId, articleId);
    if (!s) return storyContext(storyId, 1, new Date().toISOString(), 0);
    return storyContext(s.id, s.size, s.firstSeenAt, s.before);
  }

  private async ingestNow(item: IngestItem, options: WriteOptions): Promise<WriteResult> {
    const p = prepareItem(item, this.options.maxChars);
    const placed = await this.placeInStory(p);
    if (placed === "retry") throw new Error("ingest: unexpected in-flight collision");
    if ("existing" in placed) {
      if (options.checkpoint) await this.options.store.setImportCheckpoint(options.checkpoint.key, options.checkpoint.line);
      return placed.existing;
    }
    const enrichment = enrichDoc(p.doc, this.options.reference, { story: placed.story });
    const result = await this.options.store.writeArticle({ ...p.write, enrichment }, options);
    this.notify(result);
    return result;
  }

  /**
   * Re-enriches every article whose enrichment was made by another engine version (after an
   * upgrade); each gets a new `seq`, so that streams and alerts see the new enrichment.
   * `oneTransactionPerBatch` (only in a process that is the sole writer) commits each batch at once;
   * a storage failure then stops the run (the batch is rolled back), an enrichment failure is counted.
   *
   * @example
   * const { reenriched } = await pipeline.reenrichStale();
   */
  async reenrichStale(options: { batch?: number; onProgress?: (n: number) => void; oneTransactionPerBatch?: boolean } = {}): Promise<{ reenriched: number; failed: number }> {
    const totals = { reenriched: 0, failed: 0 };
    let after: string | undefined;
    for (;;) {
      const batch = await this.options.store.listStale(ENGINE_VERSION, options.batch ?? 200, after);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.id;
      const work = async (): Promise<void> => {
        for (const a of batch) totals[(await this.reenrichOne(a)) ? "reenriched" : "failed"]++;
      };
      await (options.oneTransactionPerBatch ? this.batch(work) : work());
      options.onProgress?.(totals.reenriched);
    }
    return totals;
  }

  private async reenrichOne(a: ArticleRecord): Promise<boolean> {
    let enrichment: Enrichment;
    try {
      const doc = prepare({ id: a.enrichment?.id, title: a.title, text: a.text, url: a.url ?? undefined, source: a.source ?? undefined, publishedAt: a.publishedAt ?? undefined });
      enrichment = enrichDoc(doc, this.options.reference, { story: await this.contextOf(a.storyId, a.id) });
    } catch (err) {
      (this.options.onListenerError ?? ((e) => process.stderr.write(`ingest: re-enrichment of ${a.id} failed: ${(e as Error).message}\n`)))(err);
      return false;
    }
    const r = await this.options.store.replaceEnrichment(a.id, enrichment);
    if (r) this.notify(r);
    return r !== null;
  }
}
