/**
 * One process-wide vocabulary of the words and prefixes that phrase lists use (the lexicon, the
 * taxonomy cues, the event triggers). Each word and each prefix gets a small integer id once, when a
 * list is compiled; a document's tokens are looked up once (`tokensOf` → `ids`, `pre`), and every
 * matcher then walks integers instead of hashing the same strings again.
 *
 * Words no list knows get id 0, so the vocabulary grows only with the reference data, never with the
 * articles. Tokens remember the vocabulary version they were looked up with and are looked up again
 * (`Tokens.refresh`, phrases.ts) when a list compiled later added words.
 */

/** Word → id (1, 2, …). */
const WORDS = new Map<string, number>();
/** Number of words + 1 (id 0 unused). */
let wordCount = 1;
/**
 * The letters of every word, back to back: word `id` has `AT[2 id + 1]` letters from `CHARS[AT[2 id]]`,
 * compared as numbers. Offset and length side by side: one cache line per word (the tables are read
 * between other stages' work, from colder caches).
 */
let CHARS = new Uint16Array(8192);
let charCount = 0;
let AT = new Int32Array(2 * 1024);
/** Word ids fit in the low 16 bits of a slot. */
const MAX_WORDS = 0xffff;
/**
 * Open-addressing table of word ids by the hash of their letters, so a token is looked up straight from
 * the text's char codes (no string per token). A slot holds the id (low 16 bits, 0 = empty) and the high
 * 16 bits of the word's hash: one 32-bit read per probe, and a table half the size.
 */
let SLOTS = new Int32Array(1024);
/** Bit `b` set when prefix bucket `b` holds a prefix: most tokens' buckets are empty (512 bytes, always warm). */
const BUCKET_USED = new Int32Array(4096 / 32);
/**
 * Prefix edges bucketed by their first three letters (`bucketOf`): per bucket, the prefix ids, whose
 * letters are `PCHARS[POFF[id]]` … (`PLENS[id]` of them).
 */
const BUCKETS: Array<number[] | null> = Array.from({ length: 4096 }, () => null);
const PREFIXES = new Map<string, number>();
let PCHARS = new Uint16Array(1024);
let pcharCount = 0;
let POFF = new Int32Array(256);
let PLENS = new Int32Array(256);
let prefixCount = 0;
/** Grows whenever a word or prefix is added; tokens looked up under an older version are refreshed. */
export let vocabVersion = 0;

/** A char code as words have it: curly apostrophes are straight. */
const unit = (src: string, i: number) => {
  const c = src.charCodeAt(i);
  return c === 0x2019 ? 39 : c;
};

/** FNV-1a over the letters of `src` [from, to). */
function hashOf(src: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ unit(src, i), 0x01000193);
  return h | 0;
}

/** Whether `src` [from, from + len) holds the letters `chars` [at, at + len). */
function sameChars(chars: Uint16Array, at: number, src: string, from: number, len: number): boolean {
  for (let i = 0; i < len; i++) {
    const c = src.charCodeAt(from + i);
    if (chars[at + i] !== (c === 0x2019 ? 39 : c)) return false;
  }
  return true;
}

function place(id: number): void {
  const h = hashOf(WORD_LIST[id]!, 0, AT[2 * id + 1]!);
  const mask = SLOTS.length - 1;
  let p = h & mask;
  while (SLOTS[p] !== 0) p = (p + 1) & mask;
  SLOTS[p] = (h & 0xffff0000) | id;
}

/** Words by id (index 0 unused), to rebuild the table when it grows. */
const WORD_LIST: string[] = [""];

/**
 * The id of a word, adding it to the vocabulary when new.
 *
 * @example
 * wordId("beat") === wordId("beat") // true, and never 0
 */
export function wordId(w: string): number {
  let id = WORDS.get(w);
  if (id !== undefined) return id;
  if (wordCount > MAX_WORDS) throw new Error(`vocabulary: more than ${MAX_WORDS} words`);
  id = wordCount++;
  WORDS.set(w, id);
  WORD_LIST.push(w);
  if (2 * id + 1 >= AT.length) AT = grow(AT);
  while (charCount + w.length > CHARS.length) CHARS = grow16(CHARS);
  AT[2 * id] = charCount;
  AT[2 * id + 1] = w.length;
  for (let i = 0; i < w.length; i++) CHARS[charCount++] = unit(w, i);
  if (wordCount * 2 > SLOTS.length) {
    SLOTS = new Int32Array(SLOTS.length * 2);
    for (let k = 1; k < wordCount; k++) place(k);
  } else place(id);
  vocabVersion++;
  return id;
}

/** The id of the word with hash `h` whose letters are `src` [from, to), 0 when unknown. */
function probe(h: number, src: string, from: number, to: number): number {
  const mask = SLOTS.length - 1;
  const len = to - from;
  const tag = h & 0xffff0000;
  for (let p = h & mask; ; p = (p + 1) & mask) {
    const e = SLOTS[p]!;
    if (e === 0) return 0;
    const id = e & 0xffff;
    if ((e & 0xffff0000) === tag && AT[2 * id + 1] === len && sameChars(CHARS, AT[2 * id]!, src, from, len)) return id;
  }
}

