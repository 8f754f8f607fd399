/**
 * The feed poller: polls every due source (per-feed interval, `nextPollAt`), with conditional GET
 * (ETag / Last-Modified), exponential backoff on errors (error kept in `lastError`, `errorCount`),
 * per-host politeness and bounded concurrency. Each new item goes through `ingestor.ingest`.
 *
 * Crash safety: a source's state (etag, lastModified, nextPollAt) is advanced only AFTER all its items
 * were ingested (each ingest commits on its own). A crash mid-poll leaves the old state: the next poll
 * fetches the same document again and the items already stored come back "unchanged" — nothing
 * acknowledged is lost and nothing is duplicated.
 */
import type { Config } from "../../core/config.ts";
import { ImpactwireError, EXIT, asImpactwireError } from "../../core/errors.ts";
import type { SourceRecord, Store } from "../../store/store.ts";
import type { IngestItem, Ingestor } from "../ingestor.ts";
import { safeFetch, type FetchOptions } from "../fetch/fetch.ts";
import { parseFeed } from "../feeds/parse.ts";
import { HostGate, isDue, nextDelaySec, retryAfterSec, sleep } from "./schedule.ts";
import { ingestOrder, toIngestItem } from "./items.ts";
import { isTeaser, withFullText } from "./fulltext.ts";
import { articleIdOf, identityOf } from "../../store/keys.ts";
import { fetchOptionsFrom } from "../fetch/options.ts";

export type PollerConfig = Pick<
  Config,
  "allowPrivateNetworks" | "fetchTimeoutMs" | "fetchConnectTimeoutMs" | "fetchHeadersTimeoutMs" | "fetchMaxBytes" | "fetchMaxRedirects" | "userAgent" | "perHostDelayMs" | "fetchFullText"
>;

export interface PollerOptions {
  store: Store;
  ingestor: Ingestor;
  config: PollerConfig;
  /** Feeds polled at the same time (default 4). */
  concurrency?: number;
  /** How often the loop looks for due feeds, ms (default 5000). */
  tickMs?: number;
  /** Extra fetch options (tests: resolve / treatAsPublic hooks). */
  fetch?: Partial<FetchOptions>;
  /** Where the loop reports what it did (default: nothing). */
  log?: (line: string) => void;
}

export interface PollResult {
  sourceId: string;
  url: string;
  status: "ok" | "not-modified" | "error";
  /** Items in the document, and how many were new or revised. */
  items: number;
  created: number;
  revised: number;
  /** Items refused by the pipeline as bad input (skipped). */
  skipped: number;
  error?: string;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * One poller per process; `pollDue` can also be used alone (CLI `feeds poll`).
 *
 * @example
 * const poller = new FeedPoller({ store, ingestor, config });
 * await poller.pollDue();
 */
export class FeedPoller {
  private readonly gate: HostGate;
  private readonly abort = new AbortController();

  constructor(private readonly options: PollerOptions) {
    this.gate = new HostGate(options.config.perHostDelayMs);
  }

  /** Stops waiting and aborts in-flight requests (their sources keep their old state). */
  cancel(): void {
    this.abort.abort();
  }

  get cancelled(): boolean {
    return this.abort.signal.aborted;
  }

  /** Aborted when the poller is cancelled. */
  get abortSignal(): AbortSignal {
    return this.abort.signal;
  }

