import { describe, expect, it } from "vitest";
import { tokenize } from "./phrases.ts";
import { prefixId, vocabVersion, wordId } from "./vocab.ts";

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

  it("refreshes tokens looked up before a word was added", () => {
    const t = tokenize("a brandnewword here");
    expect(t.ids[1]).toBe(0);
    const before = vocabVersion;
    const id = wordId("brandnewword");
    expect(vocabVersion).toBeGreaterThan(before);
    expect(t.refresh().ids[1]).toBe(id);
  });
});
