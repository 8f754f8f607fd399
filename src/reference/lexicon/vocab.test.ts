import { describe, expect, it } from "vitest";
import { tokenize } from "./phrases.ts";
import { scanSpans } from "./scan.ts";
import { lookUp, prefixId, vocabVersion, wordId } from "./vocab.ts";

describe("vocabulary", () => {
  const words = ["beat", "didn't", "m&a", "u.s", "apple", "s", "é", "i̇stanbul", "3.5"];
  const prefixes = ["acqui", "acq", "beat", "i̇st", "did"];
  const ids = new Map(words.map((w) => [w, wordId(w)]));
  const pids = new Map(prefixes.map((p) => [p, prefixId(p)]));

  it("gives each word and prefix one id", () => {
    expect(wordId("beat")).toBe(ids.get("beat"));
    expect(prefixId("acq")).toBe(pids.get("acq"));
    expect(() => prefixId("ab")).toThrow(/shorter than three/);
  });

  it("looks tokens up from the text as the words themselves would be", () => {
    const texts = ["Apple’s M&A beat U.S. estimates; it didn’t", "Acquisitions: ACQUIRES acq Beaten İstanbul 3.5 S É", "didn't didnt did’s"];
    for (const text of texts) {
      const t = tokenize(text);
      for (let k = 0; k < t.count; k++) {
        const w = t.words[k]!;
        expect(t.ids[k], w).toBe(ids.get(w) ?? 0);
        const got = [...t.pre.subarray(t.preFrom[k], t.preFrom[k + 1])].sort();
        const want = prefixes.filter((p) => w.length >= 3 && w.startsWith(p)).map((p) => pids.get(p)!).sort();
        expect(got, w).toEqual(want);
      }
    }
  });

  it("finds the same ids from the scanner's word hashes as from the letters", () => {
    const alphabet = ["beat", "Beat", "did", "n't", "n’t", "'s", "’S", "M&A", "u.s", "acqui", "ACQ", "é", "É", "3.5", " ", " ", ".", "'", "-", "𝐀", "İ"];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 2000; k++) {
      let text = "";
      const len = Math.floor(rnd() * 12);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const s = scanSpans(text);
      const hashed = lookUp(s.src, s.wstart, s.wend, s.count, s.hashes);
      const read = lookUp(s.src, s.wstart, s.wend, s.count);
      expect([...hashed.ids], JSON.stringify(text)).toEqual([...read.ids]);
      expect([...hashed.preFrom], JSON.stringify(text)).toEqual([...read.preFrom]);
      expect([...hashed.pre.subarray(0, hashed.preFrom[s.count])]).toEqual([...read.pre.subarray(0, read.preFrom[s.count])]);
    }
  });

  it("refreshes tokens looked up before a word was added", () => {
    const t = tokenize("a brandnewword here");
    expect(t.ids[1]).toBe(0);
    const before = vocabVersion;
    const id = wordId("brandnewword");
    expect(vocabVersion).toBeGreaterThan(before);
    expect(t.refresh().ids[1]).toBe(id);
  });
});
