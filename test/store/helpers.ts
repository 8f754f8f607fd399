/**
 * Test helpers: ArticleWrite values built with the real normaliser, SimHash and canonical URL, and
 * an enrichment document (valid against the contract) whose tickers, topics, impact and sentiment
 * are set by the test: the store is under test here, not the enrichment stages.
 */
import { normalize } from "../../src/enrich/normalize/normalize.ts";
import { EnrichmentSchema, type Enrichment } from "../../src/contract/enrichment.ts";
import { simhash } from "../../src/ingest/dedupe/simhash.ts";
import { canonicalUrl } from "../../src/ingest/dedupe/canonical-url.ts";
import type { ArticleWrite } from "../../src/store/store.ts";
import type { SentimentLabelSchema } from "../../src/contract/enrichment.ts";
import type { z } from "zod";

export interface WriteSpec {
  title: string;
  text: string;
  url?: string;
  sourceId?: string;
  source?: string;
  externalId?: string;
  publishedAt?: string;
  seenAt?: string;
  tickers?: string[];
  topics?: string[];
  impact?: number;
  sentiment?: z.infer<typeof SentimentLabelSchema>;
  storyId?: string;
  engineVersion?: string;
}

/**
 * An ArticleWrite for the spec.
 *
 * @example
 * makeWrite({ title: "Acme beats", text: "Acme reported…", tickers: ["ACME"] })
 */
export function makeWrite(s: WriteSpec): ArticleWrite {
  const doc = normalize({ title: s.title, body: s.text, url: s.url, source: s.source, publishedAt: s.publishedAt });
  const impact = s.impact ?? 0.1;
  const e: Enrichment = EnrichmentSchema.parse({
    schemaVersion: "1",
    engine: { name: "impactwire", version: s.engineVersion ?? "test" },
    id: doc.id,
    article: { title: doc.title, url: doc.url, source: doc.source, publishedAt: doc.publishedAt, language: doc.language, wordCount: doc.wordCount, contentHash: doc.contentHash },
    impact: { score: impact, direction: "neutral", horizon: "1d", drivers: [{ factor: "test", contribution: impact, detail: "set by the test" }] },
    tickers: (s.tickers ?? []).map((symbol) => ({ symbol, name: symbol, exchange: null, relevance: 1, role: "subject", sentiment: 0, mentions: [], reason: "test" })),
    entities: [],
    topics: (s.topics ?? []).map((id) => ({ id, label: id.toUpperCase(), score: 1 })),
    events: [],
    sentiment: { score: 0, label: s.sentiment ?? "neutral", coverage: 0 },
    summary: `Summary: ${doc.title}`,
    analysis: { takeaway: "t", sections: [], winners: [], losers: [], risks: [], contrarian: "", outlook: "", generator: "test" },
    story: { id: s.storyId ?? `st_${doc.contentHash}`, size: 1, firstSeenAt: s.seenAt ?? null, novelty: 1 },
  });
  return {
    url: s.url ?? null,
    canonicalUrl: canonicalUrl(s.url),
    source: s.source ?? null,
    sourceId: s.sourceId ?? null,
    externalId: s.externalId ?? null,
    title: doc.title,
    publishedAt: s.publishedAt ?? null,
    seenAt: s.seenAt ?? new Date().toISOString(),
    text: doc.text.slice(doc.bodyStart),
    html: null,
    language: doc.language,
    contentHash: doc.contentHash,
    simhash: simhash(doc.title, doc.text.slice(doc.bodyStart)),
    enrichment: e,
  };
}
