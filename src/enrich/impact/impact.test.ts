import { describe, expect, it } from "vitest";
import { ImpactSchema } from "../../contract/enrichment.ts";
import type { Reference } from "../../reference/reference.ts";
import { normalize } from "../normalize/normalize.ts";
import { event, findings, seedLike, ticker } from "../analyze/findings.fixture.ts";
import { daysToScore, prominence, rankEvents, scoreImpact } from "./impact.ts";
import { companyValueInText } from "./surprise.ts";

const ref = {} as Reference; // the impact stage reads no reference data

function sum(drivers: { contribution: number }[]): number {
  return drivers.reduce((s, d) => s + d.contribution, 0);
}

describe("scoreImpact", () => {
  it("maps two normal days to 0.5", () => {
    expect(daysToScore(2)).toBeCloseTo(0.5, 10);
    expect(daysToScore(0)).toBe(0);
  });

  it("scores the seed-like article in 0.25..0.65, mixed, with drivers that add up", () => {
    const { doc, findings: f } = seedLike();
    const impact = scoreImpact(doc, ref, f);
    expect(ImpactSchema.safeParse(impact).success).toBe(true);
    expect(impact.score).toBeGreaterThanOrEqual(0.25);
    expect(impact.score).toBeLessThanOrEqual(0.65);
    expect(Math.abs(sum(impact.drivers) - impact.score)).toBeLessThanOrEqual(0.001);
    expect(impact.direction).toBe("mixed");
    expect(impact.drivers.map((d) => d.factor)).toEqual(["event severity", "centrality", "surprise", "sentiment strength", "novelty"]);
    expect(impact.drivers[0]!.detail).toMatch(/strategic investment/);
  });

  it("gives a low score to a story with no ticker and no macro event", () => {
    const doc = normalize({ title: "Storm brings snow to the Rockies", body: "Heavy snow fell across Colorado on Tuesday." });
    const impact = scoreImpact(doc, ref, findings());
    expect(impact.score).toBeLessThan(0.1);
    expect(impact.direction).toBe("neutral");
    expect(ImpactSchema.safeParse(impact).success).toBe(true);
  });

  it("scores a takeover at a premium near 1 and routine product news low", () => {
    const doc = normalize({
      title: "Pfizer to buy Seagen for $229 a share",
      body: "Pfizer agreed to acquire Seagen for $229 a share in cash, a 33% premium to Friday's close. Separately, Apple launched a new color of iPhone case.",
    });
    const seagen = ticker(doc, "SGEN", "Seagen", ["Seagen"], { relevance: 0.95, role: "subject", sentiment: 0.6 });
    const takeover = event(doc, "merger_acquisition", "Pfizer agreed to acquire Seagen for $229 a share in cash, a 33% premium", {
      actor: "PFE",
      target: "SGEN",
      polarity: "positive",
      figures: [{ name: "premium", value: 33, unit: "percent", text: "33%" }],
    });
    const big = scoreImpact(doc, ref, findings({ linked: { tickers: [seagen], entities: [] }, events: [takeover] }));
    expect(big.score).toBeGreaterThan(0.9);
    expect(big.direction).toBe("positive");
    expect(big.drivers.find((d) => d.factor === "surprise")?.detail).toMatch(/33%/);

    const apple = ticker(doc, "AAPL", "Apple", ["Apple"], { relevance: 0.9 });
    const launch = event(doc, "product_launch", "Apple launched a new color of iPhone case", { actor: "AAPL" });
    const small = scoreImpact(doc, ref, findings({ linked: { tickers: [apple], entities: [] }, events: [launch] }));
    expect(small.score).toBeLessThan(0.2);
    expect(Math.abs(sum(small.drivers) - small.score)).toBeLessThanOrEqual(0.001);
  });

  it("uses the beat size as surprise and lowers the score for an old story", () => {
    const doc = normalize({ title: "Nvidia beats", body: "Nvidia earned $1.30 a share, above the $1.20 analysts expected." });
    const nvda = ticker(doc, "NVDA", "NVIDIA", ["Nvidia"], { relevance: 1, sentiment: 0.5 });
    const beat = event(doc, "earnings", "Nvidia earned $1.30 a share, above the $1.20 analysts expected.", {
      subtype: "beat",
      actor: "NVDA",
      polarity: "positive",
      figures: [
        { name: "eps_actual", value: 1.3, currency: "USD", text: "$1.30" },
        { name: "eps_estimate", value: 1.2, currency: "USD", text: "$1.20" },
      ],
    });
    const fresh = scoreImpact(doc, ref, findings({ linked: { tickers: [nvda], entities: [] }, events: [beat] }));
    expect(fresh.drivers.find((d) => d.factor === "surprise")?.detail).toMatch(/8\.3% off/);
    const old = scoreImpact(doc, ref, findings({ linked: { tickers: [nvda], entities: [] }, events: [beat], story: { id: "s", size: 9, firstSeenAt: null, novelty: 0.1 } }));
    expect(old.score).toBeLessThan(fresh.score / 2);
    expect(old.drivers.find((d) => d.factor === "novelty")!.contribution).toBeLessThan(0);
  });

  it("scores a rate decision without any ticker as market-wide", () => {
    const doc = normalize({ title: "Fed cuts rates by half a point", body: "The Federal Reserve cut its benchmark rate by 50 basis points." });
    const cut = event(doc, "rate_decision", "The Federal Reserve cut its benchmark rate by 50 basis points.", {
      subtype: "cut",
      actor: "Federal Reserve",
      polarity: "positive",
      figures: [{ name: "change", value: 50, unit: "bps", text: "50 basis points" }],
    });
    const impact = scoreImpact(doc, ref, findings({ events: [cut], sentiment: { article: { score: 0.3, label: "positive", coverage: 0.5 }, byTicker: {} } }));
    expect(impact.score).toBeGreaterThan(0.4);
    expect(impact.horizon).toBe("intraday");
    expect(impact.drivers[1]!.detail).toMatch(/market-wide/);
  });

  it("is deterministic and always sums within 0.001 over many random inputs", () => {
    const { doc, findings: f } = seedLike();
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 200; i++) {
      const t = f.linked.tickers.map((x) => ({ ...x, relevance: rnd(), sentiment: rnd() * 2 - 1 }));
      const g = { ...f, linked: { ...f.linked, tickers: t }, story: { ...f.story, novelty: rnd() } };
      const a = scoreImpact(doc, ref, g);
      expect(ImpactSchema.safeParse(a).success).toBe(true);
      expect(scoreImpact(doc, ref, g)).toEqual(a);
    }
  });

  it("reads a company's stated value from the text", () => {
    expect(companyValueInText("the company, which has a market value of about $12.5 billion, said")).toBe(12.5e9);
    expect(companyValueInText("no size here")).toBeNull();
  });
});

