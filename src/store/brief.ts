/**
 * The brief of an article: what a list, the stream and a webhook show of it (no text, no analysis).
 * Lists are served from briefs kept beside each article, so a page of 20 does not read 20 texts and
 * decode 20 enrichment documents.
 */
import type { Enrichment } from "../contract/enrichment.ts";
import type { ArticleRecord } from "./store.ts";

export interface TickerBrief {
  symbol: string;
  name: string;
  relevance: number;
  role: string;
  sentiment: number;
}

export interface TopicBrief {
  id: string;
  label: string;
  score: number;
}

export interface ArticleBrief {
  id: string;
  seq: number;
  title: string;
  url: string | null;
  source: string | null;
  publishedAt: string | null;
  firstSeenAt: string;
  updatedAt: string;
  storyId: string;
  revision: number;
  impact: { score: number; direction: string } | null;
  sentiment: { score: number; label: string } | null;
  tickers: TickerBrief[];
  topics: TopicBrief[];
  summary: string;
}

/** The enrichment part of a brief, as stored beside the article (`articles.brief`, JSON). */
export interface EnrichmentBrief {
  impact: { score: number; direction: string };
  sentiment: { score: number; label: string };
  tickers: TickerBrief[];
  topics: TopicBrief[];
  summary: string;
}

/**
 * The list-relevant part of an enrichment.
 *
 * @example
 * enrichmentBrief(e).tickers[0] // { symbol: "AMZN", name: "Amazon.com, Inc.", relevance: 0.9, role: "subject", sentiment: 0.4 }
 */
export function enrichmentBrief(e: Enrichment): EnrichmentBrief {
  return {
    impact: { score: e.impact.score, direction: e.impact.direction },
    sentiment: { score: e.sentiment.score, label: e.sentiment.label },
    tickers: e.tickers.map((t) => ({ symbol: t.symbol, name: t.name, relevance: t.relevance, role: t.role, sentiment: t.sentiment })),
    topics: e.topics.map((t) => ({ id: t.id, label: t.label, score: t.score })),
    summary: e.summary,
  };
}

/**
 * The brief of an article from its record fields and its enrichment brief (null: not enriched).
 *
 * @example
 * briefFrom(record, enrichmentBrief(record.enrichment!)).impact // { score: 0.44, direction: "positive" }
 */
export function briefFrom(a: Omit<ArticleRecord, "text" | "html" | "enrichment" | "canonicalUrl" | "sourceId" | "language" | "contentHash">, e: EnrichmentBrief | null): ArticleBrief {
  return {
    id: a.id,
    seq: a.seq,
    title: a.title,
    url: a.url,
    source: a.source,
    publishedAt: a.publishedAt,
    firstSeenAt: a.firstSeenAt,
    updatedAt: a.updatedAt,
    storyId: a.storyId,
    revision: a.revision,
    impact: e ? e.impact : null,
    sentiment: e ? e.sentiment : null,
    tickers: e ? e.tickers : [],
    topics: e ? e.topics : [],
    summary: e?.summary ?? "",
  };
}

/**
 * The brief of a full record.
 *
 * @example
 * briefOf(record).tickers.map((t) => t.symbol) // ["AMZN", "MSFT"]
 */
export function briefOf(a: ArticleRecord): ArticleBrief {
  return briefFrom(a, a.enrichment ? enrichmentBrief(a.enrichment) : null);
}