/**
 * The id of the word `src` [from, to) (curly apostrophes read as straight), 0 when unknown.
 *
 * @example
 * idIn("they beat it", 5, 9) === wordId("beat") // true
 */
export function idIn(src: string, from: number, to: number): number {
  return probe(hashOf(src, from, to), src, from, to);
}

const bucketOf = (src: string, i: number) => (unit(src, i) * 961 + unit(src, i + 1) * 31 + unit(src, i + 2)) & 4095;

/**
 * The id of a prefix (three letters at least, without the `*`), adding it when new.
 *
 * @example
 * prefixId("acqui") === prefixId("acqui") // true
 */
export function prefixId(p: string): number {
  if (p.length < 3) throw new Error(`vocabulary: prefix "${p}" is shorter than three letters`);
  const found = PREFIXES.get(p);
  if (found !== undefined) return found;
  const id = ++prefixCount;
  PREFIXES.set(p, id);
  if (id >= PLENS.length) {
    PLENS = grow(PLENS);
    POFF = grow(POFF);
  }
  while (pcharCount + p.length > PCHARS.length) PCHARS = grow16(PCHARS);
  POFF[id] = pcharCount;
  PLENS[id] = p.length;
  for (let i = 0; i < p.length; i++) PCHARS[pcharCount++] = unit(p, i);
  const b = bucketOf(p, 0);
  (BUCKETS[b] ??= []).push(id);
  BUCKET_USED[b >> 5]! |= 1 << (b & 31);
  vocabVersion++;
  return id;
}

/** Ids of the vocabulary words and prefixes of a token list (see `Tokens`). */
export interface TokenIds {
  /** Per token: its word id, 0 when no list knows the word. */
  ids: Int32Array;
  /** Per token k: its prefix ids are `pre[preFrom[k]]` … `pre[preFrom[k + 1] - 1]`. */
  preFrom: Int32Array;
  pre: Int32Array;
  /** `vocabVersion` at look-up time. */
  version: number;
}

/**
 * Looks the words `src` [wstart[k], wend[k]) up in the vocabulary: their ids and the ids of the
 * prefixes they start with.
 *
 * @example
 * const { ids } = lookUp("beat zzz", Int32Array.of(0, 5), Int32Array.of(4, 8), 2); ids[1] // 0
 */
export function lookUp(src: string, wstart: Int32Array, wend: Int32Array, n: number, hashes?: Int32Array): TokenIds {
  const buf = new Int32Array(2 * n + 1);
  const ids = buf.subarray(0, n);
  const preFrom = buf.subarray(n);
  let pre = new Int32Array((n >> 3) + 16);
  let np = 0;
  // The tables in locals: module bindings are read once per call, not once per letter.
  const table = SLOTS;
  const at = AT;
  const chars = CHARS;
  const mask = table.length - 1;
  for (let k = 0; k < n; k++) {
    const from = wstart[k]!;
    const to = wend[k]!;
    const len = to - from;
    // One pass over the letters: the word's hash, and the bucket of its first three letters.
    let h: number;
    let b = 0;
    if (hashes) {
      h = hashes[k]!;
      if (len >= 3) b = unit(src, from) * 961 + unit(src, from + 1) * 31 + unit(src, from + 2);
    } else {
      h = 0x811c9dc5;
      for (let i = from; i < to; i++) {
        let c = src.charCodeAt(i);
        if (c === 0x2019) c = 39;
        h = Math.imul(h ^ c, 0x01000193);
        if (i - from < 3) b = b * 31 + c;
      }
      h |= 0;
    }
    let id = 0;
    const tag = h & 0xffff0000;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const e = table[p]!;
      if (e === 0) break;
      const w = e & 0xffff;
      if ((e & 0xffff0000) === tag && at[2 * w + 1] === len && sameChars(chars, at[2 * w]!, src, from, len)) {
        id = w;
        break;
      }
    }
    ids[k] = id;
    preFrom[k] = np;
    if (len < 3) continue;
    // b = c0·961 + c1·31 + c2, as bucketOf computes it.
    b &= 4095;
    if ((BUCKET_USED[b >> 5]! & (1 << (b & 31))) === 0) continue;
    const list = BUCKETS[b]!;
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      const plen = PLENS[id]!;
      if (plen > len || !sameChars(PCHARS, POFF[id]!, src, from, plen)) continue;
      if (np === pre.length) pre = grow(pre);
      pre[np++] = id;
    }
  }
  preFrom[n] = np;
  return { ids, preFrom, pre, version: vocabVersion };
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function grow16(a: Uint16Array<ArrayBuffer>): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(a.length * 2);
  b.set(a);
  return b;
}
