/**
 * The `Store` interface: everything impactwire keeps. One implementation per folder
 * (`sqlite/` embedded default, `postgres/` for scale-out); both share the typed query layer and the
 * numbered migrations. All methods are async so that both backends fit.
 */
import type { Enrichment } from "../contract/enrichment.ts";
import type { ArticleBrief } from "./brief.ts";

export type { ArticleBrief } from "./brief.ts";

export interface ArticleRecord {
  /** Stable id of the article (first revision's id is kept across revisions). */
  id: string;
  url: string | null;
  canonicalUrl: string | null;
  /** Source name as shown (feed title, "api", "import"). */
  source: string | null;
  sourceId: string | null;
  title: string;
  publishedAt: string | null;
  firstSeenAt: string;
  updatedAt: string;
  /** Clean main text. */
  text: string;
  /** Sanitised HTML of the article body, when it came as HTML. */
  html: string | null;
  language: string;
  contentHash: string;
  storyId: string;
  /** 1 for the first version; incremented when the text of the same article changes. */
  revision: number;
  /** Monotonic sequence of the latest enrichment: the stream's event id. */
  seq: number;
  enrichment: Enrichment | null;
}

export interface RevisionRecord {
  articleId: string;
  revision: number;
  title: string;
  text: string;
  contentHash: string;
  seenAt: string;
}

export interface StoryRecord {
  id: string;
  firstSeenAt: string;
  size: number;
  articleIds: string[];
  title: string;
}

export interface ArticleQuery {
  tickers?: string[];
  topics?: string[];
  minImpact?: number;
  sentiment?: "positive" | "negative" | "neutral" | "mixed";
  source?: string;
  storyId?: string;
  /** ISO times, inclusive lower and exclusive upper bound on publishedAt (firstSeenAt when absent). */
  since?: string;
  until?: string;
  /** Full-text query (FTS5 on SQLite, tsvector on PostgreSQL); user syntax is sanitised, never passed raw. */
  q?: string;
  /** "time" (default, newest first), "impact" (highest first) or "seq" (ascending event sequence, for stream replay). */
  sort?: "time" | "impact" | "seq";
  limit?: number;
  cursor?: string;
  /** Point in time: answer as the store knew it then (revisions and enrichments seen up to asOf). */
  asOf?: string;
  /** Only articles with `seq` greater than this (stream resume). */
  afterSeq?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SourceRecord {
  id: string;
  kind: "rss" | "atom" | "rdf" | "jsonfeed" | "feed";
  url: string;
  title: string | null;
  intervalSec: number;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  nextPollAt: string | null;
  lastError: string | null;
  errorCount: number;
  itemsSeen: number;
  enabled: boolean;
}

export interface AlertRule {
  id: string;
  name: string;
  tickers: string[];
  topics: string[];
  minImpact: number;
  sentiment: "positive" | "negative" | "any";
  webhookUrl: string;
  /** HMAC secret; only returned once on creation by the API. */
  secret: string;
  enabled: boolean;
  createdAt: string;
}

export interface DeliveryRecord {
  id: string;
  ruleId: string;
  articleId: string;
  status: "pending" | "delivered" | "failed" | "dead";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  /** sha256 of the key; the key itself is shown once. */
  hash: string;
  scopes: ("read" | "write" | "admin")[];
  createdAt: string;
  revokedAt: string | null;
}

export interface TickerSummary {
  symbol: string;
  articles: number;
  avgImpact: number;
  avgSentiment: number;
  lastSeenAt: string | null;
}

export interface SeriesPoint {
  /** Day (YYYY-MM-DD). */
  day: string;
  articles: number;
  maxImpact: number;
  avgSentiment: number;
}

export interface PriceBar {
  symbol: string;
  day: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number;
  volume: number;
}

/** What the pipeline writes for one arriving article version (already normalised and enriched). */
export interface ArticleWrite {
  url: string | null;
  canonicalUrl: string | null;
  source: string | null;
  sourceId: string | null;
  /** The source's own id for the item (feed GUID, NDJSON id); with sourceId it identifies the article. */
  externalId: string | null;
  title: string;
  publishedAt: string | null;
  seenAt: string;
  text: string;
  html: string | null;
  language: string;
  contentHash: string;
  /** Near-duplicate signature (e.g. SimHash as 16 hex digits). */
  simhash: string;
  enrichment: Enrichment;
}

export interface WriteResult {
  status: "created" | "revised" | "unchanged" | "duplicate";
  article: ArticleRecord;
}

/** Options of `writeArticle`. */
export interface WriteOptions {
  /** Import bookkeeping committed in the same transaction as the article (resumable imports). */
  checkpoint?: { key: string; line: number };
}

/** What the pipeline needs to know about an already stored article before enriching a new version. */
export interface ArticleMatch {
  /** How it matched: same identity (sourceId+externalId, else canonical URL, else content hash), same text, same canonical URL. */
  match: "identity" | "content" | "url";
  id: string;
  contentHash: string;
  storyId: string;
  firstSeenAt: string;
  revision: number;
}

export interface Store {
  /** Runs pending numbered migrations and fills the data they leave to fill (list briefs); resolves to the schema version. */
  migrate(options?: { onProgress?: (message: string) => void }): Promise<number>;
  close(): Promise<void>;

