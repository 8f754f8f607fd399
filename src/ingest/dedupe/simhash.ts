/**
 * 64-bit SimHash over word shingles (1- and 2-shingles), for near-duplicate detection (the same
 * story re-worded by another outlet). Stop words are dropped and figures normalised ("$4.2 billion"
 * = "4.2bn").
 *
 * One pass over the lower-cased text, by character code: a word's hash is computed on the text
 * itself (no token strings are built except for figures and for the rare word whose hash is that of
 * a stop word), and the features are kept in an open-addressing integer table, not a `Map`.
 * The tokens are those of the regex `/\d[\d,]*(?:\.\d+)?|[\p{L}][\p{L}\p{N}'’]*‌/gu`.
 */

import { hammingHex } from "../../store/keys.ts";

const STOP_WORDS = (
  "a an the of and or to in on at for by with from as is are was were be been being it its this that these those has have had " +
  "will would could should may might can said says say told also but not than then so such into over after before about " +
  "which who whom whose what when where while their there they them he she his her we our you your i new per"
).split(" ");

const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mln: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bln: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, t: 1e12 };

function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a 32 of `s[start, end)`, through the murmur3 finaliser. */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/**
 * Stop words by hash, in an open-addressing table of int32 hashes (a `Map` with the uint32 keys
 * above 2^31 would hash heap numbers); a hit is confirmed on the text: a hash is not a word.
 */
const STOP_MASK = 255;
const STOP_HASHES = new Int32Array(STOP_MASK + 1);
const STOP_TEXT: string[] = new Array<string>(STOP_MASK + 1).fill("");
for (const w of STOP_WORDS) {
  const h = hashRange(w, 0, w.length);
  let k = h & STOP_MASK;
  while (STOP_TEXT[k] !== "" && STOP_TEXT[k] !== w) k = (k + 1) & STOP_MASK;
  STOP_HASHES[k] = h | 0;
  STOP_TEXT[k] = w;
}
const STOP_MAX_LENGTH = Math.max(...STOP_WORDS.map((w) => w.length));

// Character classes of the lower-cased text (the token regex's, by UTF-16 code unit).
const OTHER = 1;
const LETTER = 2; // \p{L}: starts and continues a word
const NUMBER = 3; // \p{N} but not an ASCII digit: continues a word
const DIGIT = 4; // \d: starts a figure, continues a word
const QUOTE = 5; // ' and ’: continue a word
const CLASS = new Uint8Array(65_536);
const LETTER_RE = /^\p{L}$/u;
const NUMBER_RE = /^\p{N}$/u;

/** Classes of the ASCII characters, read once. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => (c >= 48 && c <= 57 ? DIGIT : c === 39 ? QUOTE : classOf(String.fromCharCode(c))));

function classOf(ch: string): number {
  return LETTER_RE.test(ch) ? LETTER : NUMBER_RE.test(ch) ? NUMBER : OTHER;
}

/** Class of the code point at `i` and its length in code units (2 for a surrogate pair). */
let cpLength = 1;
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  cpLength = 1;
  if (c < 128) return ASCII_CLASS[c]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      cpLength = 2;
      return classOf(s.slice(i, i + 2));
    }
  }
  let k = CLASS[c]!;
  if (k === 0) k = CLASS[c] = c >= 48 && c <= 57 ? DIGIT : c === 39 || c === 0x2019 ? QUOTE : c >= 0xd800 && c <= 0xdfff ? OTHER : classOf(String.fromCharCode(c));
  return k;
}

/** The raw token found by `nextToken`: [tokStart, tokEnd), a figure when `tokFigure`. */
let tokStart = 0;
let tokEnd = 0;
let tokFigure = false;

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Finds the next raw token at or after `from`; false at the end of the text. */
function nextToken(s: string, from: number): boolean {
  const n = s.length;
  let i = from;
  while (i < n) {
    const k = classAt(s, i);
    if (k === DIGIT) {
      let e = i + 1;
      while (e < n && (isDigit(s, e) || s.charCodeAt(e) === 44)) e++;
      if (e + 1 < n && s.charCodeAt(e) === 46 && isDigit(s, e + 1)) for (e += 2; e < n && isDigit(s, e); ) e++;
      tokStart = i, tokEnd = e, tokFigure = true;
      return true;
    }
    if (k === LETTER) {
      let e = i + cpLength;
      while (e < n) {
        const d = s.charCodeAt(e);
        if (d < 128) {
          if (ASCII_CLASS[d] === OTHER) break;
          e++;
        } else if (classAt(s, e) !== OTHER) e += cpLength;
        else break;
      }
      tokStart = i, tokEnd = e, tokFigure = false;
      return true;
    }
    i += cpLength;
  }
  return false;
}

