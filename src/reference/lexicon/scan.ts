/**
 * The word scanner behind `tokenize`: one pass over the char codes instead of a Unicode regular
 * expression, and no string per word. A word is a run of letters and digits (`\p{L}`, `\p{N}`), joined
 * across a single `'`, `’`, `&` or `.` when a letter or digit follows ("M&A", "U.S", "3.5", "didn't"):
 * exactly what `/[\p{L}\p{N}]+(?:['’&.][\p{L}\p{N}]+)*\/gu` matches. A possessive "'s" stays in the
 * token's offsets but not in its word.
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
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/** Where `scanSpans` writes while it scans (grown as needed, reused): starts, ends, word ends, word hashes. */
let scratch = new Int32Array(4 * 1024);

/** ASCII code units as lower-cased words have them. */
const LOWER = new Uint16Array(128);
for (let c = 0; c < 128; c++) LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;

/** Token offsets, and where each token's word is read from. */
export interface Spans {
  count: number;
  /** Offsets of the tokens in the text. */
  starts: Int32Array;
  ends: Int32Array;
  /**
   * The words, lower-cased: `src.slice(wstart[k], wend[k])` with curly apostrophes made straight. `src` is
   * the lower-cased text (then `wstart` is `starts`), or, when lower-casing changed the text's length
   * ("İ"), the words joined by spaces.
   */
  src: string;
  wstart: Int32Array;
  wend: Int32Array;
  /**
   * Per token, the FNV-1a hash of its word's code units (curly apostrophes straight), as the vocabulary
   * hashes words (vocab.ts `hashOf`); absent when the words were joined.
   */
  hashes?: Int32Array;
}

/**
 * Finds the word tokens of `text`, and hashes each word while reading it (so the vocabulary look-up
 * does not read the letters again to hash them).
 *
 * @example
 * const s = scanSpans("Apple’s M&A"); s.src.slice(s.wstart[0], s.wend[0]) // "apple"
 */
export function scanSpans(text: string): Spans {
  const n = text.length;
  const cap = (n >> 1) + 1; // two tokens need a separator between them
  if (scratch.length < cap * 4) scratch = new Int32Array(cap * 4);
  const buf0 = scratch;
  const lower = text.toLowerCase();
  let count = 0;
  for (let i = 0; i < n; ) {
    let c = text.charCodeAt(i);
    let l = c < 128 ? ASCII[c]! : wordUnit(text, i);
    if (l === 0) {
      i++;
      continue;
    }
    const s = i;
    let h = 0x811c9dc5;
    /** The hash before the last joiner: the word's hash when it ends in a possessive "'s". */
    let beforeJoiner = h;
    for (;;) {
      // The letter or digit at i (l code units), then the next one; a joiner counts when one follows it.
      if (c < 128) {
        h = Math.imul(h ^ LOWER[c]!, 0x01000193);
        i++;
        // The common case: a run of ASCII letters and digits.
        while (i < n && (c = text.charCodeAt(i)) < 128 && ASCII[c] === 1) {
          h = Math.imul(h ^ LOWER[c]!, 0x01000193);
          i++;
        }
      } else {
        h = Math.imul(h ^ lower.charCodeAt(i), 0x01000193);
        if (l === 2) h = Math.imul(h ^ lower.charCodeAt(i + 1), 0x01000193);
        i += l;
      }
      if (i >= n) break;
      c = text.charCodeAt(i);
      l = c < 128 ? ASCII[c]! : wordUnit(text, i);
      if (l > 0) continue;
      if (!isJoiner(c) || i + 1 >= n) break;
      const d = text.charCodeAt(i + 1);
      const m = d < 128 ? ASCII[d]! : wordUnit(text, i + 1);
      if (m === 0) break;
      beforeJoiner = h;
      h = Math.imul(h ^ (c === 0x2019 ? 39 : c), 0x01000193);
      i++;
      c = d;
      l = m;
    }
    const possessive = i - s >= 3 && lower.charCodeAt(i - 1) === 115 && isApostrophe(lower.charCodeAt(i - 2));
    buf0[count] = s;
    buf0[cap + count] = i;
    buf0[2 * cap + count] = possessive ? i - 2 : i;
    buf0[3 * cap + count++] = possessive ? beforeJoiner : h;
  }
  // The scan ran in the shared scratch buffer: the tokens get one buffer of their exact size.
  const buf = new Int32Array(count * 4);
  buf.set(buf0.subarray(0, count), 0);
  buf.set(buf0.subarray(cap, cap + count), count);
  buf.set(buf0.subarray(2 * cap, 2 * cap + count), 2 * count);
  buf.set(buf0.subarray(3 * cap, 3 * cap + count), 3 * count);
  const own = buf.subarray(0, count);
  const spans = { count, starts: own, ends: buf.subarray(count, 2 * count), src: lower, wstart: own, wend: buf.subarray(2 * count, 3 * count), hashes: buf.subarray(3 * count) };
  return lower.length === n ? spans : joined(text, spans);
}

/** Lower-casing changed the length: each word lower-cased on its own, the words joined by spaces. */
function joined(text: string, spans: Spans): Spans {
  const words: string[] = [];
  for (let k = 0; k < spans.count; k++) {
    let w = text.slice(spans.starts[k], spans.ends[k]).toLowerCase();
    if (w.includes("’")) w = w.replace(/’/g, "'");
    if (w.endsWith("'s")) w = w.slice(0, -2);
    words.push(w);
  }
  const wstart = new Int32Array(spans.count);
  const wend = new Int32Array(spans.count);
  let at = 0;
  for (let k = 0; k < words.length; k++) {
    wstart[k] = at;
    wend[k] = at += words[k]!.length;
    at++;
  }
  return { count: spans.count, starts: spans.starts, ends: spans.ends, src: words.join(" "), wstart, wend };
}

/**
 * The word of token `k`.
 *
 * @example
 * wordOf(scanSpans("Apple’s"), 0) // "apple"
 */
export function wordOf(s: Spans, k: number): string {
  const w = s.src.slice(s.wstart[k], s.wend[k]);
  return w.includes("’") ? w.replace(/’/g, "'") : w;
}
