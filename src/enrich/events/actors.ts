/**
 * Who acts and who is acted upon in a sentence: linked tickers (by their mentions) first, then linked
 * entities, then a capitalised name. The actor is the nearest party before the trigger word; the
 * target the first party after it. "The company …" / "It …" sentences fall back on the party named
 * last in the sentences before (a light coreference).
 */
import type { Doc, Span } from "../normalize/normalize.ts";
import type { LinkResult } from "../link/link.ts";

export interface Party {
  /** Ticker symbol, or entity / name as written. */
  id: string;
  start: number;
  end: number;
  isTicker: boolean;
  /** Entity type when known ("person", "regulator"…). */
  type?: string;
}

export interface PartyIndex {
  /** Every party mention in the document, by start offset. */
  all: Party[];
  /** The article's main ticker, when linked. */
  primary: string | null;
}

const PRONOUN_START = /^(?:[A-Z][a-z]+,\s+(?:the|it)\b\s*|(?:[A-Z][a-z]+,\s+)?)(?:It|it|the (?:company|firm|group|bank)|Its|The (?:company|firm|group|bank|retailer|lender|insurer|chipmaker|automaker|carmaker|drugmaker|startup|business|maker|giant|conglomerate|airline|operator|owner|developer|network|platform)|The [A-Z]?[a-z]+-based (?:company|firm)|The [a-z]+ (?:company|firm|giant|maker))\b/;
const NAME_RE = /\b(?:[A-Z][\w&'’.-]*[\w&]|[A-Z]{2,})(?:\s+(?:[A-Z][\w&'’.-]*|of|de|&))*/g;
const NOT_NAMES = new Set([
  "The", "A", "An", "In", "On", "At", "But", "And", "Shares", "Analysts", "It", "Its", "This", "That", "These", "Those",
  "He", "She", "They", "We", "For", "After", "Before", "While", "As", "If", "When", "Investors", "Under", "Over", "With",
  "Last", "Next", "First", "Second", "Third", "Fourth", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
  "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
  "December", "Q1", "Q2", "Q3", "Q4", "CEO", "CFO", "EPS", "Wall", "Street", "Revenue", "Net", "Earnings", "Sales",
]);

/**
 * Collects every ticker and entity mention of the link result, sorted by offset (tickers win overlaps).
 *
 * @example
 * const idx = partyIndex(linked); idx.primary // "AMZN"
 */
export function partyIndex(linked: LinkResult): PartyIndex {
  const all: Party[] = [];
  for (const t of linked.tickers) for (const m of t.mentions) all.push({ id: t.symbol, start: m.start, end: m.end, isTicker: true });
  const tickerMentions = all.length;
  for (const e of linked.entities) {
    // Countries are settings, not parties ("recalling vehicles in the United States").
    if (e.type === "country") continue;
    if (e.type === "public_company" && e.proxies === undefined && linked.tickers.some((t) => t.name === e.name)) continue;
    for (const m of e.mentions) {
      // People stay even where a ticker was linked through them ("Bob Iger" → DIS): executive changes name them.
      if (e.type !== "person" && overlapsTicker(all, tickerMentions, m)) continue;
      all.push({ id: e.name, start: m.start, end: m.end, isTicker: false, type: e.type });
    }
  }
  all.sort((a, b) => a.start - b.start);
  return { all, primary: linked.tickers[0]?.symbol ?? null };
}

/** Whether a mention overlaps one of the first `n` parties (the ticker mentions). */
function overlapsTicker(all: readonly Party[], n: number, m: { start: number; end: number }): boolean {
  for (let k = 0; k < n; k++) if (all[k]!.start < m.end && m.start < all[k]!.end) return true;
  return false;
}

/** A party of the sentence `span` other than a person. */
function inSentence(p: Party, span: Span): boolean {
  return p.start >= span.start && p.end <= span.end && p.type !== "person";
}

function inSpan(idx: PartyIndex, span: Span): Party[] {
  return idx.all.filter((p) => p.start >= span.start && p.end <= span.end);
}