/** A figure token's text ("#4200000000"); reads the following raw token for a scale word and moves `tokEnd` past it. */
function figureAt(s: string, start: number, end: number): string {
  const w = s.slice(start, end);
  let v = Number(w.includes(",") ? w.replace(/,/g, "") : w);
  if (nextToken(s, end)) {
    const scale = SCALE[s.slice(tokStart, tokEnd)];
    if (scale !== undefined) v *= scale, end = tokEnd;
  }
  tokEnd = end;
  return `#${Math.round(v * 1000) / 1000}`;
}

/** End of a word without its possessive "'s" / "’s". */
function wordEnd(s: string, start: number, end: number): number {
  if (end - start > 2 && s.charCodeAt(end - 1) === 115) {
    const q = s.charCodeAt(end - 2);
    if (q === 39 || q === 0x2019) return end - 2;
  }
  return end;
}

function isStopWord(s: string, start: number, end: number, hash: number): boolean {
  if (end - start > STOP_MAX_LENGTH) return false;
  for (let k = hash & STOP_MASK; STOP_TEXT[k] !== ""; k = (k + 1) & STOP_MASK) {
    if (STOP_HASHES[k] !== (hash | 0)) continue;
    const stop = STOP_TEXT[k]!;
    if (stop.length === end - start && s.startsWith(stop, start)) return true;
  }
  return false;
}

/**
 * Walks the kept tokens of lower-cased text: calls `visit(hash, figure)` for each (figure or word),
 * and `named(text)` with its text when given.
 */
function walk(lower: string, visit: (hash: number, figure: boolean) => void, named?: (text: string) => void): void {
  let pos = 0;
  while (nextToken(lower, pos)) {
    const start = tokStart;
    if (tokFigure) {
      const f = figureAt(lower, start, tokEnd);
      visit(hashRange(f, 0, f.length), true);
      named?.(f);
    } else {
      const end = wordEnd(lower, start, tokEnd);
      const hash = hashRange(lower, start, end);
      if (end - start > 1 && !isStopWord(lower, start, end, hash)) {
        visit(hash, false);
        named?.(lower.slice(start, end));
      }
    }
    pos = tokEnd;
  }
}

/**
 * The tokens features are built from: lower-cased words and normalised figures, stop words dropped.
 * A figure with a scale word becomes one token ("4.2 billion" → "#4200000000").
 *
 * @example
 * tokens("Acme to buy Beta for $4.2 billion") // ["acme", "buy", "beta", "#4200000000"]
 */
export function tokens(text: string): string[] {
  const out: string[] = [];
  walk(text.toLowerCase(), () => {}, (t) => out.push(t));
  return out;
}

/** Feature table: hash → weight in quarters (figure 12, word 4, 2-shingle 1), reused between calls. */
let keys = new Int32Array(1024);
let weights = new Uint8Array(1024);
/** The slots in use, in the order they were filled: `used[0..usedN)`. */
let used = new Int32Array(512);
let usedN = 0;

function slot(hash: number): number {
  const mask = keys.length - 1;
  let i = hash & mask;
  while (weights[i] !== 0 && keys[i] !== (hash | 0)) i = (i + 1) & mask;
  return i;
}

function put(hash: number, weight: number, overwrite: boolean): void {
  if (usedN * 2 >= keys.length) grow();
  const i = slot(hash);
  if (weights[i] === 0) (used[usedN++] = i), (keys[i] = hash), (weights[i] = weight);
  else if (overwrite) weights[i] = weight;
}

function grow(): void {
  const old = Array.from(used.subarray(0, usedN), (i) => [keys[i]!, weights[i]!] as const);
  keys = new Int32Array(keys.length * 2);
  weights = new Uint8Array(keys.length);
  used = new Int32Array(keys.length / 2);
  usedN = 0;
  for (const [k, w] of old) put(k, w, true);
}

