/**
 * Stage 7 — summarize: an extractive summary of 2–4 factual sentences taken verbatim from the body, so
 * every figure in it is in the source by construction. Sentences are ranked by position, density of
 * linked entities and figures, overlap with the title and with event evidence; near-duplicates are
 * dropped (maximal marginal relevance) and the chosen sentences are given back in document order.
 */
import type { Doc, Span } from "../normalize/normalize.ts";
import type { Reference } from "../../reference/reference.ts";
import type { Findings } from "../findings.ts";
import { figuresIn } from "./features.ts";
import { markIds, overlapMarked, WordIds } from "./words.ts";
import { prominence } from "../impact/prominence.ts";

export interface SummaryOptions {
  /** Most sentences to keep (2..4; default 3). */
  maxSentences?: number;
  /** Soft budget in words (default 90): stop adding once reached, after the first two sentences. */
  maxWords?: number;
}

interface Candidate {
  span: Span;
  text: string;
  /** Content-word ids (per document, see words.ts). */
  words: number[];
  /** Largest overlap with a chosen sentence so far (see `pick`). */
  redundancy: number;
  wordCount: number;
  score: number;
  money: boolean;
}

const DATELINE = /^(?:[A-Z][A-Z.' ]{2,40}(?:,\s*[A-Z][A-Za-z. ]+)?\s*(?:\([A-Za-z ]+\))?\s*[-—–]+\s*)/;
/** Sentences that lean on the previous one ("It also said…") read badly alone. */
const ANAPHOR = /^(?:It|He|She|They|This|That|These|Those|Its|His|Her|Their|But|And|Also)\b/;
/** Background: history rather than the news. */
const BACKGROUND = /\b(?:last year|years? ago|over the past|(?:in|since) (?:19|20)\d\d|previously|earlier this year|has long|had been)\b/i;
const JUNK = /\b(click here|subscribe|sign up|newsletter|all rights reserved|cookie)\b/i;

/** Counts, for each sentence (in order), the mentions inside it: one sweep over mentions sorted by start. */
function countsInside(mentions: { start: number; end: number }[], sentences: Span[]): number[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let j = 0;
  return sentences.map((s) => {
    while (j < sorted.length && sorted[j]!.start < s.start) j++;
    let n = 0;
    for (let k = j; k < sorted.length && sorted[k]!.start < s.end; k++) if (sorted[k]!.end <= s.end) n++;
    return n;
  });
}

/** First letters of ANAPHOR's words. */
const ANAPHOR_FIRST = "IHSTBA";

/** A dateline starts with two of [A-Z][A-Z.' ] ("WASHINGTON —"): most sentences do not. */
function mayBeDateline(raw: string): boolean {
  const a = raw.charCodeAt(0);
  const b = raw.charCodeAt(1);
  return a >= 65 && a <= 90 && ((b >= 65 && b <= 90) || b === 46 || b === 39 || b === 32);
}

/** Characters of `\s`. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Number of `\S+` runs in `text`. */
function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Opens with a quote or ends with a question (`/^["“‘']/`, `/\?["”]?$/`). */
function quoteOrQuestion(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 34 || first === 0x201c || first === 0x2018 || first === 39) return true;
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  return last === 63 || ((last === 34 || last === 0x201d) && text.charCodeAt(n - 2) === 63);
}

interface Weighted {
  start: number;
  end: number;
  weight: number;
}

/** 0.3 × the largest weight of the event evidence overlapping `span` (0 without). */
function eventWeight(evidence: Weighted[], span: Span): number {
  let max = 0;
  for (const e of evidence) if (e.start < span.end && e.end > span.start && e.weight > max) max = e.weight;
  return 0.3 * max;
}

function titleOverlap(title: Set<number>, words: number[]): number {
  if (!title.size) return 0;
  let n = 0;
  for (const w of words) if (title.has(w)) n++;
  return n / title.size;
}

function candidates(doc: Doc, f: Findings): Candidate[] {
  const body = doc.sentences.filter((s) => s.start >= doc.bodyStart);
  const ids = new WordIds();
  const title = new Set(ids.of(doc.title));
  const mentions = [...f.linked.tickers.flatMap((t) => t.mentions), ...f.linked.entities.flatMap((e) => e.mentions)];
  const evidence = f.events.map((e) => ({ start: e.evidence.start, end: e.evidence.end, weight: prominence(doc, e) }));
  const mentionCounts = countsInside(mentions, body);
  const firstOfParagraph = new Set(doc.paragraphs.map((p) => p.start));
  const allFigures = figuresIn(doc.text, { start: doc.bodyStart, end: doc.text.length });
  let fi = 0;
  return body.map((span, j) => {
    const raw = doc.text.slice(span.start, span.end);
    const text = mayBeDateline(raw) ? raw.replace(DATELINE, "") : raw;
    const words = ids.of(text);
    const wordCount = countWords(text);
    const position = 1 / (1 + 0.25 * j) + (firstOfParagraph.has(span.start) ? 0.1 : 0);
    const density = Math.min(1, mentionCounts[j]! / 2);
    while (fi < allFigures.length && allFigures[fi]!.start < span.start) fi++;
    let figs = 0;
    let money = false;
    for (let k = fi; k < allFigures.length && allFigures[k]!.end <= span.end; k++) figs++, (money ||= allFigures[k]!.kind === "money");
    const figures = Math.min(1, figs / 2);
    let score = 0.35 * position + 0.2 * density + 0.2 * figures + 0.25 * titleOverlap(title, words) + eventWeight(evidence, span);
    if (wordCount < 7) score *= 0.3;
    if (wordCount > 55) score *= 0.7;
    if (quoteOrQuestion(text)) score *= 0.6;
    if (ANAPHOR_FIRST.includes(text[0] ?? "") && ANAPHOR.test(text)) score *= 0.5;
    if (BACKGROUND.test(text)) score *= 0.75;
    if (JUNK.test(text)) score = 0;
    return { span, text, words, wordCount, score, money, redundancy: 0 };
  });
}

function pick(cands: Candidate[], max: number, maxWords: number): Candidate[] {
  const chosen: Candidate[] = [];
  let words = 0;
  const pool = cands.filter((c) => c.score > 0);
  for (const c of pool) c.redundancy = 0;
  while (chosen.length < max && pool.length > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      const c = pool[i]!;
      const value = c.redundancy > 0.6 ? -Infinity : c.score - 0.6 * c.redundancy;
      if (value > bestValue) (best = i), (bestValue = value);
    }
    if (best < 0 || bestValue === -Infinity) break;
    const [c] = pool.splice(best, 1);
    if (chosen.length >= 2 && words + c!.wordCount > maxWords) break;
    chosen.push(c!);
    words += c!.wordCount;
    // The redundancy of the others is their largest overlap with any chosen one: only the new one can raise it.
    markIds(c!.words);
    for (const o of pool) o.redundancy = Math.max(o.redundancy, overlapMarked(o.words, c!.words.length));
  }
  return chosen;
}

