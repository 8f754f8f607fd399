import { describe, expect, it } from "vitest";
import type { TickerLink } from "../contract/enrichment.ts";
import { findFigures } from "../enrich/figures/figures.ts";
import { assertFiguresFound, inventedFigures, linkedSides } from "./checks.ts";

const SOURCE = findFigures(
  "OpenAI disclosed a $38 billion AWS commitment, a $50 billion Amazon investment plan and a $100 billion increase. Shares rose 4.2% in 2025; 1,200 jobs go.",
);
const texts = (s: string) => inventedFigures(s, SOURCE, "summary").map((f) => f.text);

describe("inventedFigures", () => {
  it("finds a figure written differently from the source: $38B = $38 billion = US$38bn = 38e9", () => {
    expect(texts("A $38B commitment, a US$50bn plan, $100 billion more.")).toEqual([]);
    expect(texts("Shares rose 4.2 percent; 1,200 jobs are cut.")).toEqual([]);
  });

  it("allows rounding of the shorter figure, not a different figure", () => {
    expect(texts("Shares rose about 4%.")).toEqual(["4%"]);
    expect(texts("Shares rose 4.2%.")).toEqual([]);
    expect(texts("A $39 billion commitment.")).toEqual(["$39 billion"]);
  });

  it("names sums, conversions and new years as invented in a summary", () => {
    expect(texts("A combined $88 billion.")).toEqual(["$88 billion"]);
    expect(texts("A €38 billion commitment.")).toEqual(["€38 billion"]);
    expect(texts("Announced in 2026.")).toEqual(["2026"]);
    expect(texts("Announced in 2025.")).toEqual([]);
  });

  it("lets the analysis look ahead in years and time spans, not in money or percentages", () => {
    const a = (s: string) => inventedFigures(s, SOURCE, "analysis").map((f) => f.text);
    expect(a("Over the next 12-24 months, into 2027, in 3 steps.")).toEqual([]);
    expect(a("Azure may lose 15% of AI revenue, worth $5 billion, or 250 bps of margin.")).toEqual(["15%", "$5 billion", "250 bps"]);
  });
});

describe("assertFiguresFound", () => {
  it("passes clean texts and throws LLM_INVENTED_FIGURE with where and which", () => {
    expect(() => assertFiguresFound("A $38B deal.", ["Over 12-24 months."], SOURCE)).not.toThrow();
    expect(() => assertFiguresFound("A $88B deal.", [], SOURCE)).toThrow(/summary writes "\$88B"/);
    try {
      assertFiguresFound("A $38B deal.", ["Fine.", "Margins fall 3%."], SOURCE);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "LLM_INVENTED_FIGURE", detail: { figures: ["3%"], where: "analysis" } });
    }
  });
});

describe("linkedSides", () => {
  const t = (symbol: string, name: string): TickerLink => ({ symbol, name, exchange: "Nasdaq", relevance: 0.8, role: "subject", sentiment: 0, mentions: [], reason: "test" });
  const tickers = [t("AMZN", "Amazon"), t("MSFT", "Microsoft Corporation"), t("BRK.B", "Berkshire Hathaway")];

  it("keeps linked symbols, in any case or with a $ or exchange prefix, and maps linked names", () => {
    expect(linkedSides(["amzn", "$AMZN", "NASDAQ:MSFT"], ["Berkshire Hathaway", "Microsoft"], tickers)).toEqual({
      winners: ["AMZN"],
      losers: ["BRK.B"],
      dropped: ["winners and losers: MSFT (on both sides)"],
    });
    expect(linkedSides(["brk.b"], [], tickers).winners).toEqual(["BRK.B"]);
  });

  it("drops symbols that are not linked, and short names that could be anything", () => {
    expect(linkedSides(["NVDA", "Am"], ["OpenAI"], tickers)).toEqual({
      winners: [],
      losers: [],
      dropped: ["winners: NVDA (not a linked ticker)", "winners: Am (not a linked ticker)", "losers: OpenAI (not a linked ticker)"],
    });
  });
});
