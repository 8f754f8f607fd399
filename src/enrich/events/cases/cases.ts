/**
 * Scenario articles for the classify, sentiment and events tests (written by us): `NAME.txt` (title on
 * the first line, then the body) beside `NAME.expected.json`. The link result each stage receives is
 * built by hand from the expected file's `links` and `entities` (words → mentions), so these tests do
 * not depend on the linker.
 */
import { readdirSync, readFileSync } from "node:fs";
import { normalize, type Doc } from "../../normalize/normalize.ts";
import type { Entity, Mention, TickerLink } from "../../../contract/enrichment.ts";
import type { LinkResult } from "../../link/link.ts";
import type { Reference } from "../../../reference/reference.ts";
import { loadTaxonomy } from "../../../reference/taxonomy/taxonomy.ts";
import { loadLexicon } from "../../../reference/lexicon/lexicon.ts";

export interface ExpectedEvent {
  type: string;
  subtype?: string;
  actor?: string | null;
  target?: string | null;
  from?: string;
  to?: string;
  toContains?: string;
  fromContains?: string;
  polarity?: string;
  amount?: number;
  figures?: Record<string, number>;
}

export interface Expected {
  links: Record<string, string[]>;
  entities?: Record<string, { type: Entity["type"]; words: string[] }>;
  topics: { include: string[]; exclude?: string[]; first?: string; max?: number };
  sentiment?: { label?: string; tickers?: Record<string, "positive" | "negative"> };
  events: ExpectedEvent[];
  absent?: string[];
}

export interface Case {
  name: string;
  doc: Doc;
  linked: LinkResult;
  expected: Expected;
}

const DIR = new URL("./", import.meta.url);

/**
 * Every mention of `word` in `text` as a whole word (case-sensitive).
 *
 * @example
 * mentionsOf("Apple and Apple's", "Apple").length // 2
 */
export function mentionsOf(text: string, word: string): Mention[] {
  const out: Mention[] = [];
  const re = new RegExp(`(?<![\\w])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w])`, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

function mentionsOfAll(text: string, words: string[]): Mention[] {
  const all = words.flatMap((w) => mentionsOf(text, w)).sort((a, b) => a.start - b.start || b.end - a.end);
  // Longer aliases win where they overlap ("Meta Platforms" over "Meta").
  return all.filter((m, i) => !all.some((o, j) => j !== i && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
}

/**
 * A hand-built link result: tickers and entities with mentions of the given words.
 *
 * @example
 * linkedFrom(doc, { AAPL: ["Apple"] })
 */
export function linkedFrom(doc: Doc, links: Record<string, string[]>, entities: Expected["entities"] = {}): LinkResult {
  const tickers: TickerLink[] = Object.entries(links).map(([symbol, words], i) => ({
    symbol,
    name: words[0]!,
    exchange: null,
    relevance: Math.max(0.1, 1 - i * 0.2),
    role: i === 0 ? "subject" : "mentioned",
    sentiment: 0,
    mentions: mentionsOfAll(doc.text, words),
    reason: `test: ${words.join(", ")}`,
  }));
  const ents: Entity[] = Object.entries(entities).map(([name, e]) => ({ name, type: e.type, mentions: mentionsOfAll(doc.text, e.words), salience: 0.8 }));
  return { tickers, entities: ents };
}

/**
 * Splits a case file into title and body.
 *
 * @example
 * docOf("Title\n\nBody text.").title // "Title"
 */
export function docOf(raw: string): Doc {
  const [title, ...rest] = raw.split("\n");
  return normalize({ title: title!.trim(), body: rest.join("\n").trim() });
}

/**
 * Loads every case of this folder.
 *
 * @example
 * for (const c of loadCases()) classify(c.doc, ref, c.linked);
 */
export function loadCases(): Case[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      const doc = docOf(readFileSync(new URL(f, DIR), "utf8"));
      const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), "utf8")) as Expected;
      return { name, doc, linked: linkedFrom(doc, expected.links, expected.entities), expected };
    });
}

/**
 * The reference data the classify, sentiment and events stages read (taxonomy and lexicon), without
 * the securities master, which these stages never touch.
 *
 * @example
 * classify(doc, stageReference(), linked)
 */
export function stageReference(): Reference {
  return { taxonomy: loadTaxonomy(), lexicon: loadLexicon() } as Reference;
}

/**
 * The seed article's own text (../shared/seed): its title, summary and analysis paragraphs, without the
 * page's header lines (back link, impact, tickers, categories).
 *
 * @example
 * const doc = seedDoc(); doc.title // "OpenAI’s subtle drift from Microsoft …"
 */
export function seedDoc(): Doc {
  const dir = new URL("../../../../../shared/seed/", import.meta.url);
  const file = readdirSync(dir).find((f) => f.endsWith(".txt"))!;
  const lines = readFileSync(new URL(file, dir), "utf8").split("\n").map((l) => l.trim());
  const title = lines.find((l, i) => l.length > 20 && lines.indexOf(l, i + 1) > i)!;
  const bodyFrom = lines.lastIndexOf(title) + 1;
  const body = lines.slice(bodyFrom).filter((l) => l && l !== "Analysis").join("\n\n");
  return normalize({ title, body });
}
