/**
 * Content words of a document's sentences as integer ids: a word has one id in every sentence, so
 * that comparing sentences (title overlap, redundancy) compares numbers. Words are read by character
 * code and looked up by a hash of their characters: a word's string is built once per document, not
 * once per occurrence. Same words as `contentWords` (features.ts).
 */
import { CONTENT_STOP, forEachWordSpan } from "./features.ts";

function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * The word ids of one document.
 *
 * @example
 * const ids = new WordIds();
 * ids.of("Apple beats the estimates") // [0, 1, 3] ("the" is a stopword)
 */
export class WordIds {
  private slots = new Int32Array(512);
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private readonly stop: boolean[] = [];
  private readonly seen: number[] = [];
  private sentence = 0;

  /**
   * The distinct content-word ids of `text`, in first-seen order.
   *
   * @example
   * new WordIds().of("Apple's apple pie") // [0, 1]
   */
  of(text: string): number[] {
    const out: number[] = [];
    const stamp = ++this.sentence;
    const lower = text.toLowerCase();
    forEachWordSpan(lower, (start, end) => {
      const id = this.idOf(lower, start, end);
      if (!this.stop[id] && this.seen[id] !== stamp) this.seen[id] = stamp, out.push(id);
    });
    return out;
  }

  private idOf(s: string, start: number, end: number): number {
    const h = hashRange(s, start, end);
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let k = h & mask; ; k = (k + 1) & mask) {
      const slot = this.slots[k]!;
      if (slot === 0) return this.add(s.slice(start, end), h, k);
      const id = slot - 1;
      if (this.hashes[id] === h && this.words[id]!.length === len && s.startsWith(this.words[id]!, start)) return id;
    }
  }

  private add(word: string, h: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(h);
    this.stop.push(CONTENT_STOP.has(word));
    this.seen.push(0);
    this.slots[slot] = id + 1;
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let k = this.hashes[id]! & mask;
      while (this.slots[k] !== 0) k = (k + 1) & mask;
      this.slots[k] = id + 1;
    }
  }
}

/**
 * Overlap of two id lists (each without repeats) relative to the shorter one (0..1), `bSet` being `b`
 * as a set.
 *
 * @example
 * overlapIds([1, 2], [2, 3, 4], new Set([2, 3, 4])) // 0.5
 */
export function overlapIds(a: readonly number[], b: readonly number[], bSet: ReadonlySet<number>): number {
  const small = Math.min(a.length, b.length);
  if (small === 0) return 0;
  let n = 0;
  for (const id of a) if (bSet.has(id)) n++;
  return n / small;
}
