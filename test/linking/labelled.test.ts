/**
 * Linking quality on the labelled set (≥ 400 cases): precision and recall per category, printed, and
 * asserted overall (P ≥ 0.97, R ≥ 0.93). Every emitted symbol must exist in the master, and every
 * output must satisfy the contract schema.
 */
import { describe, expect, it } from "vitest";
import { loadSecurityMaster } from "../../src/reference/securities/master.ts";
import { linkWith, type LinkResult } from "../../src/enrich/link/link.ts";
import { EntitySchema, TickerLinkSchema } from "../../src/contract/enrichment.ts";
import { loadCases, pr, type LabelledCase, type Score } from "./cases.ts";

const master = loadSecurityMaster();
const cases = loadCases();
const results = new Map<LabelledCase, LinkResult>(cases.map((c) => [c, linkWith(c.doc, master)]));

describe("labelled linking set", () => {
  it("has at least 400 cases, with traps, paragraphs and whole articles", () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    for (const cat of ["traps", "word_names", "word_tickers", "paragraphs", "articles", "private", "foreign"]) {
      expect(cases.some((c) => c.category === cat)).toBe(true);
    }
  });

  it("reaches precision ≥ 0.97 and recall ≥ 0.93 (per-category figures printed)", () => {
    const byCat = new Map<string, Score>();
    const total: Score = { tp: 0, fp: 0, fn: 0, cases: 0 };
    const errors: string[] = [];
    for (const c of cases) {
      const got = new Set(results.get(c)!.tickers.map((t) => t.symbol));
      const want = new Set(c.expected);
      const s = byCat.get(c.category) ?? { tp: 0, fp: 0, fn: 0, cases: 0 };
      s.cases++, total.cases++;
      for (const g of got) want.has(g) ? (s.tp++, total.tp++) : (s.fp++, total.fp++, errors.push(`FP ${g} in ${c.id}: ${c.doc.text.slice(0, 90)}`));
      for (const w of want) if (!got.has(w)) s.fn++, total.fn++, errors.push(`FN ${w} in ${c.id}: ${c.doc.text.slice(0, 90)}`);
      byCat.set(c.category, s);
    }
    const rows = [...byCat].map(([cat, s]) => {
      const { precision, recall } = pr(s);
      return `${cat.padEnd(14)} cases ${String(s.cases).padStart(3)}  tp ${String(s.tp).padStart(3)}  fp ${String(s.fp).padStart(2)}  fn ${String(s.fn).padStart(2)}  P ${precision.toFixed(3)}  R ${recall.toFixed(3)}`;
    });
    const { precision, recall } = pr(total);
    rows.push(`${"OVERALL".padEnd(14)} cases ${String(total.cases).padStart(3)}  tp ${String(total.tp).padStart(3)}  fp ${String(total.fp).padStart(2)}  fn ${String(total.fn).padStart(2)}  P ${precision.toFixed(3)}  R ${recall.toFixed(3)}`);
    console.log(`\nLinking on the labelled set\n${rows.join("\n")}\n\nErrors:\n${errors.join("\n")}\n`);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.93);
  });

  it("emits only symbols that exist in the master, and outputs valid under the contract", () => {
    for (const [c, r] of results) {
      for (const t of r.tickers) {
        expect(master.bySymbol.has(t.symbol), `${t.symbol} from ${c.id}`).toBe(true);
        TickerLinkSchema.parse(t);
        for (const m of t.mentions) expect(c.doc.text.slice(m.start, m.end)).toBe(m.text);
      }
      for (const e of r.entities) EntitySchema.parse(e);
    }
  });
});
