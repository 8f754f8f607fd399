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
});
