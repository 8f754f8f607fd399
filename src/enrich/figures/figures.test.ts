import { describe, expect, it } from "vitest";
import { AmountSchema } from "../../contract/enrichment.ts";
import { figureInSource, figuresMatch, findFigures, formatFigure, parseFigure, toAmount } from "./figures.ts";

const one = (s: string) => {
  const f = parseFigure(s);
  if (!f) throw new Error(`no figure in ${s}`);
  return { value: f.value, kind: f.kind, currency: f.currency, unit: f.unit, text: f.text };
};

describe("findFigures: money", () => {
  it.each([
    ["$38 billion", 38e9, "USD"],
    ["$38B", 38e9, "USD"],
    ["US$38bn", 38e9, "USD"],
    ["USD 38 billion", 38e9, "USD"],
    ["38 billion dollars", 38e9, "USD"],
    ["€1.2bn", 1.2e9, "EUR"],
    ["£300m", 3e8, "GBP"],
    ["$2.5 trillion", 2.5e12, "USD"],
    ["C$450 million", 4.5e8, "CAD"],
    ["3 billion euros", 3e9, "EUR"],
    ["$1,250,000", 1_250_000, "USD"],
    ["$20k", 20_000, "USD"],
  ])("%s = %d %s", (text, value, currency) => {
    const f = one(text);
    expect(f.kind).toBe("money");
    expect(f.value).toBeCloseTo(value, 0);
    expect(f.currency).toBe(currency);
    expect(f.text).toBe(text);
  });

  it("reads per-share amounts, including cents", () => {
    expect(one("$1.23 a share")).toMatchObject({ value: 1.23, currency: "USD", unit: "per_share" });
    expect(one("$1.23 per diluted share")).toMatchObject({ value: 1.23, unit: "per_share" });
    expect(one("98 cents per share")).toMatchObject({ value: 0.98, currency: "USD", unit: "per_share" });
    expect(one("45 cents")).toMatchObject({ value: 0.45, currency: "USD", kind: "money" });
    expect(one("$1.23 a share").unit).toBe("per_share");
  });
});

describe("findFigures: percentages, basis points, counts", () => {
  it("reads percent forms and basis points", () => {
    expect(one("12%")).toMatchObject({ value: 12, kind: "percent", unit: "percent" });
    expect(one("3.5 percent")).toMatchObject({ value: 3.5, kind: "percent" });
    expect(one("4 per cent")).toMatchObject({ value: 4, kind: "percent" });
    expect(one("2.5 percentage points")).toMatchObject({ value: 2.5, kind: "percent", unit: "pp" });
    expect(one("250 bps")).toMatchObject({ value: 250, kind: "bps", unit: "bps" });
    expect(one("25bp")).toMatchObject({ value: 25, kind: "bps" });
    expect(one("75 basis points")).toMatchObject({ value: 75, kind: "bps" });
  });

  it("reads signs only when the minus is not a hyphen", () => {
    expect(one("-3%").value).toBe(-3);
    expect(one("(−2.5%)").value).toBe(-2.5);
    const r = findFigures("guidance of $1.20-$1.25 per share");
    expect(r.map((f) => f.value)).toEqual([1.2, 1.25]);
    expect(r.every((f) => f.unit === "per_share")).toBe(true);
  });

  it("gives counts their unit and includes the noun", () => {
    expect(one("1,200 jobs")).toMatchObject({ value: 1200, kind: "count", unit: "people", text: "1,200 jobs" });
    expect(one("10,000 full-time employees")).toMatchObject({ value: 10_000, unit: "people" });
    expect(one("10 million shares")).toMatchObject({ value: 1e7, kind: "count", unit: "shares" });
    expect(one("1.2 billion users")).toMatchObject({ value: 1.2e9, unit: "users" });
    expect(one("2024 and years").kind).toBe("year");
  });

  it("does not read tickers, quarters or form names as scaled money", () => {
    const figs = findFigures("In Q3 the 10-K showed 5G sales; 10K filings; the 737 MAX");
    expect(figs.map((f) => f.text)).toEqual(["10", "10", "737"]);
    expect(figs.every((f) => f.kind === "number")).toBe(true);
  });

  it("lets a range take the scale of its second end", () => {
    const [a, b] = findFigures("a deal worth between $5 and $6 billion");
    expect(a!.value).toBe(5e9);
    expect(b!.value).toBe(6e9);
    const [c] = findFigures("7 to 8 percent");
    expect(c).toMatchObject({ value: 7, kind: "percent" });
  });
});

