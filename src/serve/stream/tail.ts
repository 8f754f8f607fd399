/**
 * The tail of the article log: every committed article version, in `seq` order, exactly once, for
 * the stream and the alerts. Writes made in this process arrive at once (ingestor.onWritten); writes
 * made by other processes on the same database (`impactwire import`, workers) are found by polling
 * `listArticles({ sort: "seq", afterSeq })`. A local write that skips a seq first catches up from the
 * store, so that the order holds and nothing is missed (SQLite serialises writers, so seq order is
 * commit order).
 */
import type { Ingestor } from "../../ingest/ingestor.ts";
import type { ArticleRecord, Store, WriteResult } from "../../store/store.ts";

const PAGE = 200;
/** A foreign revision-1 article first seen longer ago than this is a re-enrichment, not a new article. */
const NEW_WITHIN_MS = 3_600_000;

export interface TailEvent {
  article: ArticleRecord;
  /**
   * `created` / `revised` as the ingestor reported (this process), or as read from the record for
   * other processes' writes: revision > 1 → revised; revision 1 first seen within the hour → created;
   * otherwise `updated` (a re-enrichment).
   */
  status: "created" | "revised" | "updated";
}

/**
 * The highest article seq in the store (0 when empty), by exponential then binary search on
 * `afterSeq` (≈ 2·log2(seq) indexed lookups).
 *
 * @example
 * const last = await maxSeq(store); // 1000200
 */
export async function maxSeq(store: Store): Promise<number> {
  const above = async (s: number) => (await store.listArticles({ sort: "seq", afterSeq: s, limit: 1 })).items.length > 0;
  if (!(await above(0))) return 0;
  let lo = 0;
  let hi = 1;
  while (await above(hi)) [lo, hi] = [hi, hi * 2];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (await above(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

export class ArticleTail {
  private last = 0;
  private readonly listeners = new Set<(e: TailEvent) => void>();
  /** Statuses of local writes waiting for a catch-up to hand them on. */
  private readonly localStatus = new Map<number, TailEvent["status"]>();
  private busy: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;

  /**
   * @example
   * const tail = new ArticleTail(store, 1000, (err) => log.error(err));
   */
  constructor(
    private readonly store: Store,
    private readonly pollMs: number,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** The last seq handed to listeners. */
  get position(): number {
    return this.last;
  }

  /**
   * Starts at the store's current end: listens to the ingestor and polls for foreign writes.
   *
   * @example
   * await tail.start(ingestor);
   */
  async start(ingestor: Ingestor): Promise<void> {
    this.last = await maxSeq(this.store);
    this.unsubscribe = ingestor.onWritten((r) => this.local(r));
    if (this.pollMs > 0) {
      this.timer = setInterval(() => void this.catchUp(), this.pollMs);
      this.timer.unref();
    }
  }

  /** Stops listening and polling. */
  stop(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Subscribes to articles in seq order; returns the unsubscribe function.
   *
   * @example
   * const off = tail.subscribe(({ article, status }) => hub.publish(article));
   */
  subscribe(listener: (e: TailEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** A write of this process: handed on at once unless it skips a seq (then the store fills the gap). */
  private local(r: WriteResult): void {
    const a = r.article;
    const status = r.status === "revised" ? "revised" : "created";
    if (a.seq <= this.last) return;
    if (a.seq === this.last + 1) return this.emit(a, status);
    this.localStatus.set(a.seq, status);
    void this.catchUp();
  }

  /** Reads everything after the last seq from the store (one catch-up at a time). */
  catchUp(): Promise<void> {
    this.busy = this.busy
      .then(async () => {
        for (;;) {
          const page = await this.store.listArticles({ sort: "seq", afterSeq: this.last, limit: PAGE });
          for (const a of page.items) if (a.seq > this.last) this.emit(a, this.localStatus.get(a.seq) ?? foreignStatus(a));
          for (const seq of this.localStatus.keys()) if (seq <= this.last) this.localStatus.delete(seq);
          if (page.items.length < PAGE) return;
        }
      })
      .catch(this.onError);
    return this.busy;
  }

  private emit(article: ArticleRecord, status: TailEvent["status"]): void {
    this.last = article.seq;
    for (const l of this.listeners) {
      try {
        l({ article, status });
      } catch (err) {
        this.onError(err);
      }
    }
  }
}

function foreignStatus(a: ArticleRecord): TailEvent["status"] {
  if (a.revision > 1) return "revised";
  return Date.now() - Date.parse(a.firstSeenAt) <= NEW_WITHIN_MS ? "created" : "updated";
}
