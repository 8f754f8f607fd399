/**
 * Issue 2, must-show 2: the seed article's own text (title, summary and analysis paragraphs of
 * ../shared/seed, without the page's header lines) analysed end to end with the real reference data.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EnrichmentSchema } from "../src/contract/enrichment.ts";
import { enrich, prepare } from "../src/enrich/enrich.ts";
import { figureInSource, findFigures } from "../src/enrich/figures/figures.ts";
import { renderTextReport } from "../src/enrich/report/report.ts";
import { loadReference } from "../src/reference/reference.ts";

const SEED_DIR = fileURLToPath(new URL("../../shared/seed/", import.meta.url));
const SEED_CATEGORIES = [
  "Artificial Intelligence",
  "Technology & Innovation",
  "M&A & Restructuring",
  "Company Fundamentals",
  "Management & Governance",
  "Analyst Insights",
  "Legal & Litigation",
  "Private Markets & Venture",
];

/** The seed page without "Back to News", "Market Impact: …", the ticker chips, the categories and the repeated title. */
function seedArticle(): { title: string; text: string } {
  const file = readdirSync(SEED_DIR).find((f) => f.endsWith(".txt"))!;
  const lines = readFileSync(join(SEED_DIR, file), "utf8").split(/\r?\n/).map((l) => l.trim());
  const isChips = (l: string) => /^(?:[A-Z]{1,5}){2,}$/.test(l);
  const isCategories = (l: string) => SEED_CATEGORIES.filter((c) => l.includes(c)).length >= 2;
  const kept = lines.filter((l) => l !== "Back to News" && !/^Market Impact:/.test(l) && !isChips(l) && !isCategories(l));
  const paragraphs = kept.filter(Boolean);
  const title = paragraphs[0]!;
  const body = paragraphs.slice(1).filter((p) => p !== title);
  return { title, text: body.join("\n\n") };
}

describe("the seed article (issue 2, must-show 2)", () => {
  const input = seedArticle();
  const ref = loadReference();
  const e = enrich({ id: "seed", ...input }, ref);
  const doc = prepare({ id: "seed", ...input });

  it("reads the seed without its header lines", () => {
    expect(input.title).toMatch(/^OpenAI.s subtle drift from Microsoft/);
    expect(input.text).not.toMatch(/Back to News|Market Impact|AMZNMSFT/);
    expect(input.text).toMatch(/^OpenAI is expanding/);
    expect(input.text).toContain(`The contrarian view`);
  });

  it("validates against the enrichment contract", () => {
    const parsed = EnrichmentSchema.safeParse(e);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  it("links AMZN and MSFT, each with the words that linked it and why, and no other ticker", () => {
    expect(e.tickers.map((t) => t.symbol).sort()).toEqual(["AMZN", "MSFT"]);
    for (const t of e.tickers) {
      expect(t.mentions.length, t.symbol).toBeGreaterThan(0);
      for (const m of t.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
      expect(t.reason.length).toBeGreaterThan(5);
    }
  });

  it("keeps OpenAI as a private-company entity", () => {
    const openai = e.entities.find((x) => x.name === "OpenAI");
    expect(openai?.type).toBe("private_company");
  });

  it("tags Artificial Intelligence, Technology & Innovation and at least two more of the seed's eight categories", () => {
    const labels = e.topics.map((t) => t.label);
    expect(labels).toContain("Artificial Intelligence");
    expect(labels).toContain("Technology & Innovation");
    const more = labels.filter((l) => SEED_CATEGORIES.slice(2).includes(l));
    expect(more.length, `got ${labels.join(", ")}`).toBeGreaterThanOrEqual(2);
  });

  it("scores impact between 0.25 and 0.65 with drivers that add up to the score", () => {
    expect(e.impact.score, JSON.stringify(e.impact.drivers)).toBeGreaterThanOrEqual(0.25);
    expect(e.impact.score, JSON.stringify(e.impact.drivers)).toBeLessThanOrEqual(0.65);
    const sum = e.impact.drivers.reduce((s, d) => s + d.contribution, 0);
    expect(Math.abs(sum - e.impact.score)).toBeLessThanOrEqual(0.001);
    for (const d of e.impact.drivers) expect(d.detail.length).toBeGreaterThan(0);
  });

  it("writes a summary that keeps at least one of the dollar figures, all of its figures from the source", () => {
    const figures = findFigures(e.summary);
    const dollars = figures.filter((f) => f.kind === "money" && f.currency === "USD");
    expect(dollars.map((f) => f.value)).toEqual(expect.arrayContaining([expect.any(Number)]));
    expect(dollars.some((f) => [38e9, 50e9, 100e9].includes(f.value))).toBe(true);
    const source = findFigures(doc.text);
    for (const f of figures) expect(figureInSource(f, source), f.text).toBe(true);
    const sentences = prepare({ title: "", text: e.summary }).sentences.length;
    expect(sentences).toBeGreaterThanOrEqual(2);
    expect(sentences).toBeLessThanOrEqual(4);
  });

  it("writes an analysis with a takeaway, at least three sections and a contrarian view", () => {
    expect(e.analysis.takeaway.length).toBeGreaterThan(20);
    expect(e.analysis.sections.length).toBeGreaterThanOrEqual(3);
    for (const s of e.analysis.sections) expect(s.text.length).toBeGreaterThan(20);
    expect(e.analysis.contrarian.length).toBeGreaterThan(20);
    expect(e.analysis.generator).toMatch(/^heuristic@/);
  });

  it("renders the text report laid out like the seed page", () => {
    const text = renderTextReport(e);
    expect(text.startsWith(`Market Impact: ${e.impact.score.toFixed(2)}`)).toBe(true);
    for (const piece of ["AMZN", "MSFT", "Artificial Intelligence", input.title.slice(0, 40), "Analysis", "Contrarian view:"]) expect(text).toContain(piece);
  });
});