/**
 * Capitalised names in a span when nothing is linked there ("Morgan Stanley", "OpenAI").
 *
 * @example
 * namesIn("Morgan Stanley upgraded OpenAI.", { start: 0, end: 31 }).map((p) => p.id) // ["Morgan Stanley", "OpenAI"]
 */
export function namesIn(text: string, span: Span): Party[] {
  const out: Party[] = [];
  const slice = text.slice(span.start, span.end);
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(slice); m; m = NAME_RE.exec(slice)) {
    let name = m[0].replace(/[.,]+$/, "").replace(/[’']s$/, "").replace(/\s+(?:of|de|&)$/, "");
    const first = name.split(/\s+/)[0]!;
    if (NOT_NAMES.has(first)) {
      const rest = name.slice(first.length).trim();
      if (!rest || NOT_NAMES.has(rest.split(/\s+/)[0]!)) continue;
      name = rest;
    }
    // A lone capitalised word that opens the sentence is usually just capitalised ("Separately", "Lawyers"),
    // unless it looks like a brand ("OpenAI", "IBM").
    if (m.index === 0 && !/\s/.test(name) && !/^[A-Z][^A-Z]*[A-Z]/.test(name)) continue;
    const start = span.start + m.index + m[0].indexOf(name);
    out.push({ id: name, start, end: start + name.length, isTicker: false });
  }
  return out;
}

export interface Roles {
  actor: string | null;
  target: string | null;
}

/**
 * The actor (nearest party before `trigger`) and target (first other party after it) in a sentence.
 * People are never actor or target here (executive changes name them in `from`/`to`). Capitalised
 * words stand in for parties only when the document has no linked party at all.
 *
 * @example
 * rolesAt(doc, idx, sentenceIndex, triggerOffset) // { actor: "AMZN", target: "OpenAI" }
 */
export function rolesAt(doc: Doc, idx: PartyIndex, s: number, trigger: number, passive = false): Roles {
  const span = doc.sentences[s]!;
  // The parties of the sentence (people aside), in order; capitalised names when nothing is linked at all.
  const parties = idx.all.length === 0 ? namesIn(doc.text, span) : idx.all;
  let actor: string | null = null;
  for (const p of parties) if (p.end <= trigger && inSentence(p, span)) actor = p.id;
  if (!actor && !passive && PRONOUN_START.test(doc.text.slice(span.start, span.start + 60))) actor = subjectParty(idx, span.start);
  let target: string | null = null;
  for (const p of parties) {
    if (p.start >= trigger && p.id !== actor && inSentence(p, span)) {
      target = p.id;
      break;
    }
  }
  return passive ? { actor: target, target: actor } : { actor, target };
}

/**
 * The party named last before `before` (people aside), else the article's main ticker: "it", "the
 * company" and subject-less sentences refer to it.
 *
 * @example
 * previousParty(idx, sentence.start) // "WMT"
 */
export function previousParty(idx: PartyIndex, before: number, companiesOnly = false): string | null {
  let company: string | null = null;
  for (let i = idx.all.length - 1; i >= 0; i--) {
    const p = idx.all[i]!;
    if (p.end > before || p.type === "person") continue;
    if (!companiesOnly) return p.id;
    // A company's own news: the listed company named last wins over an unlisted one named after it.
    if (p.isTicker) return p.id;
    if (company === null && (p.type === "private_company" || p.type === "public_company" || p.type === "organization")) company = p.id;
  }
  return idx.primary ?? company;
}

const NAME_AFTER = /^[^A-Z.;]{0,40}?\b([A-Z][\w&'’-]*(?:\s+(?:[A-Z][\w&'’-]*|&|of\b|de\b))*)/;

/**
 * Who "the company", "it" and subject-less sentences ("Revenue rose 10%") speak of: the article's main
 * ticker, else the company named last before `before`.
 *
 * @example
 * subjectParty(idx, sentence.start) // "VZ"
 */
