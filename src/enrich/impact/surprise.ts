/**
 * Surprise in the figures: how far the numbers of the main event are from what the market expected or
 * from the company's size. Returns a multiplier on the event's typical move (1 = no surprise found).
 */
import type { EnrichEvent } from "../../contract/enrichment.ts";
import { parseFigure } from "../figures/figures.ts";

export interface Surprise {
  factor: number;
  detail: string;
}

type Figure = EnrichEvent["figures"][number];

function figure(e: EnrichEvent, name: RegExp): Figure | undefined {
  return e.figures.find((f) => name.test(f.name));
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

function earningsSurprise(e: EnrichEvent): Surprise | null {
  for (const metric of ["eps", "revenue|sales"]) {
    const actual = figure(e, new RegExp(`(${metric}).*(actual|reported)|^(${metric})$`, "i"));
    const expected = figure(e, new RegExp(`(${metric}).*(estimate|expect|consensus|forecast)`, "i"));
    if (!actual || !expected || expected.value === 0) continue;
    const s = Math.abs(actual.value - expected.value) / Math.abs(expected.value);
    const label = metric === "eps" ? "EPS" : "revenue";
    return { factor: 1 + Math.min(1.2, 6 * s), detail: `${label} ${actual.text} vs ${expected.text} expected (${pct(s)} off)` };
  }
  return null;
}

function mean(e: EnrichEvent, name: RegExp): { value: number; text: string } | null {
  const fs = e.figures.filter((f) => name.test(f.name) && f.unit !== "percent");
  if (fs.length === 0) return null;
  return { value: fs.reduce((s, f) => s + f.value, 0) / fs.length, text: fs.map((f) => f.text).join("–") };
}

/** New guidance against the prior range or the consensus (range midpoints), else a stated percent. */
function guidanceSurprise(e: EnrichEvent): Surprise | null {
  const now = mean(e, /guidance_new/);
  const before = mean(e, /guidance_prior/) ?? mean(e, /guidance_consensus/);
  if (now && before && before.value !== 0) {
    const s = Math.abs(now.value - before.value) / Math.abs(before.value);
    return { factor: 1 + Math.min(0.8, 4 * s), detail: `guidance ${now.text} vs ${before.text} before (${pct(s)} change)` };
  }
  const p = percentFigure(e, /./);
  return p ? { factor: 1 + Math.min(0.8, Math.abs(p.value) / 20), detail: `guidance moved by ${p.text}` } : null;
}

function percentFigure(e: EnrichEvent, name: RegExp): Figure | undefined {
  return e.figures.find((f) => name.test(f.name) && (f.unit === "percent" || /%|percent/.test(f.text)));
}

/**
 * "a market value of $12 billion", "market capitalization of about $3.4B": a listed company's size when
 * the article gives it ("valued at" is left out: it usually prices a deal or a private round).
 *
 * @example
 * companyValueInText("which has a market value of about $12.5 billion") // 12.5e9
 */
export function companyValueInText(text: string): number | null {
  const re = /(market (?:value|capitali[sz]ation|cap))\D{0,30}?(\$\s?\d[\d,.]*\s*(?:trillion|billion|million|tn|bn|mn|[TBM]\b)?)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const f = parseFigure(m[2]!);
    if (f && f.kind === "money" && f.value >= 1e7) return f.value;
  }
  return null;
}

/** Deal size against the company's stated value; without it, an absolute scale (not for buybacks and raises, which only mean something relative to size). */
function sizeSurprise(e: EnrichEvent, docText: string, absolute = true): Surprise | null {
  const amount = e.amount;
  if (!amount || amount.unit !== undefined || amount.value <= 0) return null;
  if (amount.currency === undefined && !/[$€£]/.test(amount.text)) return null;
  const companyValue = companyValueInText(docText);
  if (companyValue !== null && companyValue > amount.value / 100) {
    const r = amount.value / companyValue;
    return { factor: 1 + Math.min(1, 3 * r), detail: `${amount.text} is ${pct(r)} of the company's stated value` };
  }
  if (!absolute || amount.value < 1e9) return null;
  const f = 1 + Math.min(0.25, 0.05 + 0.1 * Math.log10(amount.value / 1e9));
  return { factor: f, detail: `deal size ${amount.text} (company size not given: absolute scale)` };
}

/**
 * The surprise multiplier of the main event, with a human-readable reason; `null` when no figure says.
 *
 * @example
 * surprise({ type: "earnings", figures: [{ name: "eps_actual", value: 1.3, text: "$1.30" }, { name: "eps_estimate", value: 1.2, text: "$1.20" }], ... }, doc.text)
 * // { factor: 1.5, detail: "EPS $1.30 vs $1.20 expected (8.3% off)" }
 */
export function surprise(e: EnrichEvent, docText: string): Surprise | null {
  switch (e.type) {
    case "earnings":
      return earningsSurprise(e);
    case "merger_acquisition": {
      const p = percentFigure(e, /premium/i);
      if (p) return { factor: 1 + Math.min(0.8, p.value / 50), detail: `${p.text} premium` };
      return sizeSurprise(e, docText);
    }
    case "guidance":
      return guidanceSurprise(e);
    case "layoffs": {
      const p = percentFigure(e, /./);
      return p ? { factor: 1 + Math.min(0.8, p.value / 25), detail: `${p.text} of the workforce` } : null;
    }
    case "rate_decision": {
      const bps = e.figures.find((f) => f.unit === "bps") ?? (e.amount?.unit === "bps" ? { ...e.amount, name: "bps" } : undefined);
      return bps && bps.value >= 50 ? { factor: 1.4, detail: `a ${bps.text} move, larger than the usual quarter point` } : null;
    }
    case "investment":
    case "contract":
    case "settlement":
    case "lawsuit":
      return sizeSurprise(e, docText);
    case "capital_raise":
    case "buyback":
      return sizeSurprise(e, docText, false);
    default:
      return null;
  }
}
