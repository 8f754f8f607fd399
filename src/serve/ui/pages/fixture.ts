/** A seed-like article record with a schema-valid enrichment, for rendering tests (not used at run time). */
import { EnrichmentSchema, type Enrichment } from "../../../contract/enrichment.ts";
import type { ArticleRecord } from "../../../store/store.ts";

const TITLE = "OpenAI’s subtle drift from Microsoft has become an aggressive move toward Amazon";
const m = (text: string, start: number) => ({ text, start, end: start + text.length });

/**
 * An enrichment shaped like the seed page (impact 0.44, AMZN/MSFT/UBS, the eight categories).
 *
 * @example
 * const rec = seedRecord({ title: "<script>x</script>" });
 */
export function seedEnrichment(over: Partial<Enrichment> = {}): Enrichment {
  const doc: Enrichment = {
    schemaVersion: "1",
    engine: { name: "impactwire", version: "0.1.0" },
    id: "seed-1",
    article: { title: TITLE, url: "https://news.example.com/openai", source: "Example News", publishedAt: "2026-11-28T12:00:00.000Z", language: "en", wordCount: 480, contentHash: "abc" },
    impact: {
      score: 0.44,
      direction: "mixed",
      horizon: "1d",
      drivers: [
        { factor: "event_severity", contribution: 0.2, detail: "investment of $50 billion" },
        { factor: "centrality", contribution: 0.12, detail: "Amazon and Microsoft in the title" },
        { factor: "surprise", contribution: 0.08, detail: "deal size against company size" },
        { factor: "novelty", contribution: 0.04, detail: "first report of the story" },
      ],
    },
    tickers: [
      { symbol: "AMZN", name: "Amazon.com, Inc.", exchange: "Nasdaq", relevance: 0.9, role: "subject", sentiment: 0.42, mentions: [m("Amazon", 76)], reason: `"Amazon" (company name, in title)` },
      { symbol: "MSFT", name: "Microsoft Corporation", exchange: "Nasdaq", relevance: 0.85, role: "subject", sentiment: -0.2, mentions: [m("Microsoft", 30)], reason: `"Microsoft" (company name, in title)` },
      { symbol: "UBS", name: "UBS Group AG", exchange: "NYSE", relevance: 0.3, role: "mentioned", sentiment: 0, mentions: [], reason: `"UBS" (analyst)` },
    ],
    entities: [{ name: "OpenAI", type: "private_company", mentions: [m("OpenAI", 0)], salience: 0.9, proxies: ["MSFT", "AMZN"] }],
    topics: [
      ["artificial-intelligence", "Artificial Intelligence"],
      ["technology-innovation", "Technology & Innovation"],
      ["ma-restructuring", "M&A & Restructuring"],
      ["company-fundamentals", "Company Fundamentals"],
      ["management-governance", "Management & Governance"],
      ["analyst-insights", "Analyst Insights"],
      ["legal-litigation", "Legal & Litigation"],
      ["private-markets-venture", "Private Markets & Venture"],
    ].map(([id, label], i) => ({ id: id!, label: label!, score: 0.9 - i * 0.05 })),
    events: [
      {
        type: "investment",
        actor: "AMZN",
        target: "OpenAI",
        amount: { value: 5e10, currency: "USD", text: "$50 billion" },
        figures: [{ name: "aws_commitment", value: 3.8e10, currency: "USD", text: "$38 billion" }],
        polarity: "positive",
        confidence: 0.8,
        evidence: m("a separate $50 billion Amazon investment plan", 200),
      },
    ],
    sentiment: { score: 0.1, label: "mixed", coverage: 0.6 },
    summary: "OpenAI is expanding its cloud and model distribution beyond Microsoft, including a disclosed $38 billion AWS commitment.",
    analysis: {
      takeaway: "Compute is becoming a fungible input and the hyperscalers are being forced into a customer-retention race.",
      sections: [{ heading: "Microsoft", text: "The risk is margin dilution and bargaining power erosion." }],
      winners: ["AMZN"],
      losers: ["MSFT"],
      risks: ["Execution and reliability of multi-cloud capacity."],
      contrarian: "This is not a clean breakup trade but a coordination equilibrium under capacity scarcity.",
      outlook: "A redistribution of AI gross profit pools away from exclusivity rents.",
      generator: "heuristic@0.1.0",
    },
    story: { id: "story-1", size: 1, firstSeenAt: "2026-11-28T12:00:00.000Z", novelty: 1 },
    ...over,
  };
  return EnrichmentSchema.parse(doc);
}

/**
 * A stored article record around `seedEnrichment`.
 *
 * @example
 * articlePage({ article: seedRecord(), others: [], study: [], studyAttempted: false })
 */
export function seedRecord(over: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id: "a1",
    url: "https://news.example.com/openai",
    canonicalUrl: null,
    source: "Example News",
    sourceId: null,
    title: TITLE,
    publishedAt: "2026-11-28T12:00:00.000Z",
    firstSeenAt: "2026-11-28T12:01:00.000Z",
    updatedAt: "2026-11-28T12:01:00.000Z",
    text: "OpenAI is expanding.\n\nSecond paragraph.",
    html: null,
    language: "en",
    contentHash: "abc",
    storyId: "story-1",
    revision: 1,
    seq: 1,
    enrichment: seedEnrichment(),
    ...over,
  };
}
