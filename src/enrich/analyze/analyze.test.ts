import { describe, expect, it } from "vitest";
import { AnalysisSchema, EventTypeSchema, type Analysis } from "../../contract/enrichment.ts";
import type { Reference } from "../../reference/reference.ts";
import { ENGINE_VERSION } from "../../core/version.ts";
import { normalize, type Doc } from "../normalize/normalize.ts";
import { findFigures, figureInSource } from "../figures/figures.ts";
import { scoreImpact } from "../impact/impact.ts";
import type { Findings } from "../findings.ts";
import { event, findings, seedLike, ticker } from "./findings.fixture.ts";
import { displayName, poss, tidyName } from "./context.ts";
import { analyze } from "./analyze.ts";

const ref = {} as Reference;

function run(doc: Doc, f: Findings): Analysis {
  const impact = scoreImpact(doc, ref, f);
  return analyze(doc, ref, { ...f, impact, summary: "" });
}

function allText(a: Analysis): string {
  return [a.takeaway, ...a.sections.flatMap((s) => [s.heading, s.text]), ...a.risks, a.contrarian, a.outlook].join("\n");
}

/** Every figure the analysis writes must be found in the article. */
function expectNoInventedFigures(a: Analysis, doc: Doc): void {
  const source = findFigures(doc.text);
  for (const fig of findFigures(allText(a))) {
    if (fig.kind === "number" || fig.kind === "year") continue;
    expect(figureInSource(fig, source), `invented figure ${fig.text}`).toBe(true);
  }
}

