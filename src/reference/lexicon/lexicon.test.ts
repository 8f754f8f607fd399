import { describe, expect, it } from "vitest";
import { ImpactwireError } from "../../core/errors.ts";
import { loadLexicon, parseLexicon } from "./lexicon.ts";
import { tokenize } from "./phrases.ts";

describe("loadLexicon", () => {
  const lex = loadLexicon();

  it("loads the bundled finance lexicon once", () => {
    expect(loadLexicon()).toBe(lex);
    expect(lex.words.size).toBeGreaterThan(400);
    for (const [phrase, w] of [["beat", 1], ["miss", -1], ["downgrade", -1], ["raised guidance", 1], ["plunge", -1], ["layoffs", -1], ["record revenue", 1], ["upgrade", 1], ["bankruptcy", -1]] as const) {
      expect(Math.sign(lex.words.get(phrase) ?? 0), phrase).toBe(w);
    }
  });

  it("puts polar phrases and modifiers in one trie", () => {
    const t = tokenize("did not beat estimates");
    expect(lex.matcher.longestAt(t, 0)?.payloads[0]).toMatchObject({ kind: "negator" });
    expect(lex.matcher.longestAt(t, 2)?.payloads[0]).toMatchObject({ kind: "polar", phrase: "beat estimates" });
    expect(lex.matcher.longestAt(tokenize("fell"), 0)?.payloads[0]).toMatchObject({ move: true });
    expect(lex.matcher.longestAt(tokenize("down"), 0)?.payloads[0]).toMatchObject({ needsPercent: true });
  });
});

describe("parseLexicon", () => {
  it("parses weights, flags and modifiers, skipping comments", () => {
    const lex = parseLexicon("# comment\nbeat\t2\nfell\t-1.2\tm\n\n", "not\tnegator\t-0.7\nvery\tintensifier\t1.4\n");
    expect([...lex.words]).toEqual([["beat", 2], ["fell", -1.2]]);
    expect(lex.matcher.size).toBe(4);
  });

  it.each([
    ["beat 2\n", "", /TAB-separated/],
    ["beat\tlots\n", "", /weight must be a number/],
    ["beat\t7\n", "", /weight must be a number in −3..3/],
    ["beat\t2\tz\n", "", /unknown flag/],
    ["", "not\tflipper\t-1\n", /unknown kind/],
    ["", "not\tnegator\tx\n", /factor must be a number/],
  ])("rejects bad data with a clear error (%j)", (polar, mods, why) => {
    let err: unknown;
    try {
      parseLexicon(polar, mods);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImpactwireError);
    expect((err as ImpactwireError).code).toBe("LEXICON_INVALID");
    expect((err as Error).message).toMatch(/^lexicon: (finance|modifiers)\.tsv:1: /);
    expect((err as Error).message).toMatch(why);
  });
});
