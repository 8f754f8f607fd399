/**
 * The word scanner behind `tokenize`: one pass over the char codes instead of a Unicode regular
 * expression. A word is a run of letters and digits (`\p{L}`, `\p{N}`), joined across a single
 * `'`, `’`, `&` or `.` when a letter or digit follows ("M&A", "U.S", "3.5", "didn't"); exactly what
 * `/[\p{L}\p{N}]+(?:['’&.][\p{L}\p{N}]+)*\/gu` matches.
 */

/** ASCII: 1 for a letter or digit. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
/** Other BMP code units, classified on first sight: 0 not yet, 1 letter or digit, 2 neither. */
const BMP = new Uint8Array(65536);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Code units taken by the letter or digit at `i` (2 for an astral one), 0 when `i` holds none. */
function wordUnit(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII[c]!;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff && LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let k = BMP[c]!;
  if (k === 0) BMP[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 38 || c === 46;

export interface Scanned {
  words: string[];
  starts: number[];
  ends: number[];
}

/**
 * Lower-cased words of `text` with their offsets: possessive "'s" removed, curly apostrophes made straight.
 *
 * @example
 * scanWords("Apple’s M&A").words // ["apple", "m&a"]
 */
export function scanWords(text: string): Scanned {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length; // lower-casing rarely changes length ("İ")
  const n = text.length;
  for (let i = 0; i < n; ) {
    let l = wordUnit(text, i);
    if (l === 0) {
      i++;
      continue;
    }
    const s = i;
    let curly = false;
    i += l;
    for (;;) {
      while (i < n && (l = wordUnit(text, i)) > 0) i += l;
      const c = text.charCodeAt(i);
      if (!isJoiner(c) || i + 1 >= n || wordUnit(text, i + 1) === 0) break;
      if (c === 0x2019) curly = true;
      i++;
    }
    let w = sameLength ? lower.slice(s, i) : text.slice(s, i).toLowerCase();
    if (curly) w = w.replace(/’/g, "'");
    if (w.endsWith("'s")) w = w.slice(0, -2);
    words.push(w);
    starts.push(s);
    ends.push(i);
  }
  return { words, starts, ends };
}
