/**
 * Word and figure features the summarizer ranks sentences with.
 */
import { findFigures, type Figure, type TextSpan } from "../figures/figures.ts";

const STOP = new Set(
  ("a an and are as at be been but by for from had has have he her his in into is it its of on or said says that the their they this " +
    "to was were which will with would after over than also more new its not no who what when where while about could can may")
    .split(" "),
);

/** The stopwords content words leave out. */
export const CONTENT_STOP: ReadonlySet<string> = STOP;

const STOP_MAX_LENGTH = Math.max(...[...STOP].map((w) => w.length));

/**
 * Word characters of the lower-cased text: [a-z0-9\u00c0-\u024f] start a word; those and ' ’ - continue it.
 *
 * @example
 * startsWord("a".charCodeAt(0)) // true
 */
export function startsWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
}

/**
 * Whether the character code continues a word (see `startsWord`).
 *
 * @example
 * continuesWord("-".charCodeAt(0)) // true
 */
export function continuesWord(c: number): boolean {
  return startsWord(c) || c === 39 || c === 0x2019 || c === 45;
}

/**
 * Where the word run that starts at `i` (a character for which `startsWord` holds) ends.
 *
 * @example
 * wordRunEnd("apple's pie", 0) // 7
 */
export function wordRunEnd(lower: string, i: number): number {
  let e = i + 1;
  while (e < lower.length && continuesWord(lower.charCodeAt(e))) e++;
  return e;
}

/**
 * The end of a word run without a possessive "'s" (straight or curly apostrophe).
 *
 * @example
 * withoutPossessive("apple's", 7) // 5
 */
export function withoutPossessive(lower: string, e: number): number {
  const a = lower.charCodeAt(e - 2);
  return lower.charCodeAt(e - 1) === 115 && (a === 39 || a === 0x2019) ? e - 2 : e;
}

/**
 * Lower-cased content words (no stopwords, no short tokens), read by character code: the words of
 * `/[a-z0-9\u00c0-\u024f][a-z0-9\u00c0-\u024f'’-]*‌/g` on the lower-cased text, without a possessive "'s".
 *
 * @example
 * contentWords("Apple beats the estimates") // Set { "apple", "beats", "estimates" }
 */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  forEachWordSpan(lower, (start, end) => {
    const word = lower.slice(start, end);
    if (end - start > STOP_MAX_LENGTH || !STOP.has(word)) out.add(word);
  });
  return out;
}

/**
 * Calls `fn(start, end)` for every word of three letters or more in a lower-cased text (the words of
 * `contentWords`' pattern, a possessive "'s" left out of the span), left to right.
 *
 * @example
 * forEachWordSpan("apple's pie", (s, e) => console.log(s, e)) // 0 5, 8 11
 */
export function forEachWordSpan(lower: string, fn: (start: number, end: number) => void): void {
  const n = lower.length;
  for (let i = 0; i < n; ) {
    if (!startsWord(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const e = wordRunEnd(lower, i);
    const end = withoutPossessive(lower, e);
    if (end - i > 2) fn(i, end);
    i = e;
  }
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
