import { describe, expect, it } from "vitest";
import { SentimentSchema } from "../../contract/enrichment.ts";
import { sentiment } from "./sentiment.ts";
import { loadCases, stageReference } from "../events/cases/cases.ts";

const ref = stageReference();

describe("sentiment on the scenario articles", () => {
  it.each(loadCases().map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const r = sentiment(c.doc, ref, c.linked);
    expect(SentimentSchema.parse(r.article)).toEqual(r.article);
    for (const t of c.linked.tickers) {
      expect(r.byTicker[t.symbol]).toBeGreaterThanOrEqual(-1);
      expect(r.byTicker[t.symbol]).toBeLessThanOrEqual(1);
    }
    const want = c.expected.sentiment;
    if (want?.label) expect(want.label.split("|"), `${c.name}: ${JSON.stringify(r.article)}`).toContain(r.article.label);
    for (const [symbol, sign] of Object.entries(want?.tickers ?? {})) {
      const v = r.byTicker[symbol] ?? 0;
      if (sign === "positive") expect(v, `${c.name} ${symbol}`).toBeGreaterThan(0.05);
      else expect(v, `${c.name} ${symbol}`).toBeLessThan(-0.05);
    }
  });
});
