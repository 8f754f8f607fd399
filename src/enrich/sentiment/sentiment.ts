/**
 * Stage 4 — sentiment: the article's score, label and coverage from its sentence scores (the title and
 * lead weigh more), and one score per linked ticker from the sentences (or, when a sentence names
 * several tickers, the clauses) that mention it.
 */
import type { Doc } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { Sentiment } from "../../contract/enrichment.ts";
import type { LinkResult } from "../link/link.ts";
import type { EnrichEvent } from "../../contract/enrichment.ts";
import { eventsOf } from "../events/events.ts";
import { sentenceScores, spanScore, squash, unsquash, type SentenceScores } from "./score.ts";

export interface SentimentResult {
  article: Sentiment;
  /** Per linked ticker symbol, -1..1. */
  byTicker: Record<string, number>;
}

/** Below this |score| the label is neutral. */
const NEUTRAL_BAND = 0.08;
/** Sentences without sentiment still dilute the average by this weight. */
const NEUTRAL_WEIGHT = 0.25;
/** Sentences that refer back to the company named before ("The company…", "Its shares…", "Shares of the chipmaker…"). */
const COREF_START = /^(?:It|Its|The (?:company|firm|group|bank|retailer|lender|insurer|chipmaker|automaker|carmaker|drugmaker|maker|giant|stock)|The [\w-]+ (?:maker|company|firm|giant|retailer|group|chain|producer|designer|insurer|bank|lender)|Shares of the|Its shares|The shares)\b/;
/** Events whose tone concerns their target only (the broker of a downgrade is not downgraded). */
const ABOUT_TARGET = new Set(["rating_change", "price_target", "investigation", "regulatory_decision", "lawsuit"]);
/** Weight of an event's polarity in its sentence's raw score (times the event's confidence). */
const EVENT_WEIGHT = 1.5;
/** Whether the sentence at `start` opens like `COREF_START` (which needs "I", "T" or "S" first: most sentences are ruled out without a slice). */
function refersBack(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  return (c === 73 || c === 84 || c === 83) && COREF_START.test(text.slice(start, start + 40));
}
const CLAUSE_BREAK = /;|,?\s+(?:while|whereas|but|although|though|even\s+as|yet)\s+/g;

const round = (x: number) => Math.round(x * 1000) / 1000;
const clamp = (x: number) => Math.max(-1, Math.min(1, x));

function sentenceWeight(doc: Doc, s: number): number {
  const span = doc.sentences[s]!;
  if (span.end <= doc.bodyStart && doc.bodyStart > 0) return 2; // title
  return s <= 2 ? 1.5 : 1; // lead
}

/**
 * Article-level sentiment from sentence scores.
 *
 * @example
 * articleSentiment(doc, sentenceScores(doc, ref.lexicon)) // { score: -0.42, label: "negative", coverage: 0.6 }
 */
export function articleSentiment(doc: Doc, sc: SentenceScores): Sentiment {
  let sum = 0;
  let weight = 0;
  let pos = 0;
  let neg = 0;
  let bearing = 0;
  const n = sc.scores.length;
  for (let s = 0; s < n; s++) {
    const v = sc.scores[s]!;
    const w = sentenceWeight(doc, s);
    if (v === 0) {
      weight += w * NEUTRAL_WEIGHT;
      continue;
    }
    bearing++;
    sum += v * w;
    weight += w;
    if (v > 0) pos += v * w;
    else neg -= v * w;
  }
  const score = weight > 0 ? clamp(sum / weight) : 0;
  const coverage = n > 0 ? bearing / n : 0;
  return { score: round(score), label: labelOf(score, pos, neg), coverage: round(coverage) };
}

/**
 * The label of a score given its positive and negative mass: "mixed" when both sides are strong.
 *
 * @example
 * labelOf(0.02, 3, 2.6) // "mixed"
 */
export function labelOf(score: number, pos: number, neg: number): Sentiment["label"] {
  const big = Math.max(pos, neg);
  if (big > 0.8 && Math.min(pos, neg) >= 0.5 * big && Math.abs(score) < 0.25) return "mixed";
  if (score >= NEUTRAL_BAND) return "positive";
  if (score <= -NEUTRAL_BAND) return "negative";
  return "neutral";
}

function sentenceOf(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function clauseOf(doc: Doc, s: number, offset: number): { start: number; end: number } {
  const span = doc.sentences[s]!;
  const text = doc.text.slice(span.start, span.end);
  let start = span.start;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    const at = span.start + m.index;
    if (at >= offset) return { start, end: at };
    start = at + m[0].length;
  }
  return { start, end: span.end };
}

/**
 * Per-ticker sentiment: the weighted mean of the sentences mentioning each ticker; in a sentence that
 * names several tickers, only the clause around the mention counts.
 *
 * @example
 * tickerSentiment(doc, scores, linked) // { AAPL: 0.61, MSFT: -0.2 }
 */