/** When the article has dollar figures and no chosen sentence keeps one, swap the weakest for the best one. */
function keepMoney(chosen: Candidate[], cands: Candidate[]): Candidate[] {
  if (chosen.length === 0 || chosen.some((c) => c.money)) return chosen;
  const money = cands.filter((c) => c.money && c.score > 0 && !chosen.includes(c)).sort((a, b) => b.score - a.score)[0];
  if (!money) return chosen;
  const weakest = chosen.reduce((a, b) => (b.score < a.score ? b : a));
  if (money.score < 0.5 * weakest.score) return chosen;
  return chosen.map((c) => (c === weakest ? money : c));
}

/**
 * Writes the extractive summary of an article.
 *
 * @example
 * summarize(doc, ref, findings)
 * // "OpenAI is expanding its cloud … a $100 billion increase in AWS spending. The latest restructuring ends …"
 */
export function summarize(doc: Doc, _ref: Reference, f: Findings, options: SummaryOptions = {}): string {
  const max = Math.min(4, Math.max(2, options.maxSentences ?? 3));
  const cands = candidates(doc, f);
  if (cands.length === 0) return doc.title;
  const chosen = keepMoney(pick(cands, max, options.maxWords ?? 90), cands);
  if (chosen.length === 0) return doc.title;
  return chosen
    .sort((a, b) => a.span.start - b.span.start)
    .map((c) => c.text)
    .join(" ");
}
