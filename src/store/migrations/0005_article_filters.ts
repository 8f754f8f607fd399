/**
 * Migration 0005 — a narrow covering index of the per-article filter columns. A ticker or topic list
 * walks its index table in time order and checks the other filters (sentiment, source, story, seq)
 * on each article it meets; reading them from this index touches a few pages of ~60-byte entries
 * instead of one page of the wide `articles` row (title, texts, hashes) per candidate, which is what
 * made those lists slow while the pages were not cached (1,000,000 articles: see bench/api.bench.ts).
 */
import type { Migration } from "./index.ts";

const sqlite = /* sql */ `
CREATE INDEX IF NOT EXISTS articles_filters ON articles (pk, sentiment, impact, seq, source, source_id, story_id);
`;

export const migration: Migration = { version: 5, name: "article_filters", sqlite };
