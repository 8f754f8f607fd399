/**
 * Migration 0001 — the initial schema. Migrations are append-only: never edit a released one, add
 * `0002_…` instead. Each migration carries its SQLite text (PostgreSQL text is added beside it later).
 *
 * Time columns hold ISO-8601 UTC strings (`toISOString()`), so string order is time order.
 * `sort_key` = (publishedAt or firstSeenAt, in whole seconds) × 2^20 + arrival slot: one integer that
 * orders articles by time, is unique, and is the FTS rowid, so a full-text query can walk its matches
 * newest-first without sorting them.
 */
import type { Migration } from "./index.ts";

const sqlite = /* sql */ `
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  interval_sec INTEGER NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT,
  next_poll_at TEXT,
  last_error TEXT,
  error_count INTEGER NOT NULL DEFAULT 0,
  items_seen INTEGER NOT NULL DEFAULT 0,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  first_seen_at TEXT NOT NULL,
  size INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL
);

CREATE TABLE articles (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  identity TEXT NOT NULL UNIQUE,
  source_id TEXT,
  external_id TEXT,
  url TEXT,
  canonical_url TEXT,
  source TEXT,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  html TEXT,
  language TEXT NOT NULL,
  published_at TEXT,
  first_seen_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  sort_key INTEGER NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  simhash TEXT NOT NULL,
  story_id TEXT NOT NULL REFERENCES stories(id),
  revision INTEGER NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  impact REAL NOT NULL,
  sentiment TEXT NOT NULL,
  sentiment_score REAL NOT NULL,
  engine_version TEXT NOT NULL,
  UNIQUE (source_id, external_id)
);
CREATE INDEX articles_impact ON articles (impact, sort_key);
CREATE INDEX articles_story ON articles (story_id, sort_key);
CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_canonical ON articles (canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX articles_source ON articles (source, sort_key);
CREATE INDEX articles_source_id ON articles (source_id, sort_key);
CREATE INDEX articles_engine ON articles (engine_version, pk);

CREATE TABLE revisions (
  article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  html TEXT,
  url TEXT,
  published_at TEXT,
  content_hash TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  UNIQUE (article_pk, revision)
);

CREATE TABLE enrichments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  article_pk INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  engine_version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX enrichments_article ON enrichments (article_pk, seq);

CREATE TABLE article_tickers (
  symbol TEXT NOT NULL,
  sort_key INTEGER NOT NULL,
  impact REAL NOT NULL,
  article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  relevance REAL NOT NULL,
  sentiment REAL NOT NULL,
  PRIMARY KEY (symbol, sort_key)
) WITHOUT ROWID;
CREATE INDEX article_tickers_impact ON article_tickers (symbol, impact, sort_key);
CREATE INDEX article_tickers_article ON article_tickers (article_pk, symbol);

CREATE TABLE article_topics (
  topic TEXT NOT NULL,
  sort_key INTEGER NOT NULL,
  impact REAL NOT NULL,
  article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  score REAL NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (topic, sort_key)
) WITHOUT ROWID;
CREATE INDEX article_topics_impact ON article_topics (topic, impact, sort_key);
CREATE INDEX article_topics_article ON article_topics (article_pk, topic);

CREATE TABLE simhash_bands (
  band_key INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
  PRIMARY KEY (band_key, ts, article_pk)
) WITHOUT ROWID;
CREATE INDEX simhash_bands_article ON simhash_bands (article_pk);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, summary, text,
  content = 'articles', content_rowid = 'sort_key',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  tickers TEXT NOT NULL,
  topics TEXT NOT NULL,
  min_impact REAL NOT NULL,
  sentiment TEXT NOT NULL,
  webhook_url TEXT NOT NULL,
  secret TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  rule_id TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  article_id TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  last_status INTEGER,
  last_error TEXT,
  next_attempt_at TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  UNIQUE (rule_id, article_id)
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
CREATE INDEX deliveries_rule ON deliveries (rule_id, created_at);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE prices (
  symbol TEXT NOT NULL,
  day TEXT NOT NULL,
  open REAL NOT NULL,
  high REAL NOT NULL,
  low REAL NOT NULL,
  close REAL NOT NULL,
  adj_close REAL NOT NULL,
  volume REAL NOT NULL,
  PRIMARY KEY (symbol, day)
) WITHOUT ROWID;

CREATE TABLE import_checkpoints (
  key TEXT PRIMARY KEY,
  line INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
`;

export const migration: Migration = { version: 1, name: "init", sqlite };