describe("guidance surprise", () => {
  it("compares the new range with the prior one", () => {
    const doc = normalize({ title: "Target cuts", body: "Target now expects $7.00 to $8.00 a share, down from $8.80 to $9.80." });
    const tgt = ticker(doc, "TGT", "TARGET CORP", ["Target"], { relevance: 0.9, sentiment: -0.4 });
    const cut = event(doc, "guidance", "Target now expects $7.00 to $8.00 a share, down from $8.80 to $9.80.", {
      subtype: "cut",
      actor: "TGT",
      polarity: "negative",
      figures: [
        { name: "guidance_new", value: 7, currency: "USD", unit: "per_share", text: "$7.00" },
        { name: "guidance_new", value: 8, currency: "USD", unit: "per_share", text: "$8.00" },
        { name: "guidance_prior", value: 8.8, currency: "USD", unit: "per_share", text: "$8.80" },
        { name: "guidance_prior", value: 9.8, currency: "USD", unit: "per_share", text: "$9.80" },
      ],
    });
    const impact = scoreImpact(doc, ref, findings({ linked: { tickers: [tgt], entities: [] }, events: [cut] }));
    expect(impact.drivers.find((d) => d.factor === "surprise")?.detail).toMatch(/19\.4% change/);
    expect(impact.drivers[0]!.detail).toMatch(/guidance cut/);
    expect(impact.direction).toBe("negative");
    expect(impact.score).toBeGreaterThan(0.7);
  });
});

describe("prominence", () => {
  it("counts the title and lead fully and background little, so background events do not drive the score", () => {
    const body = "Acme raised its outlook on Monday. Sales rose. Margins rose. Costs fell. Debt fell. Back in 2019, Acme agreed to be acquired at a premium before the deal collapsed.";
    const doc = normalize({ title: "Acme raises outlook", body });
    const lead = event(doc, "guidance", "Acme raised its outlook on Monday.", { subtype: "raise", actor: "ACME", polarity: "positive" });
    const old = event(doc, "merger_acquisition", "Back in 2019, Acme agreed to be acquired at a premium before the deal collapsed.", { actor: "X", target: "ACME", polarity: "positive" });
    expect(prominence(doc, lead)).toBe(1);
    expect(prominence(doc, old)).toBe(0.2);
    const acme = ticker(doc, "ACME", "ACME CORP", ["Acme"], { relevance: 0.9 });
    const ranked = rankEvents([old, lead], [acme], doc);
    expect(ranked[0]!.event.type).toBe("guidance");
  });
});

describe("size surprise", () => {
  it("compares a deal with the company's stated market value, and leaves buybacks without one alone", () => {
    const doc = normalize({ title: "Acme settles", body: "Acme, which has a market value of about $20 billion, agreed to pay $5 billion to settle the claims. Acme also approved a $3 billion buyback." });
    const acme = ticker(doc, "ACME", "ACME CORP", ["Acme"], { relevance: 0.9 });
    const settle = event(doc, "settlement", "Acme, which has a market value of about $20 billion, agreed to pay $5 billion to settle the claims.", {
      actor: "ACME",
      polarity: "negative",
      amount: { value: 5e9, currency: "USD", text: "$5 billion" },
    });
    const a = scoreImpact(doc, ref, findings({ linked: { tickers: [acme], entities: [] }, events: [settle] }));
    expect(a.drivers.find((d) => d.factor === "surprise")?.detail).toBe("$5 billion is 25% of the company's stated value");
    const buyback = event(doc, "buyback", "Acme also approved a $3 billion buyback.", { actor: "ACME", polarity: "positive", amount: { value: 3e9, currency: "USD", text: "$3 billion" } });
    const docNoValue = normalize({ title: "Acme buys back", body: "Acme also approved a $3 billion buyback." });
    const b = scoreImpact(docNoValue, ref, findings({ linked: { tickers: [acme], entities: [] }, events: [buyback] }));
    expect(b.drivers.some((d) => d.factor === "surprise")).toBe(false);
  });
});
