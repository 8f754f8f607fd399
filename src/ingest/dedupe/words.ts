/**
 * The words SimHash is built from: one pass over lower-cased text by character code, a word's hash
 * computed on the text itself (no token strings are built except for figures and for the rare word
 * whose hash is that of a stop word). Stop words are dropped and figures normalised ("$4.2 billion"
 * = "4.2bn"). The tokens are those of the regex `/\d[\d,]*(?:\.\d+)?|[\p{L}][\p{L}\p{N}'’]*‌/gu`.
 */

const STOP_WORDS = (
  "a an the of and or to in on at for by with from as is are was were be been being it its this that these those has have had " +
  "will would could should may might can said says say told also but not than then so such into over after before about " +
  "which who whom whose what when where while their there they them he she his her we our you your i new per"
).split(" ");

const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mln: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bln: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, t: 1e12 };

/** The murmur3 32-bit finaliser. */
export function fmix32(x: number): number {
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
 *
 * @example
 * walk("acme to buy beta", (hash) => hashes.push(hash)) // visits acme, buy, beta
 */
export function walk(lower: string, visit: (hash: number, figure: boolean) => void, named?: (text: string) => void): void {
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
