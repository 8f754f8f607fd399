import { describe, expect, it } from "vitest";
import { EnrichmentSchema, type Enrichment } from "../../contract/enrichment.ts";
import type { Reference } from "../../reference/reference.ts";
import { ENGINE_VERSION, SCHEMA_VERSION } from "../../core/version.ts";
import { seedLike } from "../analyze/findings.fixture.ts";
import { scoreImpact } from "../impact/impact.ts";
import { summarize } from "../summarize/summarize.ts";
import { analyze } from "../analyze/analyze.ts";
import { renderTextReport, wrap } from "./report.ts";

const ref = {} as Reference;

function seedEnrichment(): Enrichment {
  const { doc, findings: f } = seedLike();
  const impact = scoreImpact(doc, ref, f);
  const summary = summarize(doc, ref, f);
  const analysis = analyze(doc, ref, { ...f, impact, summary });
  return EnrichmentSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    engine: { name: "impactwire", version: ENGINE_VERSION },
    id: doc.id,
    article: { title: doc.title, url: null, source: null, publishedAt: null, language: doc.language, wordCount: doc.wordCount, contentHash: doc.contentHash },
    impact,
    tickers: f.linked.tickers,
    entities: f.linked.entities,
    topics: f.topics,
    events: f.events,
    sentiment: f.sentiment.article,
    summary,
    analysis,
    story: f.story,
  });
}

describe("renderTextReport", () => {
  it("lays the seed-like enrichment out like the seed page, in order", () => {
    const e = seedEnrichment();
    const text = renderTextReport(e);
    const order = [
      `Market Impact: ${e.impact.score.toFixed(2)}`,
      "event severity",
      "AMZN",
      "role proxy · relevance 0.85 · sentiment +0.40",
      'linked by "Amazon"',
      "MSFT",
      "Categories: Artificial Intelligence · Technology & Innovation",
      e.article.title,
      "OpenAI is expanding",
      "Analysis",
      "The key market takeaway",
      "Near-term effects",
      "Who gains and who loses",
      "Winners: AMZN    Losers: MSFT",
      "Contrarian view:",
      "Outlook:",
      "Events",
      "investment · AMZN → OpenAI · $50 billion",
      "Entities",
      "OpenAI (private company; listed proxies MSFT, AMZN; 4 mentions)",
      "Sentiment: +0.10 mixed",
    ];
    let at = -1;
    for (const piece of order) {
      const i = text.indexOf(piece, at + 1);
      expect(i, `"${piece}" after position ${at}`).toBeGreaterThan(at);
      at = i;
    }
  });

  it("shows every driver with its signed contribution and keeps lines within 100 columns", () => {
    const e = seedEnrichment();
    const text = renderTextReport(e);
    for (const d of e.impact.drivers) expect(text).toContain(`${d.contribution >= 0 ? "+" : "−"}${Math.abs(d.contribution).toFixed(3)}  ${d.detail}`);
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("says so when nothing was linked", () => {
    const e = { ...seedEnrichment(), tickers: [], entities: [], events: [], topics: [] };
    const text = renderTextReport(e);
    expect(text).toContain("Tickers: none linked");
    expect(text).toContain("Categories: none");
    expect(text).toContain("Events: none found");
  });

  it("wraps words", () => {
    expect(wrap("aa bb cc", 5, "")).toBe("aa bb\ncc");
  });
});
