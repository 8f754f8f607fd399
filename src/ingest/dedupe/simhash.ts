/**
 * 64-bit SimHash over word shingles (1- and 2-shingles), for near-duplicate detection (the same
 * story re-worded by another outlet). Stop words are dropped and figures normalised ("$4.2 billion"
 * = "4.2bn").
 */

import { hammingHex } from "../../store/keys.ts";

const STOP = new Set(
  ("a an the of and or to in on at for by with from as is are was were be been being it its this that these those has have had " +
    "will would could should may might can said says say told also but not than then so such into over after before about " +
    "which who whom whose what when where while their there they them he she his her we our you your i new per").split(" "),
);

function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a 32 of a string, through the murmur3 finaliser. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mln: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bln: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, t: 1e12 };

/**
 * The tokens features are built from: lower-cased words and normalised figures, stop words dropped.
 * A figure with a scale word becomes one token ("4.2 billion" → "#4200000000").
 *
 * @example
 * tokens("Acme to buy Beta for $4.2 billion") // ["acme", "buy", "beta", "#4200000000"]
 */
export function tokens(text: string): string[] {
  const raw = text.toLowerCase().match(/\d[\d,]*(?:\.\d+)?|[\p{L}][\p{L}\p{N}'’]*/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      let v = Number(w.replace(/,/g, ""));
      const next = raw[i + 1];
      const attached = /^\d[\d,.]*(k|m|mn|bn|b|tn|t)$/.exec(w);
      if (next && SCALE[next] !== undefined) v *= SCALE[next]!, i++;
      else if (attached) v *= SCALE[attached[1]!]!;
      out.push(`#${Math.round(v * 1000) / 1000}`);
      continue;
    }
    const word = w.length > 2 && w.endsWith("s") && (w[w.length - 2] === "'" || w[w.length - 2] === "’") ? w.slice(0, -2) : w;
    if (word.length > 1 && !STOP.has(word)) out.push(word);
  }
  return out;
}

/**
 * The 64-bit SimHash (16 hex digits) of a title and body. Features: each distinct word once (figures
 * weigh 3: they are what re-worded copies of one story share most) and each word 2-shingle with
 * weight 0.25 (re-writes reorder sentences, so order counts a little). Weights were chosen on the
 * dedupe test corpus (test/ingest/dedupe): same story 8–11 bits apart, other stories on the same
 * company 28+. Each feature is hashed once to 32 bits (FNV-1a + murmur finaliser) and extended to 64
 * with a second finaliser round; a 2-shingle's hash combines its words' hashes (no strings built).
 *
 * @example
 * simhash("Acme to buy Beta for $4.2 billion", "…") // "9f3c…"
 */
export function simhash(title: string, body: string): string {
  const t = tokens(`${title}\n${body}`);
  const hashes = t.map(hash32);
  const weights = new Map<number, number>();
  for (let i = 0; i < t.length; i++) {
    weights.set(hashes[i]!, t[i]!.startsWith("#") ? 3 : 1);
    if (i + 1 < t.length) {
      const bi = fmix32(Math.imul(hashes[i]!, 0x01000193) ^ hashes[i + 1]! ^ 0x27d4eb2f);
      if (!weights.has(bi)) weights.set(bi, 0.25);
    }
  }
  const v = new Float64Array(64);
  for (const [h, w] of weights) {
    const lo = fmix32(h ^ 0x9e3779b9);
    for (let b = 0; b < 32; b++) {
      v[b] = v[b]! + ((h >>> (31 - b)) & 1 ? w : -w);
      v[b + 32] = v[b + 32]! + ((lo >>> (31 - b)) & 1 ? w : -w);
    }
  }
  let hiOut = 0;
  let loOut = 0;
  for (let b = 0; b < 32; b++) {
    if (v[b]! > 0) hiOut |= 1 << (31 - b);
    if (v[b + 32]! > 0) loOut |= 1 << (31 - b);
  }
  return (hiOut >>> 0).toString(16).padStart(8, "0") + (loOut >>> 0).toString(16).padStart(8, "0");
}

/**
 * Number of differing bits between two SimHashes.
 *
 * @example
 * hamming("0000000000000000", "000000000000000f") // 4
 */
export const hamming = hammingHex;
