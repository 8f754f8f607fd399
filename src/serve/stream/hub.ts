/**
 * The stream hub: one subscription to the ingestor fans every committed write out to the connected
 * SSE clients whose filter it matches. A client resuming with Last-Event-ID buffers live events while
 * the missed ones are replayed from the store, then drops anything at or below the last id it sent,
 * so the seam has neither gaps nor duplicates.
 */
import type { ArticleRecord, Store } from "../../store/store.ts";
import type { ArticleTail } from "./tail.ts";
import type { ArticleFilter } from "../api/schemas.ts";
import { toSummary } from "../api/views.ts";
import { matches, toStoreQuery } from "./filter.ts";

/** Most events replayed on one resume; a longer gap is signalled (`event: truncated`) and left to the list endpoint. */
export const REPLAY_LIMIT = 10_000;
/** A client more than this many bytes behind is disconnected (it can resume with Last-Event-ID). */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface SseSink {
  write(chunk: string): boolean;
  writableLength: number;
  end(): void;
}

/** An article with its event payload, serialised at most once however many clients receive it. */
export class Outgoing {
  private json: string | null = null;
  constructor(readonly article: ArticleRecord) {}
  get payload(): string {
    this.json ??= JSON.stringify(toSummary(this.article));
    return this.json;
  }
}

export class StreamClient {
  lastSent = 0;
  private buffer: Outgoing[] | null = null;

  constructor(
    readonly sink: SseSink,
    readonly filter: ArticleFilter,
  ) {}

  /** Starts holding live events back (during a replay). */
  hold(): void {
    this.buffer = [];
  }

  /** Sends the held events newer than what was replayed, then goes live. */
  release(): void {
    const held = this.buffer ?? [];
    this.buffer = null;
    for (const o of held) this.send(o);
  }

  /**
   * Offers one article: sent if it matches and is newer than the last event sent.
   *
   * @example
   * client.offer(new Outgoing(record));
   */
  offer(o: Outgoing): void {
    if (!matches(o.article, this.filter)) return;
    if (this.buffer) this.buffer.push(o);
    else this.send(o);
  }

  /** Writes one SSE event (`id:` is the article's seq). */
  send(o: Outgoing): void {
    const seq = o.article.seq;
    if (seq <= this.lastSent) return;
    this.lastSent = seq;
    this.sink.write(`id: ${seq}\nevent: article\ndata: ${o.payload}\n\n`);
    if (this.sink.writableLength > MAX_BUFFERED_BYTES) this.sink.end();
  }
}

export class StreamHub {
  private readonly clients = new Set<StreamClient>();
  private unsubscribe: (() => void) | null = null;

  /**
   * @example
   * const hub = new StreamHub(store); hub.start(tail);
   */
  constructor(
    private readonly store: Store,
    private readonly replayLimit = REPLAY_LIMIT,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  /** Subscribes to committed writes (in seq order, this process's and others'). */
  start(tail: ArticleTail): void {
    this.unsubscribe = tail.subscribe(({ article }) => {
      const o = new Outgoing(article);
      for (const c of this.clients) c.offer(o);
    });
  }

  /** Unsubscribes and closes every client. */
  stop(): void {
    this.unsubscribe?.();
    for (const c of this.clients) c.sink.end();
    this.clients.clear();
  }

  /**
   * Connects a client; with `afterSeq`, first replays what it missed (matching its filter) from the store.
   *
   * @example
   * const client = await hub.connect(sink, filter, Number(req.headers["last-event-id"]));
   */
  async connect(sink: SseSink, filter: ArticleFilter, afterSeq?: number): Promise<StreamClient> {
    const client = new StreamClient(sink, filter);
    if (afterSeq === undefined) {
      this.clients.add(client);
      return client;
    }
    client.lastSent = afterSeq;
    client.hold();
    this.clients.add(client);
    try {
      await this.replay(client, filter, afterSeq);
    } catch (err) {
      this.clients.delete(client);
      throw err;
    }
    client.release();
    return client;
  }

  /** Removes a client (on disconnect). */
  remove(client: StreamClient): void {
    this.clients.delete(client);
  }

  /**
   * Sends what the client missed, page by page in seq order. Past REPLAY_LIMIT events it sends an
   * `event: truncated` (data: the last id sent) and goes live: the rest is for the list endpoint.
   */
  private async replay(client: StreamClient, filter: ArticleFilter, afterSeq: number): Promise<void> {
    let cursor: string | undefined;
    let sent = 0;
    do {
      const page = await this.store.listArticles({ ...toStoreQuery(filter), afterSeq, sort: "seq", limit: Math.min(200, this.replayLimit), ...(cursor ? { cursor } : {}) });
      for (const a of page.items) client.send(new Outgoing(a));
      sent += page.items.length;
      cursor = page.nextCursor ?? undefined;
      if (cursor && sent >= this.replayLimit) {
        client.sink.write(`event: truncated\ndata: {"lastEventId":${client.lastSent},"limit":${this.replayLimit}}\n\n`);
        return;
      }
    } while (cursor);
  }
}
