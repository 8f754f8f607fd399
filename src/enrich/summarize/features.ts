/**
 * Word and figure features the summarizer ranks sentences with.
 */
import { findFigures, type Figure, type TextSpan } from "../figures/figures.ts";

const STOP = new Set(
  ("a an and are as at be been but by for from had has have he her his in into is it its of on or said says that the their they this " +
    "to was were which will with would after over than also more new its not no who what when where while about could can may")
    .split(" "),
);

/**
 * Lower-cased content words (no stopwords, no short tokens).
 *
 * @example
 * contentWords("Apple beats the estimates") // Set { "apple", "beats", "estimates" }
 */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  WORD.lastIndex = 0;
  const lower = text.toLowerCase();
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    let word = m[0];
    if (word.endsWith("'s") || word.endsWith("’s")) word = word.slice(0, -2);
    if (word.length > 2 && !STOP.has(word)) out.add(word);
  }
  return out;
}

const WORD = /[a-z0-9\u00c0-\u024f][a-z0-9\u00c0-\u024f'’-]*/g;

/**
 * Overlap of two word sets relative to the smaller one (0..1).
 *
 * @example
 * overlap(new Set(["a", "b"]), new Set(["b", "c", "d"])) // 0.5
 */
export function overlap(a: Set<string>, b: Set<string>): number {
  const small = a.size <= b.size ? a : b;
  const big = small === a ? b : a;
  if (small.size === 0) return 0;
  let n = 0;
  for (const w of small) if (big.has(w)) n++;
  return n / small.size;
}

/**
 * The figures written in a text that carry information (money, percentages, basis points, counts with a
 * unit — not bare numbers or years).
 *
 * @example
 * figuresIn("a $38 billion deal, up 4% in 2025").map((f) => f.text) // ["$38 billion", "4%"]
 */
export function figuresIn(text: string, span?: TextSpan): Figure[] {
  return findFigures(text, span).filter((f) => f.kind !== "year" && f.kind !== "number");
}

/**
 * Whether a text has a money amount.
 *
 * @example
 * hasMoney("a $38 billion deal") // true
 */
export function hasMoney(text: string): boolean {
  return findFigures(text).some((f) => f.kind === "money");
}
