import { describe, expect, it } from "vitest";
import { SentimentSchema } from "../../contract/enrichment.ts";
import { normalize } from "../normalize/normalize.ts";
import { linkedFrom, stageReference } from "../events/cases/cases.ts";
import { labelOf, sentiment } from "./sentiment.ts";
import { sentenceScores, squash } from "./score.ts";

const ref = stageReference();
const none = { tickers: [], entities: [] };
const doc = (title: string, body = "") => normalize({ title, body });
const score = (title: string, body = "") => sentiment(doc(title, body), ref, none).article;
const sentence = (text: string) => sentenceScores(doc(text), ref.lexicon).scores[0]!;

describe("sentence sentiment", () => {
  it("reads finance words and phrases", () => {
    expect(sentence("Apple beat estimates")).toBeGreaterThan(0.4);
    expect(sentence("Apple missed estimates")).toBeLessThan(-0.4);
    expect(sentence("Nike raised guidance")).toBeGreaterThan(0.4);
    expect(sentence("Target cut its forecast")).toBeLessThan(-0.4);
    expect(sentence("Morgan Stanley downgraded the stock")).toBeLessThan(0);
    expect(sentence("The company posted record revenue")).toBeGreaterThan(0.4);
    expect(sentence("The retailer announced layoffs")).toBeLessThan(0);
    expect(sentence("The board met on Tuesday in Chicago")).toBe(0);
  });

  it("flips and damps negated phrases", () => {
    expect(sentence("Apple did not beat estimates")).toBeLessThan(0);
    expect(sentence("Results were not disappointing")).toBeGreaterThan(0);
    expect(Math.abs(sentence("Apple did not beat estimates"))).toBeLessThan(Math.abs(sentence("Apple beat estimates")));
    expect(sentence("The drug failed to win approval")).toBeLessThan(0);
  });

  it("strengthens with intensifiers before or after and weakens with diminishers", () => {
    expect(sentence("Shares fell sharply")).toBeLessThan(sentence("Shares fell"));
    expect(sentence("Revenue was very strong")).toBeGreaterThan(sentence("Revenue was strong"));
    expect(sentence("Margins improved slightly")).toBeLessThanOrEqual(sentence("Margins improved"));
    expect(sentence("Sales were slightly weak")).toBeGreaterThan(sentence("Sales were weak"));
  });

  it("scales price moves by their percentage and needs one for up/down", () => {
    expect(sentence("Shares fell 15%")).toBeLessThan(sentence("Shares fell 1%"));
    expect(sentence("Shares fell 15%")).toBeLessThan(sentence("Shares fell"));
    expect(sentence("The stock was up 6%")).toBeGreaterThan(0);
    expect(sentence("The stock was down 6% in early trading")).toBeLessThan(0);
    expect(sentence("The chief executive stepped down")).toBeGreaterThanOrEqual(-0.3);
    expect(sentence("He wrote it down")).toBe(0);
  });

  it("squashes raw sums into -1..1", () => {
    expect(squash(0)).toBe(0);
    expect(squash(100)).toBeLessThanOrEqual(1);
    expect(squash(-100)).toBeGreaterThanOrEqual(-1);
    expect(squash(2)).toBeCloseTo(-squash(-2));
  });
});

describe("article sentiment", () => {
  it("labels clear positive and negative stories", () => {
    const pos = score("Apple beats estimates and raises guidance", "Revenue hit a record. Shares jumped 6%.");
    expect(pos.label).toBe("positive");
    expect(pos.score).toBeGreaterThan(0.4);
    const neg = score("Intel misses and slashes its forecast", "Shares plunged 14%. Analysts downgraded the stock.");
    expect(neg.label).toBe("negative");
    expect(neg.score).toBeLessThan(-0.4);
    for (const s of [pos, neg]) expect(SentimentSchema.parse(s)).toEqual(s);
  });

  it("is neutral with no coverage for a story without sentiment words", () => {
    const s = score("The board will meet in Chicago", "The meeting starts at noon. Directors will travel by train.");
    expect(s).toEqual({ score: 0, label: "neutral", coverage: 0 });
  });

  it("calls a story with strong news both ways mixed", () => {
    const s = score("Results mixed", "Revenue beat estimates and hit a record. Profit missed estimates badly and margins collapsed.");
    expect(s.label).toBe("mixed");
    expect(labelOf(0.02, 3, 2.6)).toBe("mixed");
    expect(labelOf(0.3, 3, 0.2)).toBe("positive");
    expect(labelOf(0.01, 0.1, 0.05)).toBe("neutral");
  });

  it("weighs the title more than a body sentence", () => {
    const a = score("Apple beat estimates", "The stock fell.");
    const b = score("The stock fell", "Apple beat estimates.");
    expect(a.score).toBeGreaterThan(b.score);
  });

  it("reports coverage as the share of sentences with sentiment", () => {
    const s = score("Apple beat estimates", "The meeting was in May. It rained. Shares jumped 5%.");
    expect(s.coverage).toBe(0.5);
  });
});

