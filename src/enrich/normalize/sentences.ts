/**
 * Sentence splitting for news English: ends at . ! ? (and closing quotes/brackets) followed by space and
 * an upper-case letter, digit or quote — except after abbreviations (Inc., Corp., Mr., U.S., Jan., No.),
 * single initials ("J. Smith") and inside numbers ("$3.5 billion").
 */
import type { Span } from "./normalize.ts";
import { isLetterOrDot } from "./chars.ts";

const ABBREVIATIONS = new Set(
  [
    "inc", "corp", "co", "ltd", "plc", "llc", "bros", "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt",
    "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "adm", "hon", "rev", "vs", "etc", "approx", "est",
    "no", "nos", "fig", "dept", "div", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "e.g", "i.e", "u.s", "u.k", "u.n",
    "e.u", "a.m", "p.m", "n.v", "s.a", "a.g", "ph.d", "yr", "yrs", "mln", "bln", "pct", "ave", "blvd",
  ].map((s) => s.toLowerCase()),
);

/** Abbreviations that usually do end a sentence when followed by a capitalised word. */
const TERMINAL_ABBREVIATIONS = new Set(["etc", "u.s", "u.k", "inc", "corp", "co", "ltd", "plc", "llc"]);

function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot - 1;
  while (i >= floor && isLetterOrDot(text, i)) i--;
  return text.slice(i + 1, dot).toLowerCase();
}

const SINGLE_LETTER = /^\p{L}$/u;
const CAPITALISED = /^[A-Z][a-z]+/;
const OPENERS = /^(The|This|That|These|Those|It|Its|He|She|They|We|In|On|At|But|And|Shares|Analysts|A|An)$/;

function isBoundary(text: string, dot: number, next: number, floor: number): boolean {
  if (text.charCodeAt(dot) !== 46) return true;
  const word = wordBefore(text, dot, floor);
  if (word.length <= 2 && SINGLE_LETTER.test(word)) return false; // initial: "J. Smith"
  if (!ABBREVIATIONS.has(word)) return true;
  if (!TERMINAL_ABBREVIATIONS.has(word)) return false;
  // "…sold to Apple Inc. The deal…": a terminal abbreviation ends the sentence before a common sentence opener.
  const following = CAPITALISED.exec(text.slice(next, next + 20))?.[0] ?? "";
  return OPENERS.test(following);
}

/**
 * Splits the paragraph `p` of `text` into sentence spans (offsets into `text`).
 *
 * @example
 * splitSentences("Apple Inc. rose 3.5%. Shares rallied.", { start: 0, end: 37 }).length // 2
 */
export function splitSentences(text: string, p: Span): Span[] {
  const out: Span[] = [];
  const re = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}$])/gu;
  re.lastIndex = p.start;
  let start = p.start;
  const segment = text.slice(0, p.end);
  for (let m = re.exec(segment); m; m = re.exec(segment)) {
    const endPunct = m.index + m[0].length;
    if (!isBoundary(text, m.index, endPunct + 1, start)) continue;
    out.push({ start, end: endPunct });
    start = endPunct;
    while (start < p.end && text[start] === " ") start++;
  }
  if (start < p.end) out.push({ start, end: p.end });
  return out.filter((s) => s.end > s.start);
}
