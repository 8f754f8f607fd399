/**
 * Content words of a document's sentences as integer ids: a word has one id in every sentence, so
 * that comparing sentences (title overlap, redundancy) compares numbers. Words are read by character
 * code and looked up by a hash of their characters in a table shared by the documents of a thread:
 * a word's string is built the first time the thread meets it (most words of an article are already
 * there), not once per document or occurrence. The table starts over, between documents, when it
 * holds `MAX_WORDS` words. Same words as `contentWords` (features.ts).
 */
import { CONTENT_STOP, forEachWordSpan } from "./features.ts";

function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Words kept before the shared table starts over (a few MB). */
const MAX_WORDS = 1 << 17;

/** The word table of this thread: open addressing on `slots` (id + 1, 0 = empty). */
const table = {
  slots: new Int32Array(1 << 12),
  words: [] as string[],
  hashes: [] as number[],
  stop: [] as boolean[],
  /** The `of` call that last saw each word (a stamp), to keep each id once per sentence. */
  seen: new Int32Array(1 << 11),
  stamp: 0,
};

function reset(): void {
  table.slots = new Int32Array(1 << 12);
  table.words = [];
  table.hashes = [];
  table.stop = [];
  table.seen = new Int32Array(1 << 11);
  table.stamp = 0;
}

function rehash(): void {
  table.slots = new Int32Array(table.slots.length * 2);
  const mask = table.slots.length - 1;
  for (let id = 0; id < table.words.length; id++) {
    let k = table.hashes[id]! & mask;
    while (table.slots[k] !== 0) k = (k + 1) & mask;
    table.slots[k] = id + 1;
  }
}

function add(word: string, h: number, slot: number): number {
  const id = table.words.length;
  table.words.push(word);
  table.hashes.push(h);
  table.stop.push(CONTENT_STOP.has(word));
  if (id >= table.seen.length) {
    const seen = new Int32Array(table.seen.length * 2);
    seen.set(table.seen);
    table.seen = seen;
  }
  table.slots[slot] = id + 1;
  if (table.words.length * 2 > table.slots.length) rehash();
  return id;
}

function idOf(s: string, start: number, end: number): number {
  const h = hashRange(s, start, end);
  const { slots, words, hashes } = table;
  const mask = slots.length - 1;
  const len = end - start;
  for (let k = h & mask; ; k = (k + 1) & mask) {
    const slot = slots[k]!;
    if (slot === 0) return add(s.slice(start, end), h, k);
    const id = slot - 1;
    if (hashes[id] === h && words[id]!.length === len && s.startsWith(words[id]!, start)) return id;
  }
}

/**
 * The word ids of one document (ids are numbers of the thread's word table, fixed for the life of
 * the `WordIds`).
 *
 * @example
 * const ids = new WordIds();
 * ids.of("Apple beats the estimates").length // 3 ("the" is a stopword)
 */
export class WordIds {
  constructor() {
    if (table.words.length >= MAX_WORDS || table.stamp > 0x3fffffff) reset();
  }

  /**
   * The distinct content-word ids of `text`, in first-seen order.
   *
   * @example
   * new WordIds().of("Apple's apple pie").length // 2
   */
  of(text: string): number[] {
    const out: number[] = [];
    const stamp = ++table.stamp;
    const lower = text.toLowerCase();
    forEachWordSpan(lower, (start, end) => {
      const id = idOf(lower, start, end);
      if (!table.stop[id] && table.seen[id] !== stamp) (table.seen[id] = stamp), out.push(id);
    });
    return out;
  }
}

/**
 * Marks the ids of `b` for `overlapMarked` (until the next `markIds` or `WordIds.of`).
 *
 * @example
 * markIds([2, 3, 4]); overlapMarked([1, 2], 3) // 0.5
 */
export function markIds(b: readonly number[]): void {
  const stamp = ++table.stamp;
  for (const id of b) table.seen[id] = stamp;
}

/**
 * Overlap of an id list (without repeats) with the marked one (`bLength` ids, without repeats),
 * relative to the shorter of the two (0..1).
 *
 * @example
 * markIds([2, 3, 4]); overlapMarked([1, 2], 3) // 0.5
 */
export function overlapMarked(a: readonly number[], bLength: number): number {
  const small = Math.min(a.length, bLength);
  if (small === 0) return 0;
  const { seen, stamp } = table;
  let n = 0;
  for (const id of a) if (seen[id] === stamp) n++;
  return n / small;
}