  /**
   * Polls every due source (all enabled ones with `force`), at most `concurrency` at a time.
   *
   * @example
   * const results = await new FeedPoller({ store, ingestor, config }).pollDue();
   */
  async pollDue(force = false): Promise<PollResult[]> {
    const now = new Date().toISOString();
    const due = (await this.options.store.listSources())
      .filter((s) => s.enabled && (force || isDue(s, now)))
      .sort((a, b) => (a.nextPollAt ?? "").localeCompare(b.nextPollAt ?? ""));
    const results: PollResult[] = [];
    let next = 0;
    const worker = async () => {
      while (next < due.length && !this.cancelled) results.push(await this.pollSource(due[next++]!));
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 4, due.length) }, worker));
    return results;
  }

  /**
   * Polls one source and records the outcome on it. Never throws for feed problems: they are stored
   * on the source (lastError, errorCount) and returned as status "error".
   *
   * @example
   * const r = await poller.pollSource(await store.getSource("src_1"));
   */
  async pollSource(source: SourceRecord): Promise<PollResult> {
    const base: PollResult = { sourceId: source.id, url: source.url, status: "ok", items: 0, created: 0, revised: 0, skipped: 0 };
    await this.gate.wait(hostOf(source.url), this.abort.signal);
    if (this.cancelled) return { ...base, status: "error", error: "cancelled" };
    const started = Date.now();
    try {
      const res = await safeFetch(source.url, this.fetchOptions(source));
      if (res.status === 304) {
        await this.recordSuccess(source, started, {});
        return { ...base, status: "not-modified" };
      }
      if (res.status >= 300) {
        const err = new ImpactwireError("fetch", "FETCH_HTTP_STATUS", `${res.url}: HTTP ${res.status}`, { exitCode: EXIT.fetch, detail: { status: res.status } });
        await this.recordFailure(source, started, err, retryAfterSec(res.headers["retry-after"], Date.now()));
        return { ...base, status: "error", error: err.message };
      }
      const feed = parseFeed(res.body, { url: res.url, contentType: res.contentType });
      const counts = await this.ingestAll(source, feed);
      await this.recordSuccess(source, started, {
        etag: res.headers.etag ?? null,
        lastModified: res.headers["last-modified"] ?? null,
        kind: feed.kind,
        title: source.title ?? feed.title,
        itemsSeen: source.itemsSeen + counts.created,
      });
      return { ...base, items: feed.items.length, ...counts };
    } catch (err) {
      const e = asImpactwireError(err, "poll", "POLL_FAILED");
      if (this.cancelled && e.code === "FETCH_ABORTED") return { ...base, status: "error", error: "cancelled" };
      await this.recordFailure(source, started, e, null);
      return { ...base, status: "error", error: e.message };
    }
  }

  private fetchOptions(source: SourceRecord): FetchOptions {
    const c = this.options.config;
    const headers: Record<string, string> = { accept: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5" };
    if (source.etag) headers["if-none-match"] = source.etag;
    if (source.lastModified) headers["if-modified-since"] = source.lastModified;
    return {
      ...fetchOptionsFrom(c),
      throwOnHttpError: false,
      signal: this.abort.signal,
      ...this.options.fetch,
      headers,
    };
  }

  /** Ingests oldest first; an item the pipeline rejects as bad input is skipped, any other failure aborts the poll. */
  private async ingestAll(source: SourceRecord, feed: ReturnType<typeof parseFeed>): Promise<Pick<PollResult, "created" | "revised" | "skipped">> {
    const counts = { created: 0, revised: 0, skipped: 0 };
    const seenAt = new Date().toISOString();
    for (const item of ingestOrder(feed.items)) {
      if (this.cancelled) throw new ImpactwireError("poll", "FETCH_ABORTED", "poller stopped mid-feed", { exitCode: EXIT.fetch });
      try {
        const complete = await this.complete(toIngestItem(item, feed, source, seenAt), source);
        if (!complete) continue;
        const r = await this.options.ingestor.ingest(complete);
        if (r.status === "created") counts.created++;
        if (r.status === "revised") counts.revised++;
      } catch (err) {
        if (err instanceof ImpactwireError && err.exitCode === EXIT.input) {
          counts.skipped++;
          this.options.log?.(`poll: ${source.url}: item ${item.guid} skipped: ${err.message}`);
          continue;
        }
        throw err;
      }
    }
    return counts;
  }

  /**
   * With FETCH_FULL_TEXT, a teaser is completed from its page (politely: the page's host is gated too).
   * A teaser whose article is already stored is not fetched again, and null is returned: re-ingesting
   * the bare teaser would overwrite the full text with a "revision".
   */
  private async complete(item: IngestItem, source: SourceRecord): Promise<IngestItem | null> {
    if (!this.options.config.fetchFullText || !isTeaser(item)) return item;
    const id = articleIdOf(identityOf({ sourceId: source.id, externalId: item.externalId ?? null, canonicalUrl: null, contentHash: "" }));
    if (item.externalId && (await this.options.store.getArticle(id))) return null;
    await this.gate.wait(hostOf(item.url!), this.abort.signal);
    const { headers: _feedHeaders, ...options } = this.fetchOptions(source);
    return withFullText(item, { ...options, throwOnHttpError: true }, (m) => this.options.log?.(`poll: ${m}`));
  }

  private async recordSuccess(source: SourceRecord, startedMs: number, patch: Partial<SourceRecord>): Promise<void> {
    const at = new Date(startedMs);
    await this.options.store.updateSource(source.id, {
      ...patch,
      lastPolledAt: at.toISOString(),
      nextPollAt: new Date(startedMs + nextDelaySec(source.intervalSec, 0) * 1000).toISOString(),
      lastError: null,
      errorCount: 0,
    });
  }

  private async recordFailure(source: SourceRecord, startedMs: number, err: ImpactwireError, retryAfter: number | null): Promise<void> {
    const errorCount = source.errorCount + 1;
    await this.options.store.updateSource(source.id, {
      lastPolledAt: new Date(startedMs).toISOString(),
      nextPollAt: new Date(startedMs + nextDelaySec(source.intervalSec, errorCount, retryAfter) * 1000).toISOString(),
      lastError: `${err.code}: ${err.message}`.slice(0, 1000),
      errorCount,
    });
    this.options.log?.(`poll: ${source.url}: ${err.message} (error ${errorCount}, retry later)`);
  }
}

/**
 * Starts the background poll loop; resolves the returned stop function once in-flight polls ended.
 *
 * @example
 * const stop = startPoller({ config, store, ingestor });
 * // … on shutdown:
 * await stop();
 */
export function startPoller(ctx: { config: PollerConfig; store: Store; ingestor: Ingestor }, options: Partial<PollerOptions> = {}): () => Promise<void> {
  const poller = new FeedPoller({ ...options, store: ctx.store, ingestor: ctx.ingestor, config: ctx.config });
  const tickMs = options.tickMs ?? 5_000;
  const loop = (async () => {
    while (!poller.cancelled) {
      try {
        const results = await poller.pollDue();
        for (const r of results) if (r.status !== "error" && r.created + r.revised > 0) options.log?.(`poll: ${r.url}: ${r.created} new, ${r.revised} revised`);
      } catch (err) {
        options.log?.(`poll: ${(err as Error).message}`);
      }
      await sleep(tickMs, poller.abortSignal);
    }
  })();
  return async () => {
    poller.cancel();
    await loop;
  };
}