describe("findFigures: spans and offsets", () => {
  const text = "Amazon will invest $50 billion. Microsoft cut 1,200 jobs, or 3% of staff.";
  it("returns offsets into the text", () => {
    for (const f of findFigures(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
  it("restricts to a span", () => {
    const start = text.indexOf("Microsoft");
    expect(findFigures(text, { start, end: text.length }).map((f) => f.text)).toEqual(["1,200 jobs", "3%"]);
    expect(findFigures(text, { start: 0, end: start }).map((f) => f.text)).toEqual(["$50 billion"]);
  });
  it("finds the seed's three dollar figures", () => {
    const seed = "including a disclosed $38 billion AWS commitment, a separate $50 billion Amazon investment plan, and a $100 billion increase in AWS spending.";
    expect(findFigures(seed).map((f) => f.value)).toEqual([38e9, 50e9, 100e9]);
  });
});

describe("findFigures: spans of long texts", () => {
  const gap = "Shares of the company were little changed in quiet trading ahead of the holiday. ".repeat(5);
  const text = `Revenue rose 12% to $5 billion. ${gap}It plans to hire 1,200 workers and cut costs by $300 million. ${gap}Done.`;

  it("finds the same figures in a long text as sentence by sentence", () => {
    const whole = findFigures(text).map((f) => [f.text, f.start]);
    expect(whole).toEqual([["12%", 13], ["$5 billion", 20], ["1,200 workers", text.indexOf("1,200")], ["$300 million", text.indexOf("$300")]]);
    const bySentence = [...text.matchAll(/[^.]+\./g)].flatMap((m) => findFigures(text, { start: m.index, end: m.index + m[0].length })).map((f) => [f.text, f.start]);
    expect(bySentence).toEqual(whole);
  });

  it("stops at the span's end when the next digit lies far beyond it", () => {
    const start = text.indexOf("Shares");
    expect(findFigures(text, { start, end: start + gap.length })).toEqual([]);
    expect(findFigures(text, { start, end: text.indexOf("1,200") })).toEqual([]);
    // (a count reads its noun even past the end, as it always has)
    expect(findFigures(text, { start, end: text.indexOf(" workers") }).map((f) => f.text)).toEqual(["1,200 workers"]);
    expect(findFigures(text, { start: 0, end: text.indexOf("1,200") - 1 }).map((f) => f.text)).toEqual(["12%", "$5 billion"]);
    expect(findFigures(text, { start: 0, end: text.indexOf("5 billion") + 1 }).map((f) => f.text)).toEqual(["12%"]);
  });
});

describe("figure helpers", () => {
  it("matches equal figures across notations and allows rounding", () => {
    expect(figuresMatch(parseFigure("$38B")!, parseFigure("$38 billion")!)).toBe(true);
    expect(figuresMatch(parseFigure("$38.2 billion")!, parseFigure("$38 billion")!)).toBe(true);
    expect(figuresMatch(parseFigure("$38 billion")!, parseFigure("$50 billion")!)).toBe(false);
    expect(figuresMatch(parseFigure("€38 billion")!, parseFigure("$38 billion")!)).toBe(false);
    expect(figuresMatch(parseFigure("12%")!, parseFigure("$12")!)).toBe(false);
    expect(figureInSource(parseFigure("$38B")!, findFigures("a $38 billion AWS commitment"))).toBe(true);
    expect(figureInSource(parseFigure("$39B")!, findFigures("a $38 billion AWS commitment"))).toBe(false);
  });

  it("formats compactly", () => {
    expect(formatFigure(parseFigure("$38 billion")!)).toBe("$38B");
    expect(formatFigure(parseFigure("€1.2bn")!)).toBe("€1.2B");
    expect(formatFigure(parseFigure("12%")!)).toBe("12%");
    expect(formatFigure(parseFigure("250 bps")!)).toBe("250 bps");
    expect(formatFigure(parseFigure("$1.23 a share")!)).toBe("$1.23/share");
    expect(formatFigure(parseFigure("1,200 jobs")!)).toBe("1,200 people");
  });

  it("converts to a contract Amount", () => {
    const a = toAmount(parseFigure("$1.23 a share")!);
    expect(AmountSchema.parse(a)).toEqual({ value: 1.23, currency: "USD", unit: "per_share", text: "$1.23 a share" });
  });
});
