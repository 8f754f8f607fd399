import { describe, expect, it } from "vitest";
import { cleanText, normalize } from "./normalize.ts";

describe("normalize", () => {
  it("puts the title first and keeps offsets into one text", () => {
    const doc = normalize({ title: "Apple beats  estimates", body: "Apple Inc. reported revenue of $3.5 billion. Shares rose 4%.\r\n\r\nAnalysts cheered." });
    expect(doc.text.startsWith("Apple beats estimates\n\nApple Inc.")).toBe(true);
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    expect(sentences).toEqual(["Apple beats estimates", "Apple Inc. reported revenue of $3.5 billion.", "Shares rose 4%.", "Analysts cheered."]);
    expect(doc.bodyStart).toBe("Apple beats estimates".length + 2);
    expect(doc.language).toBe("en");
  });

  it("does not split after initials or abbreviations, does after a terminal Inc.", () => {
    const doc = normalize({ body: "J. P. Morgan met Mr. Smith on Jan. 5 in the U.S. capital. He left. The deal went to Apple Inc. The board agreed." });
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    expect(sentences).toEqual(["J. P. Morgan met Mr. Smith on Jan. 5 in the U.S. capital.", "He left.", "The deal went to Apple Inc.", "The board agreed."]);
  });

  it("hashes content deterministically and derives the id from it", () => {
    const a = normalize({ title: "T", body: "Body text" });
    const b = normalize({ title: "T", body: "Body  text" });
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.id).toBe(`sha256:${a.contentHash}`);
  });

  it("cleans zero-width and odd spaces", () => {
    expect(cleanText("a\u200b\u00a0 b\n\n\n\nc")).toBe("a b\n\nc");
  });

  it("leaves clean text as it is and cleans every kind of odd spacing", () => {
    expect(cleanText("  Plain text.\n\nSecond paragraph. ")).toBe("Plain text.\n\nSecond paragraph.");
    for (const odd of ["a  b", "a \nb", "a\n b", "a\n\n\nb", "a\rb", "a\tb", "a\u2009b", "a\ufeffb"]) expect(cleanText(odd)).not.toBe(odd);
  });

  it("counts words of any script and tells English from other languages", () => {
    const en = normalize({ body: "The company said it would buy the rival for $4.2 billion, which is a record." });
    expect(en.wordCount).toBe(15);
    expect(en.language).toBe("en");
    const de = normalize({ body: "Die Gesellschaft übernimmt den Konkurrenten für 4,2 Milliarden Dollar; das ist ein Rekord für das Unternehmen, teilte der Vorstand mit. Die Aktie stieg deutlich, Händler sprachen von einer Überraschung." });
    expect(de.language).toBe("und");
    expect(normalize({ body: "Größe 𝐀bc ٣x don't U.S.-based" }).wordCount).toBe(5);
  });
});

