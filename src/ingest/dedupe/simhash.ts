/**
 * 64-bit SimHash over word shingles (1- and 2-shingles), for near-duplicate detection (the same
 * story re-worded by another outlet), from the words of words.ts (stop words dropped, figures
 * normalised). The features are kept in an open-addressing integer table, not a `Map`.
 */

import { hammingHex } from "../../store/keys.ts";
import { fmix32, walk } from "./words.ts";

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