/**
 * Weighted bit counts, bit-sliced: 32 counts are kept as 32 words, word `k` holding bit `k` of every
 * count (count `b` is `Σ 2^k · (bit b of word k)`). Adding a weight 2^k to the counts of the bits set
 * in `x` is one ripple-carry add on all 32 counts at once (a few AND/XOR: the carry soon dies out).
 * `slices[0..32)` counts the low half of the 64-bit hash, `slices[32..64)` the high half.
 */
const slices = new Int32Array(64);

/**
 * Adds `weight` (a sum of powers of two) to each of the 32 bit-sliced counts at `slices[base..base+32)`
 * whose bit is set in `x`.
 *
 * @example
 * const s = new Int32Array(32);
 * addWeighted(s, 0, 0b101, 12); // counts of bits 0 and 2 are now 12
 * majorityBits(s, 0, 20) // 0b101 (12 of 20 is more than half)
 */
export function addWeighted(slices: Int32Array, base: number, x: number, weight: number): void {
  if (weight & 1) addAt(slices, base, x);
  if (weight & 4) addAt(slices, base + 2, x);
  if (weight & 8) addAt(slices, base + 3, x);
}

function addAt(slices: Int32Array, k: number, x: number): void {
  let carry = x | 0;
  while (carry !== 0) {
    const c = slices[k]!;
    slices[k++] = c ^ carry;
    carry &= c;
  }
}

/**
 * The bits whose bit-sliced count (at `slices[base..base+32)`) is more than half of `total`, as an
 * unsigned 32-bit number; every count is at most `total`. All 32 counts are compared with
 * `floor(total / 2) + 1` at once, from the highest bit down.
 *
 * @example
 * majorityBits(Int32Array.of(0b11, 0b01, ...new Array(30).fill(0)), 0, 4) // 0b01 (count 3 of 4; bit 1 has 1)
 */
export function majorityBits(slices: Int32Array, base: number, total: number): number {
  const least = Math.floor(total / 2) + 1;
  let greater = 0; // counts known to be above `least`
  let equal = -1; // counts equal to `least` in the bits read so far
  for (let k = 31 - Math.clz32(Math.max(total, least)); k >= 0; k--) {
    const s = slices[base + k]!;
    if ((least >>> k) & 1) equal &= s;
    else greater |= equal & s, (equal &= ~s);
  }
  return (greater | equal) >>> 0;
}

/**
 * The 64-bit SimHash (16 hex digits) of a title and body. Features: each distinct word once (figures
 * weigh 3: they are what re-worded copies of one story share most) and each word 2-shingle with
 * weight 0.25 (re-writes reorder sentences, so order counts a little). Weights were chosen on the
 * dedupe test corpus (test/ingest/dedupe): same story 8–11 bits apart, other stories on the same
 * company 28+. Each feature is hashed once to 32 bits (FNV-1a + murmur finaliser) and extended to 64
 * with a second finaliser round; a 2-shingle's hash combines its words' hashes (no strings built).
 * A feature that is both a word and a 2-shingle weighs as the word (the last one seen).
 *
 * @example
 * simhash("Acme to buy Beta for $4.2 billion", "…") // "9f3c…"
 */
export function simhash(title: string, body: string): string {
  for (let k = 0; k < usedN; k++) weights[used[k]!] = 0;
  usedN = 0;
  let prev = -1;
  walk(`${title}\n${body}`.toLowerCase(), (hash, figure) => {
    if (prev !== -1) put(fmix32(Math.imul(prev, 0x01000193) ^ hash ^ 0x27d4eb2f), 1, false);
    put(hash, figure ? 12 : 4, true);
    prev = hash;
  });
  // v[b] = Σ ±w = 2·Σ(w where bit b is set) − Σw, in quarters (exact integers).
  slices.fill(0);
  let total = 0;
  for (let k = 0; k < usedN; k++) {
    const i = used[k]!;
    const h = keys[i]!;
    const w = weights[i]!;
    total += w;
    addWeighted(slices, 0, h, w);
    addWeighted(slices, 32, fmix32(h ^ 0x9e3779b9), w);
  }
  return majorityBits(slices, 0, total).toString(16).padStart(8, "0") + majorityBits(slices, 32, total).toString(16).padStart(8, "0");
}

/**
 * Number of differing bits between two SimHashes.
 *
 * @example
 * hamming("0000000000000000", "000000000000000f") // 4
 */
export const hamming = hammingHex;
