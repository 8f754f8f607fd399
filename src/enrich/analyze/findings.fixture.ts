/**
 * Hand-built findings for the unit tests of the impact, summarize, analyze and report stages, so that
 * they can be tested without the linking/classify/sentiment/events stages.
 */
import type { EnrichEvent, Entity, Mention, TickerLink, Topic } from "../../contract/enrichment.ts";
import type { Findings } from "../findings.ts";
import { normalize, type Doc } from "../normalize/normalize.ts";

/** Every occurrence of `word` in `doc.text` as mentions. */
export function mentionsOf(doc: Doc, word: string): Mention[] {
  const out: Mention[] = [];
  for (let i = doc.text.indexOf(word); i >= 0; i = doc.text.indexOf(word, i + word.length)) out.push({ text: word, start: i, end: i + word.length });
  return out;
}

export function ticker(doc: Doc, symbol: string, name: string, words: string[], extra: Partial<TickerLink> = {}): TickerLink {
  const mentions = words.flatMap((w) => mentionsOf(doc, w)).sort((a, b) => a.start - b.start);
  return { symbol, name, exchange: "Nasdaq", relevance: 0.8, role: "subject", sentiment: 0, mentions, reason: `${words.join(", ")} (test)`, ...extra };
}

export function entity(doc: Doc, name: string, type: Entity["type"], extra: Partial<Entity> = {}): Entity {
  return { name, type, mentions: mentionsOf(doc, name), salience: 0.7, ...extra };
}

export function event(doc: Doc, type: EnrichEvent["type"], evidence: string, extra: Partial<EnrichEvent> = {}): EnrichEvent {
  const start = Math.max(0, doc.text.indexOf(evidence));
  return { type, actor: null, target: null, figures: [], polarity: "neutral", confidence: 0.8, evidence: { text: evidence, start, end: start + evidence.length }, ...extra };
}

export function topic(id: string, label: string, score = 0.7): Topic {
  return { id, label, score };
}

export function findings(over: Partial<Findings> = {}): Findings {
  return {
    linked: { tickers: [], entities: [] },
    topics: [],
    sentiment: { article: { score: 0, label: "neutral", coverage: 0 }, byTicker: {} },
    events: [],
    story: { id: "story:test", size: 1, firstSeenAt: null, novelty: 1 },
    ...over,
  };
}

export const SEED_LIKE = {
  title: "OpenAI's subtle drift from Microsoft has become an aggressive move toward Amazon",
  body:
    "OpenAI is expanding its cloud and model distribution beyond Microsoft, including a disclosed $38 billion AWS commitment, a separate $50 billion Amazon investment plan, and a $100 billion increase in AWS spending. " +
    "The latest restructuring ends Microsoft's exclusive license to OpenAI IP, ends revenue-share payments, and removes Microsoft as the sole cloud provider for third-party API products. " +
    "The article frames the changes as a significant but complex reset in the Microsoft-OpenAI relationship, with both companies still dependent on each other for compute and model access.\n\n" +
    "In the near term, AWS gains incremental relevance in AI infrastructure, while Microsoft loses some exclusivity premium. Analysts said the shift was a risk for Azure margins.",
};

/** The seed-like article with AMZN (positive) and MSFT (negative) linked and an investment event. */
export function seedLike(): { doc: Doc; findings: Findings } {
  const doc = normalize(SEED_LIKE);
  const amzn = ticker(doc, "AMZN", "AMAZON COM INC", ["Amazon", "AWS"], { relevance: 0.85, role: "proxy", sentiment: 0.4 });
  const msft = ticker(doc, "MSFT", "MICROSOFT CORP", ["Microsoft", "Azure"], { relevance: 0.8, role: "proxy", sentiment: -0.3 });
  const openai = entity(doc, "OpenAI", "private_company", { proxies: ["MSFT", "AMZN"] });
  const inv = event(doc, "investment", "a separate $50 billion Amazon investment plan", {
    actor: "AMZN",
    target: "OpenAI",
    polarity: "positive",
    amount: { value: 5e10, currency: "USD", text: "$50 billion" },
  });
  const f = findings({
    linked: { tickers: [amzn, msft], entities: [openai] },
    topics: [topic("artificial-intelligence", "Artificial Intelligence", 0.9), topic("technology-innovation", "Technology & Innovation", 0.8)],
    sentiment: { article: { score: 0.1, label: "mixed", coverage: 0.5 }, byTicker: { AMZN: 0.4, MSFT: -0.3 } },
    events: [inv],
  });
  return { doc, findings: f };
}
