/**
 * What an event detector sees (one sentence, its figures, the parties of the document) and what it
 * returns (a draft the events stage turns into a contract `Event`).
 */
import type { Doc, Span } from "../normalize/normalize.ts";
import type { EventType } from "../../contract/enrichment.ts";
import { findFigures, type Figure } from "../figures/figures.ts";
import type { PartyIndex } from "./actors.ts";

export interface SentenceCtx {
  doc: Doc;
  /** Sentence index into `doc.sentences`. */
  s: number;
  span: Span;
  /** The sentence's text (offset `span.start` in `doc.text`). */
  text: string;
  parties: PartyIndex;
  /** Sentence sentiment, −1..1. */
  tone: number;
  /** Figures of the sentence (computed on first use). */
  figures(): Figure[];
  /** Figures of the next `n` sentences ("Under the terms of the deal, … $142.50 per share"). */
  nextFigures(n: number): Figure[];
}

export interface Draft {
  type: EventType;
  subtype?: string;
  /** Offset (in `doc.text`) of the trigger words: the actor is found before it, the target after. */
  at: number;
  /** "X was acquired by Y": the party after the trigger acts. */
  passive?: boolean;
  actor?: string | null;
  target?: string | null;
  amount?: Figure;
  figures: Array<{ name: string; figure: Figure }>;
  from?: string;
  to?: string;
  polarity?: "positive" | "negative" | "neutral";
  confidence: number;
}

export type Detector = (ctx: SentenceCtx) => Draft[];

/**
 * Builds the context of sentence `s`.
 *
 * @example
 * const ctx = sentenceCtx(doc, 2, parties, 0.4);
 * ctx.figures().map((f) => f.text)
 */
export function sentenceCtx(doc: Doc, s: number, parties: PartyIndex, tone: number): SentenceCtx {
  return new Ctx(doc, s, parties, tone);
}

/** A class rather than an object of closures: one is made per sentence with a trigger. */
class Ctx implements SentenceCtx {
  readonly span: Span;
  readonly text: string;
  private figs: Figure[] | undefined;

  constructor(
    readonly doc: Doc,
    readonly s: number,
    readonly parties: PartyIndex,
    readonly tone: number,
  ) {
    this.span = doc.sentences[s]!;
    this.text = doc.text.slice(this.span.start, this.span.end);
  }

  figures(): Figure[] {
    return (this.figs ??= findFigures(this.doc.text, this.span));
  }

  nextFigures(n: number): Figure[] {
    const last = this.doc.sentences[Math.min(this.doc.sentences.length - 1, this.s + n)];
    return last && last.end > this.span.end ? findFigures(this.doc.text, { start: this.span.end, end: last.end }) : [];
  }
}

const ESTIMATE_WORD = /(?:estimates?|expect\w*|consensus|analysts?[’']?|forecasts?|anticipat\w*|polled|projected|predicted|compared with|versus|vs\.?)(?=[\s,])/gi;
const MARKET_ESTIMATE_WORD = /(?:estimates?|consensus|analysts?[’']?|wall street|polled|compared with|versus|vs\.?)(?=[\s,])/gi;
const ACTUAL_BETWEEN = /\b(?:and|but|while|reported|posted|earned|was|were|rose|fell|grew|on|with)\b|[$\d;]/i;
const ESTIMATE_AFTER = /^\s*(?:that\s+)?(?:analysts|wall\s+street|expected|estimated|forecast|anticipated|consensus|predicted)/i;
const MARKET_ESTIMATE_AFTER = /^\s*(?:that\s+)?(?:analysts|wall\s+street|consensus|expected by)/i;

/**
 * Whether a figure is the market's expectation rather than the actual ("… above the $1.10 analysts
 * expected", "compared with expectations of a profit of 10 cents"). With `marketOnly`, the company's own
 * words ("forecast", "expects") do not count: for guidance figures.
 *
 * @example
 * isEstimate(doc.text, figure)
 */
export function isEstimate(text: string, f: Figure, marketOnly = false): boolean {
  if ((marketOnly ? MARKET_ESTIMATE_AFTER : ESTIMATE_AFTER).test(text.slice(f.end, f.end + 40))) return true;
  const before = text.slice(Math.max(0, f.start - 50), f.start);
  const re = marketOnly ? MARKET_ESTIMATE_WORD : ESTIMATE_WORD;
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(before); m; m = re.exec(before)) last = m;
  return last !== null && !ACTUAL_BETWEEN.test(before.slice(last.index + last[0].length));
}

/**
 * Whether `re` matches within `before` characters ahead of the figure or `after` characters behind it.
 *
 * @example
 * near(doc.text, premiumFigure, /premium/i, 40, 20) // true
 */
export function near(text: string, f: Figure, re: RegExp, before = 40, after = 40): boolean {
  return re.test(text.slice(Math.max(0, f.start - before), f.start)) || re.test(text.slice(f.end, f.end + after));
}

/**
 * The largest plain money figure (not per-share), the usual headline amount.
 *
 * @example
 * largestMoney(ctx.figures())?.text // "$61 billion"
 */
export function largestMoney(figs: readonly Figure[]): Figure | undefined {
  let best: Figure | undefined;
  for (const f of figs) if (f.kind === "money" && f.unit !== "per_share" && (!best || f.value > best.value)) best = f;
  return best;
}

/**
 * Offset in `doc.text` of a regex match found in the sentence text.
 *
 * @example
 * absolute(ctx, /beat/.exec(ctx.text)!) // ctx.span.start + index
 */
export function absolute(ctx: SentenceCtx, m: RegExpExecArray): number {
  return ctx.span.start + m.index;
}

/**
 * Hedged or speculative sentence ("may", "in talks", "reportedly"): lowers the confidence.
 *
 * @example
 * speculative("Apple is reportedly in talks to buy…") // true
 */
export function speculative(text: string): boolean {
  return /\b(?:may|might|could|would|reportedly|rumou?r\w*|in talks|considering|exploring|weighing|people familiar|sources said|if|whether)\b/i.test(text);
}
