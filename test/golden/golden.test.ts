/**
 * Golden-file tests: every `test/golden/<NN-slug>/case.txt` (first line title, blank line, body) is
 * enriched with the real reference data and compared with `case.expected.json`, written by hand from
 * reading the article:
 *   { "tickers": [exact expected set; "GOOGL|GOOG" accepts either class], "topics": [labels that must be tagged],
 *     "impact": { "min": x, "max": y }, "events": [event types that must be found],
 *     "entities"?: [{ "name": "Federal Trade Commission|FTC", "type" }] that must be kept (any "|" alternative) }
 * Every output is also validated against the enrichment contract.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EnrichmentSchema, type Enrichment } from "../../src/contract/enrichment.ts";
import { enrich } from "../../src/enrich/enrich.ts";
import { figureInSource, findFigures } from "../../src/enrich/figures/figures.ts";
import { loadReference } from "../../src/reference/reference.ts";
import { normalize } from "../../src/enrich/normalize/normalize.ts";

interface Expected {
  tickers: string[];
  topics: string[];
  impact: { min: number; max: number };
  events: string[];
  entities?: Array<{ name: string; type: string }>;
}

const DIR = fileURLToPath(new URL(".", import.meta.url));
const CASES = readdirSync(DIR)
  .filter((d) => statSync(join(DIR, d)).isDirectory())
  .sort();

function readCase(name: string): { title: string; body: string; expected: Expected } {
  const raw = readFileSync(join(DIR, name, "case.txt"), "utf8");
  const [title, ...rest] = raw.split("\n");
  const body = rest.join("\n").replace(/^\n+/, "");
  const expected = JSON.parse(readFileSync(join(DIR, name, "case.expected.json"), "utf8")) as Expected;
  return { title: title!.trim(), body, expected };
}

/** `got` is exactly the expected set; an expected entry "GOOGL|GOOG" accepts either share class (once). */
function matchTickers(got: string[], expected: string[]): boolean {
  const left = [...got];
  for (const group of expected) {
    const i = left.findIndex((s) => group.split("|").includes(s));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return left.length === 0;
}

const cache = new Map<string, Enrichment>();
function run(name: string): Enrichment {
  let e = cache.get(name);
  if (!e) {
    const { title, body } = readCase(name);
    e = enrich({ id: name, title, text: body }, loadReference());
    cache.set(name, e);
  }
  return e;
}

describe("golden corpus", () => {
  it("has at least 30 hand-written cases of 250–700 words with well-formed expectations", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    for (const name of CASES) {
      const { title, body, expected } = readCase(name);
      const words = `${title} ${body}`.split(/\s+/).filter(Boolean).length;
      expect(words, `${name} word count`).toBeGreaterThanOrEqual(250);
      expect(words, `${name} word count`).toBeLessThanOrEqual(700);
      expect(Array.isArray(expected.tickers) && Array.isArray(expected.topics) && Array.isArray(expected.events), name).toBe(true);
      expect(expected.impact.min).toBeLessThanOrEqual(expected.impact.max);
    }
  });
});

describe.each(CASES)("golden %s", (name) => {
  const { body, expected } = readCase(name);

  it("validates against the enrichment contract", () => {
    const out = EnrichmentSchema.safeParse(run(name));
    expect(out.success, out.success ? "" : JSON.stringify(out.error.issues.slice(0, 3))).toBe(true);
  });

  it("links exactly the expected tickers", () => {
    const got = run(name).tickers.map((t) => t.symbol).sort();
    expect(matchTickers(got, expected.tickers), `got [${got.join(", ")}], expected [${expected.tickers.join(", ")}]`).toBe(true);
    for (const t of run(name).tickers) {
      expect(t.mentions.length, `${t.symbol} mentions`).toBeGreaterThan(0);
      expect(t.reason.length).toBeGreaterThan(0);
    }
  });

  it("tags the expected topics", () => {
    const labels = run(name).topics.map((t) => t.label);
    for (const topic of expected.topics) expect(labels, `topic ${topic}`).toContain(topic);
  });

  it("finds the expected events", () => {
    const types = run(name).events.map((e) => e.type);
    for (const type of expected.events) expect(types, `event ${type}`).toContain(type);
  });

  it("scores impact inside the band, with drivers adding up", () => {
    const impact = run(name).impact;
    expect(impact.score, `impact ${impact.score} not in [${expected.impact.min}, ${expected.impact.max}]: ${JSON.stringify(impact.drivers)}`).toBeGreaterThanOrEqual(expected.impact.min);
    expect(impact.score, `impact ${impact.score} not in [${expected.impact.min}, ${expected.impact.max}]: ${JSON.stringify(impact.drivers)}`).toBeLessThanOrEqual(expected.impact.max);
    expect(Math.abs(impact.drivers.reduce((s, d) => s + d.contribution, 0) - impact.score)).toBeLessThanOrEqual(0.001);
  });

  it("keeps the expected entities", () => {
    const entities = run(name).entities;
    for (const want of expected.entities ?? []) {
      const names = want.name.toLowerCase().split("|");
      expect(entities.some((e) => names.includes(e.name.toLowerCase()) && e.type === want.type), `${want.name} as ${want.type}`).toBe(true);
    }
  });

  it("writes a 2–4 sentence summary and an analysis whose figures are all in the source", () => {
    const e = run(name);
    const source = findFigures(`${e.article.title}\n\n${body}`);
    for (const f of findFigures(e.summary)) expect(figureInSource(f, source), `summary figure ${f.text}`).toBe(true);
    const sentences = normalize({ body: e.summary }).sentences.length;
    expect(sentences, e.summary).toBeGreaterThanOrEqual(2);
    expect(sentences, e.summary).toBeLessThanOrEqual(4);
    expect(e.analysis.sections.length).toBeGreaterThanOrEqual(3);
    expect(e.analysis.contrarian.length).toBeGreaterThan(0);
    const a = e.analysis;
    const written = [a.takeaway, ...a.sections.map((x) => x.text), ...a.risks, a.contrarian, a.outlook].join("\n");
    for (const f of findFigures(written)) {
      if (f.kind !== "number" && f.kind !== "year") expect(figureInSource(f, source), `analysis figure ${f.text}`).toBe(true);
    }
  });
});
