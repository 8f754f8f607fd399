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
  const span = doc.sentences[s]!;
  let figs: Figure[] | undefined;
  return {
    doc,
    s,
    span,
    text: doc.text.slice(span.start, span.end),
    parties,
    tone,
    figures: () => (figs ??= findFigures(doc.text, span)),
  };
}

const ESTIMATE_BEFORE = /(?:estimates?|expect\w*|consensus|analysts?|forecasts?|anticipat\w*|polled|projected|predicted|view|guidance of|compared with|versus|vs\.?)\s+(?:of\s+|for\s+|at\s+|was\s+|had\s+expected\s+|by\s+\w+\s+)?(?:an?\s+|the\s+)?(?:average\s+)?(?:\w+\s+)?$/i;
const ESTIMATE_AFTER = /^\s*(?:that\s+)?(?:analysts|wall\s+street|expected|estimated|forecast|anticipated|consensus|predicted)/i;

/**
 * Whether a figure is the market's expectation rather than the actual ("… above the $1.10 analysts expected").
 *
 * @example
 * isEstimate(doc.text, figure)
 */
export function isEstimate(text: string, f: Figure): boolean {
  return ESTIMATE_BEFORE.test(text.slice(Math.max(0, f.start - 50), f.start)) || ESTIMATE_AFTER.test(text.slice(f.end, f.end + 40));
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

/** Offset in `doc.text` of a regex match found in the sentence text. */
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