export function tickerSentiment(doc: Doc, sc: SentenceScores, linked: LinkResult, events: readonly EnrichEvent[] = []): Record<string, number> {
  // "Morgan Stanley downgraded Nike": a sentence naming both is about the target, not the broker.
  const actingOn = new Map<string, Set<string>>();
  for (const e of events) {
    if (!e.actor || !e.target || !ABOUT_TARGET.has(e.type)) continue;
    const set = actingOn.get(e.actor) ?? new Set<string>();
    actingOn.set(e.actor, set.add(e.target));
  }
  const inSentence = new Map<number, Set<string>>();
  for (const t of linked.tickers) {
    for (const m of t.mentions) {
      const s = sentenceOf(doc, m.start);
      if (s >= 0) inSentence.set(s, (inSentence.get(s) ?? new Set<string>()).add(t.symbol));
    }
  }
  const notAbout = (symbol: string, s: number) => {
    const targets = actingOn.get(symbol);
    if (!targets) return false;
    for (const t of inSentence.get(s) ?? []) if (targets.has(t)) return true;
    return false;
  };
  const bySentence = new Map<number, Set<string>>();
  const mentions = new Map<string, Array<{ s: number; offset: number }>>();
  const lastIn = new Map<number, { symbol: string; at: number }>();
  for (const t of linked.tickers) {
    const list: Array<{ s: number; offset: number }> = [];
    for (const m of t.mentions) {
      const s = sentenceOf(doc, m.start);
      if (s < 0 || notAbout(t.symbol, s)) continue;
      list.push({ s, offset: m.start });
      let set = bySentence.get(s);
      if (!set) bySentence.set(s, (set = new Set()));
      set.add(t.symbol);
      const last = lastIn.get(s);
      if (!last || m.start > last.at) lastIn.set(s, { symbol: t.symbol, at: m.start });
    }
    mentions.set(t.symbol, list);
  }
  // "The company raised its outlook." speaks of the ticker named last before it.
  let previous: string | undefined;
  for (let s = 0; s < doc.sentences.length; s++) {
    const last = lastIn.get(s);
    if (last) previous = last.symbol;
    else if (previous && refersBack(doc.text, doc.sentences[s]!.start)) mentions.get(previous)!.push({ s, offset: doc.sentences[s]!.start });
  }
  const out: Record<string, number> = {};
  for (const [symbol, list] of mentions) {
    let sum = 0;
    let weight = 0;
    const seen = new Set<number>();
    for (const { s, offset } of list) {
      if (seen.has(s)) continue;
      seen.add(s);
      const shared = (bySentence.get(s)?.size ?? 0) > 1;
      const v = shared ? spanScore(sc, clauseOf(doc, s, offset)).score : sc.scores[s]!;
      const w = sentenceWeight(doc, s);
      sum += v * w;
      weight += v === 0 ? w * NEUTRAL_WEIGHT : w;
    }
    out[symbol] = weight > 0 ? round(clamp(sum / weight)) : 0;
  }
  return out;
}

/**
 * Stage entry: article sentiment and per-ticker sentiment.
 *
 * @example
 * const r = sentiment(doc, ref, linked);
 * r.article.label; r.byTicker.AMZN;
 */
export function sentiment(doc: Doc, ref: Reference, linked: LinkResult): SentimentResult {
  const events = eventsOf(doc, ref, linked);
  const sc = withEvents(doc, sentenceScores(doc, ref.lexicon), events);
  return { article: articleSentiment(doc, sc), byTicker: tickerSentiment(doc, sc, linked, events) };
}

/**
 * Adds the polarity of the events found in each sentence to its score: "Caterpillar raised its full-year
 * sales and profit outlook" is good news even though no lexicon phrase spans its words.
 *
 * @example
 * withEvents(doc, sentenceScores(doc, ref.lexicon), extractEvents(doc, ref, linked))
 */
export function withEvents(doc: Doc, sc: SentenceScores, events: readonly EnrichEvent[]): SentenceScores {
  if (events.length === 0) return sc;
  const scores = sc.scores.slice();
  const hits = sc.hits.slice();
  for (const e of events) {
    if (e.polarity === "neutral") continue;
    const s = sentenceOf(doc, e.evidence.start);
    if (s < 0) continue;
    const value = (e.polarity === "positive" ? 1 : -1) * EVENT_WEIGHT * e.confidence;
    const raw = unsquash(scores[s]!) + value;
    scores[s] = squash(raw);
    hits.push({ start: e.evidence.start, end: e.evidence.end, value, sentence: s });
  }
  return { scores, tokenFrom: sc.tokenFrom, tokenTo: sc.tokenTo, hits };
}
