/**
 * Word and figure features the summarizer ranks sentences with.
 */
import { findFigures, type Figure } from "../figures/figures.ts";

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
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
    const word = w.replace(/['’]s$/, "");
    if (word.length > 2 && !STOP.has(word)) out.add(word);
  }
  return out;
}

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
export function figuresIn(text: string): Figure[] {
  return findFigures(text).filter((f) => f.kind !== "year" && f.kind !== "number");
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
