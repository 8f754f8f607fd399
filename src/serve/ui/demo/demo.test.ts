import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDemoCorpus } from "./demo.ts";

describe("demo corpus", () => {
  const items = readDemoCorpus();

  it("has at least 60 articles over two weeks, with unique ids, demo sources and demo links", () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
    const hours = items.map((a) => a.offsetHours);
    expect(Math.max(...hours)).toBeLessThanOrEqual(14 * 24);
    expect(Math.max(...hours)).toBeGreaterThan(10 * 24);
    for (const a of items) {
      expect(a.source.startsWith("Demo ")).toBe(true);
      expect(new URL(a.url).hostname).toBe("demo.impactwire.example");
    }
  });

  it("has articles of realistic length", () => {
    const words = items.map((a) => a.text.split(/\s+/).length);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(140);
    expect(words.reduce((s, n) => s + n, 0) / words.length).toBeGreaterThanOrEqual(170);
  });

  it("includes the seed article's title, summary and analysis", () => {
    const seed = readFileSync(join(import.meta.dirname, "../../../../../shared/seed/000_2377ca0735ff724a.txt"), "utf8");
    const a = items.find((x) => x.title === "OpenAI’s subtle drift from Microsoft has become an aggressive move toward Amazon");
    expect(a).toBeDefined();
    expect(seed).toContain(a!.text.split("\n\n")[0]!);
    expect(a!.text).toContain("The key market takeaway is not that OpenAI is diversifying");
  });

  it("names the line of a malformed corpus", () => {
    const dir = mkdtempSync(join(tmpdir(), "iw-demo-"));
    const file = join(dir, "bad.ndjson");
    writeFileSync(file, `${JSON.stringify(items[0])}\n{"id":"nope"}\n`);
    expect(() => readDemoCorpus(file)).toThrow(/line 2 of/);
    rmSync(dir, { recursive: true, force: true });
  });
});
