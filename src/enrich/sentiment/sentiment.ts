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
 * names several tickers, only the clause around the mention counts. Per-sentence bookkeeping lives in
 * one integer buffer (no map or set per sentence or symbol); a symbol listed twice counts as a map by
 * symbol would count it (its last ticker's mentions, at its first place).
 *
 * @example
 * tickerSentiment(doc, scores, linked) // { AAPL: 0.61, MSFT: -0.2 }
 */
export function tickerSentiment(doc: Doc, sc: SentenceScores, linked: LinkResult, events: readonly EnrichEvent[] = []): Record<string, number> {
  const tickers = linked.tickers;
  const nt = tickers.length;
  const ns = doc.sentences.length;
  // "Morgan Stanley downgraded Nike": a sentence naming both is about the target, not the broker.
  let actingOn: Map<string, Set<string>> | undefined;
  for (const e of events) {
    if (!e.actor || !e.target || !ABOUT_TARGET.has(e.type)) continue;
    actingOn ??= new Map();
    const set = actingOn.get(e.actor) ?? new Set<string>();
    actingOn.set(e.actor, set.add(e.target));
  }
  // Every mention's sentence, the tickers' mentions one after the other.
  const sentence: number[] = [];
  for (const t of tickers) for (const m of t.mentions) sentence.push(sentenceOf(doc, m.start));
  // Per sentence: symbols with a counted mention, the last such mention (offset, symbol key), a stamp;
  // then per sentence and symbol key whether it has a counted mention there.
  const buf = new Int32Array(ns * (4 + nt));
  const distinct = buf.subarray(0, ns);
  const lastAt = buf.subarray(ns, 2 * ns).fill(-1);
  const lastKey = buf.subarray(2 * ns, 3 * ns);
  const stamp = buf.subarray(3 * ns, 4 * ns);
  const counted = buf.subarray(4 * ns);
  /** Per symbol key (its first ticker): sentence and offset pairs of the sentences that speak of it. */
  const lists: number[][] = [];
  let j = 0;
  for (let t = 0; t < nt; t++) {
    const symbol = tickers[t]!.symbol;
    let k = 0;
    while (tickers[k]!.symbol !== symbol) k++;
    const targets = actingOn?.get(symbol);
    const list: number[] = [];
    for (const m of tickers[t]!.mentions) {
      const s = sentence[j++]!;
      if (s < 0 || (targets && namesTarget(tickers, sentence, s, targets))) continue;
      list.push(s, m.start);
      if (counted[s * nt + k] === 0) {
        counted[s * nt + k] = 1;
        distinct[s]!++;
      }
      if (m.start > lastAt[s]!) {
        lastAt[s] = m.start;
        lastKey[s] = k;
      }
    }
    lists[k] = list;
  }
  // "The company raised its outlook." speaks of the ticker named last before it.
  let previous = -1;
  for (let s = 0; s < ns; s++) {
    if (lastAt[s]! >= 0) previous = lastKey[s]!;
    else if (previous >= 0 && refersBack(doc.text, doc.sentences[s]!.start)) lists[previous]!.push(s, doc.sentences[s]!.start);
  }
  const out: Record<string, number> = {};
  for (let k = 0; k < nt; k++) {
    const list = lists[k];
    if (!list) continue;
    let sum = 0;
    let weight = 0;
    for (let x = 0; x < list.length; x += 2) {
      const s = list[x]!;
      if (stamp[s] === k + 1) continue;
      stamp[s] = k + 1;
      const v = distinct[s]! > 1 ? spanScore(sc, clauseOf(doc, s, list[x + 1]!)).score : sc.scores[s]!;
      const w = sentenceWeight(doc, s);
      sum += v * w;
      weight += v === 0 ? w * NEUTRAL_WEIGHT : w;
    }
    out[tickers[k]!.symbol] = weight > 0 ? round(clamp(sum / weight)) : 0;
  }
  return out;
}

/** Whether sentence `s` names (any mention) one of `targets`. */
function namesTarget(tickers: LinkResult["tickers"], sentence: number[], s: number, targets: Set<string>): boolean {
  let j = 0;
  for (const t of tickers) {
    for (let m = 0; m < t.mentions.length; m++) if (sentence[j++] === s && targets.has(t.symbol)) return true;
  }
  return false;
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
