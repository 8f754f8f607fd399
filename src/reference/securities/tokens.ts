/**
 * Word tokens for alias matching. The same tokenizer reads alias text (at build time) and article text
 * (at link time), so that an alias matches exactly the token sequence it was compiled from.
 *
 * A token is a run of letters/digits, possibly joined by `.`, `&`, `'` without spaces ("Amazon.com",
 * "AT&T", "O'Reilly"); a free-standing `&` and a hyphen between two words are tokens of their own, so
 * that "Microsoft-OpenAI" gives `microsoft - openai` and "meta-analysis" gives `meta - analysis`.
 * The key is lower-case with a trailing possessive removed ("Microsoft's" → `microsoft`).
 */

export interface Token {
  start: number;
  /** End of the token in the text (exclusive), possessive included. */
  end: number;
  /** Lower-case key, possessive stripped. */
  key: string;
  /** Surface form as written (possessive stripped). */
  raw: string;
  /** First character is an upper-case letter or a digit. */
  cap: boolean;
  /** At least two letters, all upper-case ("AMZN", "IBM"). */
  upper: boolean;
  /** Index of the sentence the token is in (set by the linker; -1 for alias text). */
  sentence: number;
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
const NON_ASCII_UPPER = /\p{Lu}/u;
const NON_ASCII_LOWER = /\p{Ll}/u;

/**
 * Classes of a UTF-16 code unit read alone (as `re.test(text[i])` reads it: half of a surrogate pair is
 * none of them): bit 1 = read, bit 2 word, bit 4 upper, bit 8 lower. ASCII is read up front, any other
 * code unit when first met.
 */
const UNIT_CLASS = new Uint8Array(65_536);
const WORD = 2;
const UPPER = 4;
const LOWER = 8;

function readClass(c: number): number {
  const ch = String.fromCharCode(c);
  const k = 1 | (NON_ASCII_WORD.test(ch) ? WORD : 0) | (NON_ASCII_UPPER.test(ch) ? UPPER : 0) | (NON_ASCII_LOWER.test(ch) ? LOWER : 0);
  UNIT_CLASS[c] = k;
  return k;
}
for (let c = 0; c < 128; c++) readClass(c);

/** Class bits of the code unit at `i` (0 past the end). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c === c ? UNIT_CLASS[c] || readClass(c) : 0;
}

function isJoiner(c: number): boolean {
  return c === 46 || c === 38 || c === 39 || c === 0x2019; // . & ' ’
}

/** Letter cases counted while a word is read (a possessive "'s" is taken off at the end). */
let upperN = 0;
let lowerN = 0;
let curlyN = 0;

/** End of the word token starting at `start`: word characters, joined by `.`, `&`, `'`, `’` before another. */
function scanWord(text: string, start: number, to: number): number {
  let upper = 0;
  let lower = 0;
  let curly = 0;
  let j = start;
  for (;;) {
    for (; j < to; j++) {
      const c = text.charCodeAt(j);
      const k = UNIT_CLASS[c] || readClass(c);
      if ((k & WORD) === 0) break;
      if (k & UPPER) upper++;
      else if (k & LOWER) lower++;
    }
    const c = text.charCodeAt(j);
    if (j + 1 >= to || !isJoiner(c) || !(classAt(text, j + 1) & WORD)) break;
    if (c === 0x2019) curly++;
    j++;
  }
  (upperN = upper), (lowerN = lower), (curlyN = curly);
  return j;
}

/** The token of the word `scanWord` has just read, from the counts it left. */
function makeToken(text: string, start: number, end: number): Token {
  let e = end;
  const last = text.charCodeAt(e - 1);
  const before = text.charCodeAt(e - 2);
  if (e - start > 2 && (last === 115 || last === 83) && (before === 39 || before === 0x2019)) {
    e -= 2;
    if (last === 83) upperN--;
    else lowerN--;
    if (before === 0x2019) curlyN--;
  }
  const raw = text.slice(start, e);
  const c0 = text.charCodeAt(start);
  const cap = (c0 >= 48 && c0 <= 57) || (classAt(text, start) & UPPER) !== 0;
  let key = upperN === 0 ? raw : raw.toLowerCase();
  if (curlyN) key = key.replace(/’/g, "'");
  return { start, end, key, raw, cap, upper: lowerN === 0 && upperN >= 2, sentence: -1 };
}

/**
 * Splits text into tokens with offsets.
 *
 * @example
 * tokenize("Microsoft's AWS-backed plan").map((t) => t.key) // ["microsoft", "aws", "-", "backed", "plan"]
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    if (classAt(text, i) & WORD) {
      const j = scanWord(text, i, to);
      out.push(makeToken(text, i, j));
      i = j;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 38) out.push({ start: i, end: i + 1, key: "&", raw: "&", cap: false, upper: false, sentence: -1 });
    else if (c === 45 && i > from && i + 1 < to && classAt(text, i - 1) & WORD && classAt(text, i + 1) & WORD) out.push({ start: i, end: i + 1, key: "-", raw: "-", cap: false, upper: false, sentence: -1 });
    i++;
  }
  return out;
}

/**
 * The token keys of an alias, joined by a space: the form aliases are compared and stored in.
 *
 * @example
 * aliasKey("Procter & Gamble") // "procter & gamble"
 */
export function aliasKey(alias: string): string {
  return tokenize(alias).map((t) => t.key).join(" ");
}

/** Words that may be lower-case inside a proper name ("Bank of America", "Procter & Gamble"). */
export const CONNECTIVES = new Set(["of", "and", "&", "the", "de", "la", "du", "der", "for", "-", "y", "di", "von", "van", "e"]);
