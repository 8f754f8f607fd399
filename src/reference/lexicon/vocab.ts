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
/** Words by id (index 0 unused). */
const LIST: string[] = [""];
/** Word lengths by id. */
let lens = new Int32Array(1024);
/**
 * Open-addressing table of word ids by the hash of their letters, so a token is looked up straight from
 * the text's char codes (no string per token).
 */
let slots = new Int32Array(1024);
/** Prefix edges bucketed by their first three letters (`bucketOf`): [prefix, prefix id]. */
const BUCKETS: Array<Array<[string, number]> | null> = Array.from({ length: 4096 }, () => null);
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
  return h >>> 0;
}

function sameWord(w: string, src: string, from: number, to: number): boolean {
  if (w.length !== to - from) return false;
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) !== unit(src, from + i)) return false;
  return true;
}

function place(id: number): void {
  const w = LIST[id]!;
  const mask = slots.length - 1;
  let p = hashOf(w, 0, w.length) & mask;
  while (slots[p] !== 0) p = (p + 1) & mask;
  slots[p] = id;
}

/**
 * The id of a word, adding it to the vocabulary when new.
 *
 * @example
 * wordId("beat") === wordId("beat") // true, and never 0
 */
export function wordId(w: string): number {
  let id = WORDS.get(w);
  if (id !== undefined) return id;
  id = LIST.length;
  WORDS.set(w, id);
  LIST.push(w);
  if (id >= lens.length) lens = grow(lens);
  lens[id] = w.length;
  if (LIST.length * 2 > slots.length) {
    slots = new Int32Array(slots.length * 2);
    for (let k = 1; k < LIST.length; k++) place(k);
  } else place(id);
  vocabVersion++;
  return id;
}

/**
 * The id of the word `src` [from, to) (curly apostrophes read as straight), 0 when unknown.
 *
 * @example
 * idIn("they beat it", 5, 9) === wordId("beat") // true
 */
export function idIn(src: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    h = Math.imul(h ^ (c === 0x2019 ? 39 : c), 0x01000193);
  }
  const mask = slots.length - 1;
  const len = to - from;
  for (let p = (h >>> 0) & mask; ; p = (p + 1) & mask) {
    const id = slots[p]!;
    if (id === 0) return 0;
    if (lens[id] === len && sameWord(LIST[id]!, src, from, to)) return id;
  }
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
  const list = (BUCKETS[bucketOf(p, 0)] ??= []);
  const found = list.find(([q]) => q === p);
  if (found) return found[1];
  list.push([p, ++prefixCount]);
  vocabVersion++;
  return prefixCount;
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
export function lookUp(src: string, wstart: Int32Array, wend: Int32Array, n: number): TokenIds {
  const buf = new Int32Array(2 * n + 1);
  const ids = buf.subarray(0, n);
  const preFrom = buf.subarray(n);
  let pre = new Int32Array(16);
  let np = 0;
  for (let k = 0; k < n; k++) {
    const from = wstart[k]!;
    const to = wend[k]!;
    ids[k] = idIn(src, from, to);
    preFrom[k] = np;
    if (to - from < 3) continue;
    const list = BUCKETS[bucketOf(src, from)];
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]![0];
      if (p.length > to - from || !sameWord(p, src, from, from + p.length)) continue;
      if (np === pre.length) pre = grow(pre);
      pre[np++] = list[i]![1];
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