export function subjectParty(idx: PartyIndex, before: number): string | null {
  return idx.primary ?? previousParty(idx, before, true);
}

/**
 * The capitalised name shortly after `index` in the sentence ("agreed to buy CloudShield Inc., a …" →
 * "CloudShield"), for a counterpart the linker did not know.
 *
 * @example
 * nameAfter(doc, span, triggerOffset) // "CloudShield"
 */
export function nameAfter(doc: Doc, span: Span, index: number): string | null {
  const m = NAME_AFTER.exec(doc.text.slice(index, span.end));
  if (!m) return null;
  const name = m[1]!.replace(/[’']s$/, "").replace(/\s+(?:Inc|Corp|Co|Ltd|LLC|plc|SA|AG|NV|Holdings)\.?$/, "");
  return NOT_NAMES.has(name.split(/\s+/)[0]!) ? null : name;
}

const NAME_BEFORE = /((?:[A-Z][\w&.'’-]*|&)(?:\s+(?:[A-Z][\w&.'’-]*|&|de\b|of\b))*)\s*(?:analysts?\s+)?(?:on\s+\w+\s+)?$/;

/**
 * The capitalised name right before `index` in the sentence ("Needham & Co. downgraded", "Texas Attorney
 * General Ken Paxton sued"), as a linked party's id when one is mentioned there.
 *
 * @example
 * nameBefore(doc, idx, span, verbOffset) // "Needham & Co."
 */
export function nameBefore(doc: Doc, idx: PartyIndex, span: Span, index: number): string | null {
  const m = NAME_BEFORE.exec(doc.text.slice(span.start, index));
  const name = m?.[1]?.trim();
  if (!m || !name || /^(?:The|It|He|She|They|We|Analysts?|Shares|A|An)$/.test(name)) return null;
  const start = span.start + m.index;
  const linked = idx.all.filter((p) => p.start >= start && p.end <= index && p.type !== "person");
  if (linked.length > 0) return linked.at(-1)!.id;
  return /(?:Co|Inc|Corp|Ltd)\.$/.test(name) ? name : name.replace(/[.,]+$/, "");
}

const BODIES: Record<string, string> = {
  fda: "Food and Drug Administration", "u.s. food and drug administration": "Food and Drug Administration",
  sec: "Securities and Exchange Commission", ftc: "Federal Trade Commission", doj: "Department of Justice",
  "justice department": "Department of Justice", fed: "Federal Reserve", "the fed": "Federal Reserve",
  fomc: "Federal Reserve", "federal open market committee": "Federal Reserve", ecb: "European Central Bank",
  boe: "Bank of England", boj: "Bank of Japan", pboc: "People's Bank of China", snb: "Swiss National Bank",
  rba: "Reserve Bank of Australia", rbi: "Reserve Bank of India", cma: "Competition and Markets Authority",
  nhtsa: "National Highway Traffic Safety Administration", fcc: "Federal Communications Commission",
  faa: "Federal Aviation Administration", ema: "European Medicines Agency", eu: "European Commission",
};

/**
 * One name per regulator or central bank, as the linker names them ("FDA" → "Food and Drug Administration"),
 * preferring a linked entity mentioned at `at` in the text.
 *
 * @example
 * canonicalBody("Fed", idx, 120) // "Federal Reserve"
 */
export function canonicalBody(name: string, idx?: PartyIndex, at?: number): string {
  if (idx && at !== undefined) {
    const linked = idx.all.find((p) => !p.isTicker && p.start <= at && at < p.end);
    if (linked) return linked.id;
  }
  return BODIES[name.toLowerCase()] ?? name;
}

/**
 * Parties of a sentence in order (for events with two sides such as partnerships).
 *
 * @example
 * partiesIn(doc, idx, 3).map((p) => p.id) // ["MSFT", "OpenAI"]
 */
export function partiesIn(doc: Doc, idx: PartyIndex, s: number): Party[] {
  const span = doc.sentences[s]!;
  const parties = inSpan(idx, span);
  return parties.length > 0 ? parties : namesIn(doc.text, span);
}
