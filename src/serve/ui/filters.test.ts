import { describe, expect, it } from "vitest";
import { filtersToSearch, parseFilters, toQuery } from "./filters.ts";

describe("feed filters", () => {
  it("reads tickers, topics, min impact, q and sort strictly", () => {
    const f = parseFilters({ tickers: "amzn, msft;drop table, BRK.B", topics: "earnings-guidance,<script>", minImpact: "0.45", q: " fed\u0000 rates ", sort: "impact" });
    expect(f).toEqual({ tickers: ["AMZN", "TABLE", "BRK.B"], topics: ["earnings-guidance"], minImpact: 0.45, q: "fed  rates", sort: "impact", cursor: null });
    expect(toQuery(f, 20)).toEqual({ sort: "impact", limit: 20, tickers: ["AMZN", "TABLE", "BRK.B"], topics: ["earnings-guidance"], minImpact: 0.45, q: "fed  rates" });
  });
  it("drops bad numbers and unknown sorts", () => {
    expect(parseFilters({ minImpact: "abc", sort: "random" })).toMatchObject({ minImpact: null, sort: "time" });
    expect(parseFilters({ minImpact: "7" }).minImpact).toBe(1);
    expect(parseFilters({}).tickers).toEqual([]);
  });
  it("round-trips through the query string", () => {
    const f = parseFilters({ tickers: "AMZN", minImpact: "0.4", q: "a&b", cursor: "c1" });
    expect(parseFilters(Object.fromEntries(new URLSearchParams(filtersToSearch(f, true))))).toEqual(f);
  });
});
