import { describe, expect, it } from "vitest";
import { scanSpans, wordOf } from "./scan.ts";

function scanWords(text: string) {
  const s = scanSpans(text);
  return { words: Array.from({ length: s.count }, (_, k) => wordOf(s, k)), starts: [...s.starts], ends: [...s.ends] };
}

/** The regular expression the scanner replaces, with the same word clean-up: the reference. */
function byRegex(text: string) {
  const re = /[\p{L}\p{N}]+(?:['’&.][\p{L}\p{N}]+)*/gu;
  const lower = text.toLowerCase();
  const same = lower.length === text.length;
  const out = { words: [] as string[], starts: [] as number[], ends: [] as number[] };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    let w = same ? lower.slice(m.index, end) : m[0].toLowerCase();
    if (w.includes("’")) w = w.replace(/’/g, "'");
    if (w.endsWith("'s")) w = w.slice(0, -2);
    out.words.push(w);
    out.starts.push(m.index);
    out.ends.push(end);
  }
  return out;
}

describe("scanSpans", () => {
  it("splits like the Unicode word expression", () => {
    const text = "Apple’s M&A team cut U.S. take-private deals by 3.5%; it didn't. Nestlé's Ökonomie 𝐀𝐁c ٣٤ 日本 é";
    expect(scanWords(text)).toEqual(byRegex(text));
  });

  it("agrees with the expression on random text (joiners, accents, astral letters, lone surrogates, İ)", () => {
    const alphabet = ["a", "B", "z", "0", "9", " ", " ", "'", "’", "&", ".", "-", ",", "s", "S", "'s", "’S", "é", "İ", "ß", "\u0301", "𝐀", "😀", "\ud835", "\udc00", "٣", "日", "\n", "$", "%"];
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 3000; k++) {
      let text = "";
      const len = Math.floor(rnd() * 40);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(scanWords(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});
