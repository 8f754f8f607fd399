/**
 * One process-wide vocabulary of the words and prefixes that phrase lists use (the lexicon, the
 * taxonomy cues, the event triggers). Each word and each prefix gets a small integer id once, when a
 * list is compiled; a document's tokens are looked up once (`tokensOf` → `ids`, `pre`), and every
 * matcher then walks integers instead of hashing the same strings again.
 *
 * Words no list knows get id 0, so the vocabulary grows only with the reference data, never with the
 * articles. Tokens remember the vocabulary version they were looked up with and are looked up again
 * (`refreshIds`) when a list compiled later added words.
 */

/** Word → id (1, 2, …). */
const WORDS = new Map<string, number>();
/** Prefix edges keyed by the first three letters of the prefix (see `head`): [prefix, prefix id]. */
const PREFIXES = new Map<number, Array<[string, number]>>();
let prefixCount = 0;

/** Grows whenever a word or prefix is added; tokens looked up under an older version are refreshed. */
export let vocabVersion = 0;

/**
 * The first three UTF-16 units of a word as one number (words of three letters or more), a key for
 * prefix tables that needs no string per lookup.
 *
 * @example
 * head("acquires") === head("acquisition") // true
 */
export function head(w: string): number {
  return w.charCodeAt(0) * 4294967296 + w.charCodeAt(1) * 65536 + w.charCodeAt(2);
}

/**
 * The id of a word, adding it to the vocabulary when new.
 *
 * @example
 * wordId("beat") === wordId("beat") // true, and never 0
 */
export function wordId(w: string): number {
  let id = WORDS.get(w);
  if (id === undefined) {
    WORDS.set(w, (id = WORDS.size + 1));
    vocabVersion++;
  }
  return id;
}

/**
 * The id of a prefix (three letters at least, without the `*`), adding it when new.
 *
 * @example
 * prefixId("acqui") === prefixId("acqui") // true
 */
export function prefixId(p: string): number {
  if (p.length < 3) throw new Error(`vocabulary: prefix "${p}" is shorter than three letters`);
  const key = head(p);
  let list = PREFIXES.get(key);
  if (!list) PREFIXES.set(key, (list = []));
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
 * Looks every word up in the vocabulary: its id and the ids of the prefixes it starts with.
 *
 * @example
 * const { ids } = lookUp(["beat", "zzz"]); ids[1] // 0
 */
export function lookUp(words: readonly string[]): TokenIds {
  const n = words.length;
  const ids = new Int32Array(n);
  const preFrom = new Int32Array(n + 1);
  let pre = new Int32Array(16);
  let np = 0;
  for (let k = 0; k < n; k++) {
    const w = words[k]!;
    ids[k] = WORDS.get(w) ?? 0;
    preFrom[k] = np;
    if (w.length < 3) continue;
    const list = PREFIXES.get(head(w));
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      if (!w.startsWith(list[i]![0])) continue;
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
