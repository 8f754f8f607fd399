/**
 * Migration 0003 — running totals kept by the write path, so that counting articles and listing
 * tickers and topics costs one small table read instead of a scan of every article.
 */
import type { Migration } from "./index.ts";

const sqlite = /* sql */ `
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters (name, value) SELECT 'articles', count(*) FROM articles;

CREATE TABLE ticker_stats (
  symbol TEXT PRIMARY KEY,
  articles INTEGER NOT NULL,
  impact_sum REAL NOT NULL,
  sentiment_sum REAL NOT NULL,
  last_key INTEGER NOT NULL
);
INSERT INTO ticker_stats (symbol, articles, impact_sum, sentiment_sum, last_key)
  SELECT symbol, count(*), sum(impact), sum(sentiment), max(sort_key) FROM article_tickers GROUP BY symbol;
CREATE INDEX ticker_stats_articles ON ticker_stats (articles);

CREATE TABLE topic_stats (
  topic TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  articles INTEGER NOT NULL
);
INSERT INTO topic_stats (topic, label, articles) SELECT topic, max(label), count(*) FROM article_topics GROUP BY topic;
`;

export const migration: Migration = { version: 3, name: "stats", sqlite };
