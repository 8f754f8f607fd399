/** The words SimHash is built from (their hashes feed stored values: see simhash.test.ts). */
import { describe, expect, it } from "vitest";
import { tokens, walk } from "./words.ts";

describe("tokens", () => {
  it("lower-cases, drops stop words and possessives, and normalises figures with their scale", () => {
    expect(tokens("Acme Corp's board said the 4,200.5 mln deal values Beta at 12bn; the CEO’s view: 3 k jobs")).toEqual(
      ["acme", "corp", "board", "#4200500000", "deal", "values", "beta", "#12000000000", "ceo", "view", "#3000", "jobs"],
    );
    expect(tokens("İstanbul ßtraße café Ⅻ ²3 ٣x 😀 𝐀bc don't it's a’s 1.5 trillion, 2. 3.x")).toEqual(
      ["stanbul", "ßtraße", "café", "#3", "𝐀bc", "don't", "#1500000000000", "#2", "#3"],
    );
  });
});

describe("walk", () => {
  it("visits the same tokens as `tokens` gives, figures flagged", () => {
    const text = "acme to buy beta for $4.2 billion, said the ceo";
    const seen: boolean[] = [];
    walk(text, (_, figure) => seen.push(figure));
    expect(seen).toEqual(tokens(text).map((t) => t.startsWith("#")));
  });
});
