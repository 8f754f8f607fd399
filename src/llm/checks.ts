/**
 * The contract's rules applied to an LLM answer before it replaces the heuristic one:
 * - every figure in the summary is found in the article (DESIGN §2; "$38 billion" = "$38B" = 38e9);
 * - the analysis writes no money amount, percentage, basis points or count that the article lacks
 *   (years, time spans such as "12-24 months" and small bare numbers are allowed there: it looks ahead);
 * - winners and losers are linked tickers: other symbols are dropped, and a symbol in both lists is dropped.
 */
import type { TickerLink } from "../contract/enrichment.ts";
import { figureInSource, findFigures, type Figure } from "../enrich/figures/figures.ts";
import { llmError } from "./openai/errors.ts";

const TIME_UNITS = new Set(["months", "years", "weeks", "days"]);

/**
 * The figures of `text` not found among `source` figures. `scope` "summary" checks every figure; "analysis"
 * skips years, time spans and bare numbers below 1,000. Years and bare whole numbers must match exactly
 * (the shared 2% rounding tolerance would let 2026 pass for 2025).
 *
 * @example
 * inventedFigures("A $88 billion total.", findFigures("$38 billion and $50 billion"), "summary")[0].text // "$88 billion"
 */
export function inventedFigures(text: string, source: readonly Figure[], scope: "summary" | "analysis"): Figure[] {
  return findFigures(text).filter((f) => {
    if (scope === "analysis") {
      if (f.kind === "year") return false;
      if (f.kind === "count" && TIME_UNITS.has(f.unit ?? "")) return false;
      if (f.kind === "number" && Math.abs(f.value) < 1000) return false;
    }
    return !found(f, source);
  });
}

/** A year or a small whole number must be in the source exactly; other figures within the shared 2% rounding. */
function found(f: Figure, source: readonly Figure[]): boolean {
  const exact = f.kind === "year" || (f.kind === "number" && Number.isInteger(f.value) && Math.abs(f.value) < 10_000);
  if (!exact) return figureInSource(f, source);
  return source.some((s) => s.value === f.value && s.currency === undefined && s.kind !== "percent" && s.kind !== "bps");
}

/**
 * Throws LLM_INVENTED_FIGURE naming the first figure of the summary or analysis that the article lacks.
 *
 * @example
 * assertFiguresFound(answer.summary, analysisTexts(answer.analysis), findFigures(doc.text));
 */
export function assertFiguresFound(summary: string, analysisTexts: readonly string[], source: readonly Figure[]): void {
  const s = inventedFigures(summary, source, "summary");
  if (s.length) {
    throw llmError("LLM_INVENTED_FIGURE", `the summary writes ${s.map((f) => `"${f.text}"`).join(", ")}, not found in the article`, {
      detail: { figures: s.map((f) => f.text), where: "summary" },
    });
  }
  for (const t of analysisTexts) {
    const a = inventedFigures(t, source, "analysis");
    if (a.length) {
      throw llmError("LLM_INVENTED_FIGURE", `the analysis writes ${a.map((f) => `"${f.text}"`).join(", ")}, not found in the article`, {
        detail: { figures: a.map((f) => f.text), where: "analysis" },
      });
    }
  }
}

function resolveSymbol(raw: string, tickers: readonly TickerLink[]): string | undefined {
  const s = raw.trim().replace(/^\$/, "").replace(/^[A-Z]+:/i, "").trim();
  const up = s.toUpperCase();
  const bySymbol = tickers.find((t) => t.symbol.toUpperCase() === up);
  if (bySymbol) return bySymbol.symbol;
  const low = s.toLowerCase();
  if (low.length < 3) return undefined;
  return tickers.find((t) => t.name.toLowerCase() === low || t.name.toLowerCase().startsWith(`${low} `) || t.name.toLowerCase().startsWith(`${low}.`))?.symbol;
}

/**
 * Keeps the winners and losers that are linked tickers (a company name of a linked ticker is mapped to its
 * symbol), drops the others and any symbol given on both sides, and says what was dropped.
 *
 * @example
 * linkedSides(["AMZN", "NVDA"], ["Microsoft"], tickers) // { winners: ["AMZN"], losers: ["MSFT"], dropped: ["winners: NVDA (not a linked ticker)"] }
 */
export function linkedSides(winners: readonly string[], losers: readonly string[], tickers: readonly TickerLink[]): { winners: string[]; losers: string[]; dropped: string[] } {
  const dropped: string[] = [];
  const side = (list: readonly string[], name: string): string[] => {
    const out: string[] = [];
    for (const raw of list) {
      const sym = resolveSymbol(raw, tickers);
      if (!sym) dropped.push(`${name}: ${raw.trim()} (not a linked ticker)`);
      else if (!out.includes(sym)) out.push(sym);
    }
    return out;
  };
  const w = side(winners, "winners");
  const l = side(losers, "losers");
  const both = w.filter((s) => l.includes(s));
  for (const s of both) dropped.push(`winners and losers: ${s} (on both sides)`);
  return { winners: w.filter((s) => !both.includes(s)), losers: l.filter((s) => !both.includes(s)), dropped };
}
