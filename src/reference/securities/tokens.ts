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
 * none of them), read once per code unit: bit 1 = set, bit 2 word, bit 4 upper, bit 8 lower.
 */
const UNIT_CLASS = new Uint8Array(65_536);

function unitClass(c: number): number {
  let k = UNIT_CLASS[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = 1 | (NON_ASCII_WORD.test(ch) ? 2 : 0) | (NON_ASCII_UPPER.test(ch) ? 4 : 0) | (NON_ASCII_LOWER.test(ch) ? 8 : 0);
    UNIT_CLASS[c] = k;
  }
  return k;
}

function isWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return c === c && (unitClass(c) & 2) !== 0;
}

function isJoiner(c: number): boolean {
  return c === 46 || c === 38 || c === 39 || c === 0x2019; // . & ' ’
}

function makeToken(text: string, start: number, end: number): Token {
  let e = end;
  const last = text.charCodeAt(e - 1);
  const before = text.charCodeAt(e - 2);
  if (e - start > 2 && (last === 115 || last === 83) && (before === 39 || before === 0x2019)) e -= 2;
  let upperN = 0;
  let lower = false;
  let curly = false;
  for (let k = start; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) upperN++;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c >= 128) {
      if (c === 0x2019) curly = true;
      const u = unitClass(c);
      if (u & 4) upperN++;
      else if (u & 8) lower = true;
    }
  }
  const raw = text.slice(start, e);
  const c0 = text.charCodeAt(start);
  const cap = (c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57) || (c0 >= 128 && (unitClass(c0) & 4) !== 0);
  let key = upperN === 0 ? raw : raw.toLowerCase();
  if (curly) key = key.replace(/’/g, "'");
  return { start, end, key, raw, cap, upper: !lower && upperN >= 2, sentence: -1 };
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
    if (isWord(text, i)) {
      let j = i + 1;
      for (;;) {
        while (j < to && isWord(text, j)) j++;
        if (j + 1 < to && isJoiner(text.charCodeAt(j)) && isWord(text, j + 1)) j += 2;
        else break;
      }
      out.push(makeToken(text, i, j));
      i = j;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 38) out.push({ start: i, end: i + 1, key: "&", raw: "&", cap: false, upper: false, sentence: -1 });
    else if (c === 45 && i > from && i + 1 < to && isWord(text, i - 1) && isWord(text, i + 1)) out.push({ start: i, end: i + 1, key: "-", raw: "-", cap: false, upper: false, sentence: -1 });
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
