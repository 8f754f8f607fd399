import { describe, expect, it } from "vitest";
import { ArticleInputSchema } from "../../contract/article.ts";
import { fastParse } from "./input.ts";

describe("fastParse", () => {
  it("gives zod's data for the inputs it accepts, and leaves the rest to zod", () => {
    const inputs: unknown[] = [
      { title: "Fed holds rates", text: "The Federal Reserve held rates." },
      { text: "No title" },
      { id: "a1", title: "T", html: "<p>x</p>", url: "https://x.com/a", publishedAt: "2026-01-01T00:00:00Z", source: "Wire", extra: 1 },
      { title: undefined, text: "x" },
      { id: "", text: "x" },
      { title: "x".repeat(2_001), text: "x" },
      { title: 42, text: "x" },
      { text: null },
      { url: "u".repeat(8_193) },
      [],
      null,
      "text",
    ];
    let fast = 0;
    for (const input of inputs) {
      const zod = ArticleInputSchema.safeParse(input);
      const f = fastParse(input);
      if (f) fast++, expect(zod.success && zod.data).toEqual(f);
      else expect(zod.success).toBe(false);
    }
    expect(fast).toBe(4);
  });
});
