import { describe, expect, it } from "vitest";
import { PhraseMatcher, phraseWords, tokenize, tokensOf } from "./phrases.ts";

describe("tokenize", () => {
  it("lower-cases, keeps offsets, drops possessives and splits hyphens", () => {
    const text = "Apple’s M&A team cut U.S. take-private deals by 3.5%; it didn't.";
    const t = tokenize(text);
    expect(t.words).toEqual(["apple", "m&a", "team", "cut", "u.s", "take", "private", "deals", "by", "3.5", "it", "didn't"]);
    for (let i = 0; i < t.words.length; i++) expect(text.slice(t.starts[i], t.ends[i]).toLowerCase().replace("’", "'")).toMatch(new RegExp(`^${t.words[i]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  });

  it("caches tokens per document object", () => {
    const doc = { text: "Shares fell" };
    expect(tokensOf(doc)).toBe(tokensOf(doc));
    expect(tokensOf({ ...doc })).not.toBe(tokensOf(doc));
  });
});

describe("PhraseMatcher", () => {
  const m = new PhraseMatcher<string>();
  m.add("beat", "beat");
  m.add("beat estimates", "beat-estimates");
  m.add("acqui*", "acq");
  m.add("take-private", "tp");
  m.add("stake in", "stake-in");
  m.add("stake", "stake");

  it("finds the longest phrase at a position", () => {
    const t = tokenize("Apple beat estimates today");
    expect(m.longestAt(t, 1)).toEqual({ from: 1, to: 3, payloads: ["beat-estimates"] });
    expect(m.longestAt(t, 1, 2)).toEqual({ from: 1, to: 2, payloads: ["beat"] });
    expect(m.longestAt(t, 0)).toBeNull();
  });

  it("matches prefixes and hyphenated phrases written either way", () => {
    expect(m.longestAt(tokenize("acquisition"), 0)?.payloads).toEqual(["acq"]);
    expect(m.longestAt(tokenize("acquires"), 0)?.payloads).toEqual(["acq"]);
    expect(m.longestAt(tokenize("acq"), 0)).toBeNull();
    expect(m.longestAt(tokenize("a take private deal"), 1)?.payloads).toEqual(["tp"]);
  });

  it("collects a phrase and the shorter phrases inside it", () => {
    const found: string[][] = [];
    const next = m.collectAt(tokenize("a stake in OpenAI"), 1, 4, found);
    expect(next).toBe(3);
    expect(found.flat().sort()).toEqual(["stake", "stake-in"]);
  });

  it("scans left to right without overlaps", () => {
    const hits: string[] = [];
    m.scan(tokenize("beat estimates and beat again, then acquired"), 0, 7, (h) => hits.push(...h.payloads));
    expect(hits).toEqual(["beat-estimates", "beat", "acq"]);
  });

  it("refuses prefixes shorter than three letters and empty phrases", () => {
    expect(() => new PhraseMatcher().add("up*", 1)).toThrow(/prefix too short/);
    expect(() => new PhraseMatcher().add("  ", 1)).toThrow(/empty phrase/);
    expect(phraseWords("Start-up*")).toEqual(["start", "up*"]);
  });
});
