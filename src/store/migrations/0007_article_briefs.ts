/**
 * Migration 0007 — `articles.brief`: the list view of the current enrichment (impact, sentiment,
 * ticker and topic briefs, summary) as compact JSON, written with every enrichment. A list page reads
 * it instead of decoding each article's full enrichment document. Existing rows keep NULL until
 * `impactwire migrate` fills them; until then their lists fall back to the document.
 */
import type { Migration } from "./index.ts";

const sqlite = /* sql */ `
ALTER TABLE articles ADD COLUMN brief TEXT;
`;

export const migration: Migration = { version: 7, name: "article_briefs", sqlite };
