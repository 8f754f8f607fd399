/**
 * SimHash values are stored (articles.simhash; the store's near-duplicate index reads them back): they must not change between versions.
 * The expected values below were computed by the first (regex + Map) implementation.
 */
import { describe, expect, it } from "vitest";
import { addWeighted, hamming, majorityBits, simhash } from "./simhash.ts";

describe("simhash", () => {
  it("keeps the stored values of earlier versions bit for bit", () => {
    expect(simhash("Acme to buy Beta for $4.2 billion", "Acme Corp's board said the 4,200.5 mln deal values Beta at 12bn; the CEO’s view: 3 k jobs, 7 constructor.")).toBe("5b21c202b32a4998");
    expect(simhash("İstanbul ßtraße café", "Ⅻ ²3 ٣x 😀 𝐀bc don't it's a’s — 1.5 trillion, 2. 3.x")).toBe("36e22bad95e5d21b");
    expect(simhash("", "Shares of Apple rose 3.5% on Monday after the company said revenue climbed 12% to $94.9 billion.")).toBe("e06d10e65948e7f2");
  });

  it("gives near values to re-worded text and the same value to the same text", () => {
    const a = simhash("Acme to buy Beta for $4.2 billion", "Acme agreed to acquire Beta for $4.2 billion in cash, the companies said on Monday.");
    const b = simhash("Acme agrees to buy Beta for 4.2bn", "Acme agreed to acquire Beta for $4.2 billion in cash, the companies said Monday.");
    expect(simhash("Acme to buy Beta for $4.2 billion", "Acme agreed to acquire Beta for $4.2 billion in cash, the companies said on Monday.")).toBe(a);
    expect(hamming(a, b)).toBeLessThan(16);
  });

  it("handles a text with more features than the initial table", () => {
    const body = Array.from({ length: 3000 }, (_, i) => `word${i.toString(36)}x`).join(" ");
    expect(simhash("", body)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash("", body)).toBe(simhash("", body));
  });
});

describe("bit-sliced counts", () => {
  it("adds weights to the counts of the set bits and reads the majority back", () => {
    const s = new Int32Array(32);
    const counts = new Array<number>(32).fill(0);
    let total = 0;
    let x = 0x9e3779b9;
    for (let i = 0; i < 500; i++) {
      x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
      const w = [1, 4, 12][i % 3]!;
      addWeighted(s, 0, x, w);
      total += w;
      for (let b = 0; b < 32; b++) if ((x >>> b) & 1) counts[b]! += w;
    }
    let expected = 0;
    for (let b = 0; b < 32; b++) if (2 * counts[b]! > total) expected |= 1 << b;
    expect(majorityBits(s, 0, total)).toBe(expected >>> 0);
  });

  it("needs more than half: a count of exactly half is not a majority", () => {
    const s = new Int32Array(32);
    addWeighted(s, 0, 0b11, 4);
    addWeighted(s, 0, 0b01, 4);
    expect(majorityBits(s, 0, 8)).toBe(0b01);
    expect(majorityBits(new Int32Array(32), 0, 0)).toBe(0);
  });
});
