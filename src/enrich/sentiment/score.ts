/**
 * Sentence-level sentiment: every lexicon phrase in a sentence, with negation ("did not beat"),
 * intensifiers before or right after ("sharply lower", "fell sharply"), diminishers, and price moves
 * scaled by their percentage ("shares fell 12%" counts more than "shares fell 1%").
 * Computed once per document and shared by the sentiment and events stages.
 */
import type { Doc } from "../normalize/normalize.ts";
import type { Lexicon, LexEntry } from "../../reference/lexicon/lexicon.ts";
import { tokensOf, type Tokens } from "../../reference/lexicon/phrases.ts";

export interface SentimentHit {
  /** Offsets of the phrase in `doc.text`. */
  start: number;
  end: number;
  /** Signed contribution after modifiers. */
  value: number;
  sentence: number;
}

export interface SentenceScores {
  /** Per sentence of `doc.sentences`: −1..1 (0 when no phrase). */
  scores: Float64Array;
  /** Per sentence: token range [first, last) into the document's tokens. */
  tokenFrom: Int32Array;
  tokenTo: Int32Array;
  hits: SentimentHit[];
}

/** Modifiers reach this many tokens forward. */
const NEGATION_REACH = 3;
const INTENSIFIER_REACH = 2;
/** Squashing constant: raw / sqrt(raw² + ALPHA). */
const ALPHA = 8;
const PERCENT_AFTER = /\s*(?:by\s+|about\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|as\s+much\s+as\s+|over\s+)?[-−]?(\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)/y;

function percentAfter(text: string, at: number): number | null {
  PERCENT_AFTER.lastIndex = at;
  const m = PERCENT_AFTER.exec(text);
  return m ? Number(m[1]) : null;
}

function pick(payloads: LexEntry[]): LexEntry {
  for (let k = 0; k < payloads.length; k++) if (payloads[k]!.kind === "polar") return payloads[k]!;
  return payloads[0]!;
}

/**
 * Squashes a raw sum of weights into −1..1.
 *
 * @example
 * squash(2.5) // ≈ 0.66
 */
export function squash(raw: number): number {
  return raw === 0 ? 0 : raw / Math.sqrt(raw * raw + ALPHA);
}

/**
 * The raw sum a squashed score came from (inverse of `squash`).
 *
 * @example
 * unsquash(squash(2.5)) // 2.5
 */
export function unsquash(score: number): number {
  if (score === 0) return 0;
  const c = Math.max(-0.999999, Math.min(0.999999, score));
  return c * Math.sqrt(ALPHA / (1 - c * c));
}

function scoreRange(text: string, tokens: Tokens, lex: Lexicon, from: number, to: number, sentence: number, hits: SentimentHit[]): number {
  let raw = 0;
  let negUntil = -1;
  let neg = 1;
  let intUntil = -1;
  let int = 1;
  const m = lex.matcher;
  for (let i = from; i < to; ) {
    const payloads = m.canStart(tokens, i) ? m.matchAt(tokens, i, to) : null;
    if (!payloads) {
      i++;
      continue;
    }
    const hitTo = m.matchEnd;
    const e = pick(payloads);
    const endOffset = tokens.ends[hitTo - 1]!;
    if (e.kind === "negator") {
      negUntil = hitTo + NEGATION_REACH;
      neg = e.weight;
    } else if (e.kind !== "polar") {
      intUntil = hitTo + INTENSIFIER_REACH;
      int = e.weight;
    } else {
      const pct = e.move || e.needsPercent ? percentAfter(text, endOffset) : null;
      if (!(e.needsPercent && pct === null)) {
        let v = e.weight;
        if (pct !== null) v *= 1 + Math.min(1.5, Math.abs(pct) / 8);
        // A negation covers every phrase within its reach ("failed to win approval").
        if (i < negUntil) v *= neg;
        if (i < intUntil) {
          v *= int;
          intUntil = -1;
        } else if (hitTo < to) {
          const next = m.matchAt(tokens, hitTo, Math.min(to, hitTo + 1));
          const n = next && pick(next);
          if (n && n.kind === "intensifier") v *= n.weight;
        }
        raw += v;
        hits.push({ start: tokens.starts[i]!, end: endOffset, value: v, sentence });
      }
    }
    i = hitTo;
  }
  return raw;
}

/** Per document: the scores under the lexicon they were made with (one entry, not a map per document). */
const cache = new WeakMap<Doc, { lex: Lexicon; scores: SentenceScores }>();

/**
 * Scores every sentence of `doc` with `lex` (cached per document and lexicon).
 *
 * @example
 * const s = sentenceScores(doc, ref.lexicon);
 * s.scores[0] // sentiment of the title, −1..1
 */
export function sentenceScores(doc: Doc, lex: Lexicon): SentenceScores {
  const found = cache.get(doc);
  if (found && found.lex === lex) return found.scores;
  const tokens = tokensOf(doc);
  const n = doc.sentences.length;
  // One buffer for the three per-sentence arrays (a typed array's own buffer costs more than a view).
  const buf = new ArrayBuffer(16 * n);
  const out: SentenceScores = { scores: new Float64Array(buf, 0, n), tokenFrom: new Int32Array(buf, 8 * n, n), tokenTo: new Int32Array(buf, 12 * n, n), hits: [] };
  let k = 0;
  for (let s = 0; s < n; s++) {
    const span = doc.sentences[s]!;
    while (k < tokens.count && tokens.starts[k]! < span.start) k++;
    const from = k;
    while (k < tokens.count && tokens.ends[k]! <= span.end) k++;
    out.tokenFrom[s] = from;
    out.tokenTo[s] = k;
    out.scores[s] = squash(scoreRange(doc.text, tokens, lex, from, k, s, out.hits));
  }
  cache.set(doc, { lex, scores: out });
  return out;
}

/**
 * Sentiment of an arbitrary span of the document (e.g. one clause), from the sentence hits inside it.
 *
 * @example
 * spanScore(scores, { start: 0, end: 40 }) // −1..1
 */
export function spanScore(scores: SentenceScores, span: { start: number; end: number }): { score: number; hits: number } {
  let raw = 0;
  let n = 0;
  for (const h of scores.hits) {
    if (h.start >= span.start && h.end <= span.end) {
      raw += h.value;
      n++;
    }
  }
  return { score: squash(raw), hits: n };
}