  /** Stores an article version in one transaction: article, revision, enrichment, story, FTS. Idempotent. */
  writeArticle(write: ArticleWrite, options?: WriteOptions): Promise<WriteResult>;
  /** The stored article this write would revise (identity) or duplicate (content, url); null for a new one. */
  lookupArticle(write: Pick<ArticleWrite, "sourceId" | "externalId" | "canonicalUrl" | "contentHash"> & { source?: string | null }): Promise<ArticleMatch | null>;
  /** Stores a new enrichment of the current revision (re-enrichment): new seq, refreshed indexes. Null for an unknown id. */
  replaceEnrichment(id: string, enrichment: Enrichment): Promise<WriteResult | null>;
  /** Articles whose current enrichment was made by another engine version, in storage order after `afterId`. */
  listStale(engineVersion: string, limit: number, afterId?: string): Promise<ArticleRecord[]>;
  /**
   * Candidates for near-duplicate matching: articles (ordered at or after sinceIso) whose signature
   * shares a band with `simhash`; with `maxDistance`, only those within that many bits.
   */
  findSimilar(simhash: string, sinceIso: string, maxDistance?: number): Promise<{ id: string; storyId: string; simhash: string }[]>;
  getArticle(id: string, asOf?: string): Promise<ArticleRecord | null>;
  listRevisions(id: string): Promise<RevisionRecord[]>;
  listArticles(query: ArticleQuery): Promise<Page<ArticleRecord>>;
  /** The same page as `listArticles`, as briefs (no text, no full enrichment): what lists show. */
  listArticleBriefs(query: ArticleQuery): Promise<Page<ArticleBrief>>;
  getStory(id: string): Promise<StoryRecord | null>;
  /** A story without its article list (constant time, for placing new articles), plus how many of its articles precede `articleId` in time. */
  getStoryInfo(id: string, articleId?: string): Promise<(Omit<StoryRecord, "articleIds"> & { before: number }) | null>;
  countArticles(): Promise<number>;

  listTickers(limit?: number): Promise<TickerSummary[]>;
  tickerSeries(symbol: string, sinceIso?: string): Promise<SeriesPoint[]>;
  listTopics(): Promise<{ id: string; label: string; articles: number }[]>;

  addSource(source: Pick<SourceRecord, "url" | "kind"> & Partial<SourceRecord>): Promise<SourceRecord>;
  listSources(): Promise<SourceRecord[]>;
  getSource(id: string): Promise<SourceRecord | null>;
  updateSource(id: string, patch: Partial<SourceRecord>): Promise<void>;
  removeSource(id: string): Promise<boolean>;

  createAlert(rule: Omit<AlertRule, "id" | "createdAt">): Promise<AlertRule>;
  listAlerts(): Promise<AlertRule[]>;
  getAlert(id: string): Promise<AlertRule | null>;
  updateAlert(id: string, patch: Partial<AlertRule>): Promise<AlertRule | null>;
  deleteAlert(id: string): Promise<boolean>;
  recordDelivery(d: Omit<DeliveryRecord, "id" | "createdAt"> & { id?: string }): Promise<DeliveryRecord>;
  updateDelivery(id: string, patch: Partial<DeliveryRecord>): Promise<void>;
  listDeliveries(ruleId?: string, limit?: number): Promise<DeliveryRecord[]>;
  /** Pending deliveries whose next attempt is due (nextAttemptAt null or ≤ nowIso), oldest first. */
  listDueDeliveries(nowIso: string, limit?: number): Promise<DeliveryRecord[]>;

  createApiKey(name: string, hash: string, scopes: ApiKeyRecord["scopes"]): Promise<ApiKeyRecord>;
  findApiKey(hash: string): Promise<ApiKeyRecord | null>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** Marks a key revoked; false when unknown or already revoked. */
  revokeApiKey(id: string): Promise<boolean>;

  putPrices(bars: PriceBar[]): Promise<number>;
  getPrices(symbol: string, fromDay?: string, toDay?: string): Promise<PriceBar[]>;

  /** Import bookkeeping for resumable NDJSON imports: last acknowledged line per file fingerprint. */
  getImportCheckpoint(key: string): Promise<number>;
  setImportCheckpoint(key: string, line: number): Promise<void>;
  /** Forgets an import's checkpoint (a fresh import of the same file). */
  resetImportCheckpoint(key: string): Promise<void>;
  /**
   * Runs `fn` with all its writes in one transaction (committed when it resolves, rolled back when it
   * rejects). Only for a process whose writes all come from `fn` (the CLI import): other writers of
   * the same connection would join the transaction. Optional: callers fall back to per-write commits.
   */
  batch?<T>(fn: () => Promise<T>): Promise<T>;
}
