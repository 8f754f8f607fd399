import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ImpactwireError } from "../../core/errors.ts";
import { compileTaxonomy, loadTaxonomy } from "./taxonomy.ts";

const SEED_LABELS = [
  "Artificial Intelligence", "Technology & Innovation", "M&A & Restructuring", "Company Fundamentals",
  "Management & Governance", "Analyst Insights", "Legal & Litigation", "Private Markets & Venture",
];
const STANDARD = [
  "Earnings & Guidance", "Capital Markets & Financing", "Dividends & Buybacks", "Regulation & Policy", "Macro & Economy",
  "Central Banks & Rates", "Currencies & FX", "Trade & Geopolitics", "Energy & Commodities", "Crypto & Digital Assets",
  "Healthcare & Biotech", "Products & Partnerships", "Labor & Workforce", "Cybersecurity & Outages", "Bankruptcy & Distress",
  "ESG & Climate", "Supply Chain", "Real Estate",
];

describe("the bundled taxonomy", () => {
  const tax = loadTaxonomy();

  it("keeps the seed's eight labels verbatim and the standard topics of DESIGN §3", () => {
    const labels = tax.topics.map((t) => t.label);
    for (const l of [...SEED_LABELS, ...STANDARD]) expect(labels).toContain(l);
    expect(tax.topics.length).toBeGreaterThanOrEqual(25);
    expect(tax.topics.length).toBeLessThanOrEqual(30);
  });

  it("gives every topic a kebab-case id, a definition, examples and cues", () => {
    const ids = new Set<string>();
    for (const t of tax.topics) {
      expect(t.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(ids.has(t.id)).toBe(false);
      ids.add(t.id);
      expect(t.definition.length).toBeGreaterThan(20);
      expect(t.examples.length).toBeGreaterThan(0);
      expect(Object.keys(t.cues).length).toBeGreaterThan(5);
    }
    expect(tax.cues.length).toBe(tax.topics.reduce((s, t) => s + Object.keys(t.cues).length, 0));
  });

  it("links event types to topics", () => {
    expect(tax.byEvent.get("earnings")?.map(([t]) => tax.topics[t]!.id)).toContain("earnings-guidance");
    expect(tax.byEvent.get("rate_decision")?.map(([t]) => tax.topics[t]!.id)).toContain("central-banks-rates");
    expect(tax.byEntity.get("private_company")?.map(([t]) => tax.topics[t]!.id)).toContain("private-markets-venture");
  });
});

describe("compileTaxonomy", () => {
  const good = JSON.parse(readFileSync(new URL("../../../data/taxonomy.json", import.meta.url), "utf8"));

  function error(doc: unknown): ImpactwireError {
    try {
      compileTaxonomy(doc);
    } catch (e) {
      return e as ImpactwireError;
    }
    throw new Error("no error");
  }

  it("rejects invalid documents with a clear error", () => {
    const badId = structuredClone(good);
    badId.topics[0].id = "Not Kebab";
    expect(error(badId).message).toMatch(/^taxonomy: invalid taxonomy: topics\.0\.id: topic ids are kebab-case/);
    const dup = structuredClone(good);
    dup.topics[1].id = dup.topics[0].id;
    expect(error(dup).message).toMatch(/duplicate topic id/);
    const badCue = structuredClone(good);
    badCue.topics[0].cues["up*"] = 1;
    expect(error(badCue).message).toMatch(/bad cue "up\*"/);
    const badEvent = structuredClone(good);
    badEvent.topics[0].events = { earthquake: 1 };
    expect(error(badEvent).code).toBe("TAXONOMY_INVALID");
    expect(error({}).code).toBe("TAXONOMY_INVALID");
  });
});