describe("analyze", () => {
  it("writes the seed-like note: takeaway, ≥3 sections, contrarian, AMZN wins and MSFT loses", () => {
    const { doc, findings: f } = seedLike();
    const a = run(doc, f);
    expect(AnalysisSchema.safeParse(a).success).toBe(true);
    expect(a.generator).toBe(`heuristic@${ENGINE_VERSION}`);
    expect(a.takeaway).toMatch(/Amazon \(AMZN\).*\$50 billion.*OpenAI/);
    expect(a.sections.length).toBeGreaterThanOrEqual(3);
    expect(a.sections.map((s) => s.heading)).toContain("Who gains and who loses");
    expect(a.contrarian).toMatch(/^The contrarian view/);
    expect(a.winners).toEqual(["AMZN"]);
    expect(a.losers).toEqual(["MSFT"]);
    expect(a.sections.find((s) => s.heading === "Who gains and who loses")!.text).toMatch(/listed proxy for OpenAI/);
    expect(a.risks.some((r) => r.startsWith("For Microsoft (MSFT)"))).toBe(true);
    expect(a.outlook).toMatch(/watch/);
    expectNoInventedFigures(a, doc);
  });

  it("is deterministic", () => {
    const { doc, findings: f } = seedLike();
    expect(run(doc, f)).toEqual(run(doc, f));
  });

  it("makes the takeover target the winner and words the note as a deal", () => {
    const doc = normalize({ title: "Pfizer to buy Seagen", body: "Pfizer agreed to buy Seagen for $229 a share, a 33% premium." });
    const f = findings({
      linked: {
        tickers: [ticker(doc, "SGEN", "Seagen Inc.", ["Seagen"], { relevance: 0.9 }), ticker(doc, "PFE", "PFIZER INC", ["Pfizer"], { relevance: 0.8, role: "counterparty" })],
        entities: [],
      },
      events: [
        event(doc, "merger_acquisition", "Pfizer agreed to buy Seagen for $229 a share, a 33% premium.", {
          actor: "PFE",
          target: "SGEN",
          polarity: "positive",
          amount: { value: 229, currency: "USD", unit: "per_share", text: "$229 a share" },
          figures: [{ name: "premium", value: 33, unit: "percent", text: "33%" }],
        }),
      ],
    });
    const a = run(doc, f);
    expect(a.winners).toEqual(["SGEN"]);
    expect(a.takeaway).toMatch(/Seagen \(SGEN\) now trades on the deal \(\$229 a share\)/);
    expectNoInventedFigures(a, doc);
  });

  it("has a template for every event type and never invents figures", () => {
    const doc = normalize({ title: "Acme news", body: "Acme Corp said on Monday that something happened worth $12 million and 5% of sales." });
    const acme = ticker(doc, "ACME", "ACME CORP", ["Acme"], { relevance: 0.9, sentiment: -0.2 });
    const takeaways = new Set<string>();
    for (const type of EventTypeSchema.options) {
      const e = event(doc, type, "something happened worth $12 million", { actor: "ACME", polarity: "negative", amount: { value: 12e6, currency: "USD", text: "$12 million" } });
      const a = run(doc, findings({ linked: { tickers: [acme], entities: [] }, events: [e] }));
      expect(AnalysisSchema.safeParse(a).success, type).toBe(true);
      expect(a.sections.length).toBeGreaterThanOrEqual(3);
      expect(a.contrarian.length).toBeGreaterThan(20);
      expectNoInventedFigures(a, doc);
      takeaways.add(a.takeaway);
    }
    expect(takeaways.size).toBeGreaterThanOrEqual(15);
  });

  it("falls back to a context note when nothing was found", () => {
    const doc = normalize({ title: "Snow in Denver", body: "Heavy snow fell on Denver on Tuesday, closing schools." });
    const a = run(doc, findings());
    expect(a.takeaway).toMatch(/names no listed company and no market-wide event/);
    expect(a.outlook).toBe("No market catalyst to watch.");
    expect(a.risks).toEqual([]);
    expect(a.winners).toEqual([]);
    expect(a.losers).toEqual([]);
    expect(AnalysisSchema.safeParse(a).success).toBe(true);
  });

  it("writes a context note for company news without an event", () => {
    const doc = normalize({ title: "Inside Costco's warehouse culture", body: "Costco employees describe a culture of long tenure and promotion from within." });
    const a = run(doc, findings({ linked: { tickers: [ticker(doc, "COST", "COSTCO WHOLESALE CORP", ["Costco"])], entities: [] } }));
    expect(a.takeaway).toMatch(/adds context on Costco \(COST\) rather than a discrete event/);
    expect(a.sections[0]!.text).toMatch(/^The expected abnormal move is (negligible|small)/);
  });

  it("treats a private-company story without listed tickers as private-market news", () => {
    const doc = normalize({ title: "SpaceX tender values company at $400 billion", body: "SpaceX will buy back up to $1.25 billion of shares in a tender offer." });
    const spacex = { name: "SpaceX", type: "private_company" as const, mentions: [], salience: 0.9 };
    const buyback = event(doc, "buyback", "SpaceX will buy back up to $1.25 billion of shares in a tender offer.", { actor: "SpaceX", polarity: "positive" });
    const a = run(doc, findings({ linked: { tickers: [], entities: [spacex] }, events: [buyback] }));
    expect(a.takeaway).toMatch(/SpaceX is private/);
    expect(a.sections.find((x) => x.heading === "Who gains and who loses")!.text).toMatch(/^No listed company is named/);
    expectNoInventedFigures(a, doc);
  });

  it("words a contract award as new business and ignores background events for winners", () => {
    const doc = normalize({
      title: "Lockheed wins $11.8 billion F-35 contract",
      body: "Lockheed Martin has been awarded a contract worth up to $11.8 billion. Deliveries begin next year. The jets are built in Texas. Costs fell. Output rose. Years ago, Boeing lost a lawsuit over a rival program.",
    });
    const lmt = ticker(doc, "LMT", "LOCKHEED MARTIN CORP", ["Lockheed Martin", "Lockheed"], { relevance: 0.95 });
    const ba = ticker(doc, "BA", "BOEING CO", ["Boeing"], { relevance: 0.2, role: "mentioned" });
    const award = event(doc, "contract", "Lockheed Martin has been awarded a contract worth up to $11.8 billion.", { subtype: "award", actor: "LMT", polarity: "positive", amount: { value: 11.8e9, currency: "USD", text: "$11.8 billion" } });
    const old = event(doc, "lawsuit", "Years ago, Boeing lost a lawsuit over a rival program.", { target: "BA", polarity: "negative" });
    const a = run(doc, findings({ linked: { tickers: [lmt, ba], entities: [] }, events: [award, old] }));
    expect(a.takeaway, a.takeaway).toMatch(/Lockheed( Martin)? \(LMT\) has won new business worth \$11\.8 billion/);
    expect(a.winners).toEqual(["LMT"]);
    expect(a.losers).toEqual([]);
  });

  it("words a rating change with the broker, the move and the price target from the article", () => {
    const doc = normalize({ title: "Tesla downgraded", body: "Needham downgraded Tesla to underperform from hold. Needham set a price target of $280 on the shares." });
    const tsla = ticker(doc, "TSLA", "Tesla, Inc.", ["Tesla"], { relevance: 0.95, sentiment: -0.4 });
    const down = event(doc, "rating_change", "Needham downgraded Tesla to underperform from hold.", { subtype: "downgrade", actor: "Needham", target: "TSLA", from: "hold", to: "underperform", polarity: "negative" });
    const pt = event(doc, "price_target", "Needham set a price target of $280 on the shares.", { subtype: "set", actor: "Needham", target: "TSLA", amount: { value: 280, currency: "USD", text: "$280" } });
    const a = run(doc, findings({ linked: { tickers: [tsla], entities: [] }, events: [down, pt] }));
    expect(a.takeaway).toMatch(/^The key market takeaway is that Needham downgraded Tesla \(TSLA\) to underperform from hold, with a price target of \$280;/);
    expect(a.losers).toEqual(["TSLA"]);
    expectNoInventedFigures(a, doc);
  });

  it("names the incoming executive when the event gives one, never a title", () => {
    const doc = normalize({ title: "Disney names new CEO", body: "Walt Disney named Josh D'Amaro chief executive, succeeding Bob Iger." });
    const dis = ticker(doc, "DIS", "Walt Disney Co", ["Walt Disney"], { relevance: 0.95 });
    const named = event(doc, "executive_change", "Walt Disney named Josh D'Amaro chief executive, succeeding Bob Iger.", { subtype: "appointment", actor: "DIS", to: "Josh D'Amaro (ceo)" });
    expect(run(doc, findings({ linked: { tickers: [dis], entities: [] }, events: [named] })).takeaway).toMatch(/with Josh D'Amaro taking over/);
    const titleOnly = { ...named, to: "ceo" };
    expect(run(doc, findings({ linked: { tickers: [dis], entities: [] }, events: [titleOnly] })).takeaway).not.toMatch(/taking over/);
  });

  it("names companies the way the article does", () => {
    const doc = normalize({ title: "Amazon and AWS", body: "Amazon said AWS grew. Amazon's shares rose." });
    expect(displayName(ticker(doc, "AMZN", "AMAZON COM INC", ["Amazon", "AWS"]))).toBe("Amazon");
    expect(tidyName("AMAZON COM INC")).toBe("Amazon");
    expect(tidyName("Apple Inc.")).toBe("Apple");
    expect(poss("Amazon (AMZN)")).toBe("Amazon's (AMZN)");
  });
});
