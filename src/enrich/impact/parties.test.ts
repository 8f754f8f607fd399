import { describe, expect, it } from "vitest";
import { normalize } from "../normalize/normalize.ts";
import { event, findings, ticker } from "../analyze/findings.fixture.ts";
import { joinAnd, partySignals } from "./parties.ts";

describe("partySignals", () => {
  const doc = normalize({
    title: "OpenAI moves toward Amazon",
    body: "The restructuring ends Microsoft's exclusive license to OpenAI IP. Amazon will invest $50 billion in OpenAI. Analysts were upbeat. Shares rose. Volumes were high. Years ago, Amazon was sued over a warehouse.",
  });
  const msft = ticker(doc, "MSFT", "MICROSOFT CORP", ["Microsoft"], { sentiment: 0.14 });
  const amzn = ticker(doc, "AMZN", "AMAZON COM INC", ["Amazon"], { sentiment: 0.1 });
  const restructured = event(doc, "partnership", "The restructuring ends Microsoft's exclusive license to OpenAI IP.", { subtype: "restructured", actor: "MSFT", target: "OpenAI" });
  const invest = event(doc, "investment", "Amazon will invest $50 billion in OpenAI.", { actor: "AMZN", target: "OpenAI", polarity: "positive" });
  const oldSuit = event(doc, "lawsuit", "Years ago, Amazon was sued over a warehouse.", { target: "AMZN", polarity: "negative" });

  it("makes the party that loses exclusivity a loser even with mildly positive tone", () => {
    const s = partySignals(findings({ linked: { tickers: [msft, amzn], entities: [] }, events: [restructured, invest] }), doc);
    expect(s.get("MSFT")!.signal).toBeLessThanOrEqual(-0.15);
    expect(s.get("MSFT")!.why).toEqual(["it loses an exclusive position as its partnership is reworked"]);
    expect(s.get("AMZN")!.signal).toBeGreaterThanOrEqual(0.15);
    expect(s.get("AMZN")!.why).toEqual(["it is making the investment"]);
  });

  it("lets background events barely count and gives no reason for them", () => {
    const s = partySignals(findings({ linked: { tickers: [amzn], entities: [] }, events: [oldSuit] }), doc);
    expect(s.get("AMZN")!.signal).toBeCloseTo(0.1 - 0.3 * 0.04, 6);
    expect(s.get("AMZN")!.why).toEqual([]);
  });

  it("joins reasons readably", () => {
    expect(joinAnd(["a", "b", "c"])).toBe("a, b and c");
    expect(joinAnd(["a"])).toBe("a");
  });
});