describe("per-ticker sentiment", () => {
  it("scores each ticker from the sentences that mention it", () => {
    const d = doc("Apple rallies", "Apple beat estimates and shares jumped 7%. Intel warned of weak demand and its shares plunged 12%. Analysts met in New York.");
    const r = sentiment(d, ref, linkedFrom(d, { AAPL: ["Apple"], INTC: ["Intel"] }));
    expect(r.byTicker.AAPL).toBeGreaterThan(0.3);
    expect(r.byTicker.INTC).toBeLessThan(-0.3);
  });

  it("splits a sentence naming two tickers into clauses", () => {
    const d = doc("Chipmakers diverge", "Nvidia beat estimates and raised its outlook, while AMD missed estimates and cut its forecast.");
    const r = sentiment(d, ref, linkedFrom(d, { NVDA: ["Nvidia"], AMD: ["AMD"] }));
    expect(r.byTicker.NVDA).toBeGreaterThan(0.3);
    expect(r.byTicker.AMD).toBeLessThan(-0.3);
  });

  it("gives 0 to a ticker only named in neutral sentences and ignores no-mention tickers", () => {
    const d = doc("Markets", "Costco opened a store in Ohio. Shares of Apple plunged 9%.");
    const linked = linkedFrom(d, { COST: ["Costco"], AAPL: ["Apple"], MSFT: ["Microsoft"] });
    const r = sentiment(d, ref, linked);
    expect(r.byTicker.COST).toBe(0);
    expect(r.byTicker.AAPL).toBeLessThan(0);
    expect(r.byTicker.MSFT).toBe(0);
  });
});

describe("per-ticker sentiment of a symbol listed twice", () => {
  it("counts it once, from its last listing's mentions, in its first place", () => {
    const d = doc("Markets", "Apple beat estimates. Costco opened a store. The company cut its forecast. Apple shares plunged 9%.");
    const a = linkedFrom(d, { AAPL: ["Apple"], COST: ["Costco"] });
    const [apple, costco] = a.tickers as [(typeof a.tickers)[0], (typeof a.tickers)[0]];
    const later = { ...apple, mentions: apple.mentions.slice(1) };
    const r = sentiment(d, ref, { ...a, tickers: [apple, costco, later] }).byTicker;
    expect(Object.keys(r)).toEqual(["AAPL", "COST"]);
    expect(r.AAPL).toBe(sentiment(d, ref, { ...a, tickers: [later, costco] }).byTicker.AAPL);
    expect(r.AAPL).toBeLessThan(0);
    expect(r.COST).toBeLessThan(0);
  });
});

describe("sentiment with events", () => {
  it("counts an event's polarity where no lexicon phrase spans its words", () => {
    const d = doc("Caterpillar upped its annual sales and profit outlook", "The Deerfield company said demand held up.");
    const linked = linkedFrom(d, { CAT: ["Caterpillar"] });
    const r = sentiment(d, ref, linked);
    expect(sentenceScores(d, ref.lexicon).scores[0]).toBe(0); // the lexicon alone sees nothing in the title
    expect(r.byTicker.CAT).toBeGreaterThan(0.2);
    expect(r.article.label).toBe("positive");
  });

  it("attributes 'The company …' sentences to the ticker named before", () => {
    const d = doc("Update", "Walmart opened a store in Ohio. The company cut its full-year forecast and its shares plunged 8%.");
    const r = sentiment(d, ref, linkedFrom(d, { WMT: ["Walmart"] }));
    expect(r.byTicker.WMT).toBeLessThan(-0.2);
  });
});

describe("sentiment about targets", () => {
  it("does not give the broker the tone of its downgrade", () => {
    const d = doc("Note", "Morgan Stanley downgraded Nike to equal-weight from overweight, citing weak demand.");
    const r = sentiment(d, ref, linkedFrom(d, { NKE: ["Nike"], MS: ["Morgan Stanley"] }));
    expect(r.byTicker.NKE).toBeLessThan(-0.2);
    expect(r.byTicker.MS).toBe(0);
  });
});

describe("sentiment of cause and effect", () => {
  it("reads what a move does to a company, not the move's own word", () => {
    expect(sentence("A weaker dollar tends to help exporters such as Apple")).toBeGreaterThan(0);
    expect(sentence("Higher tariffs weighed on the carmaker's margins")).toBeLessThan(0);
  });
});
