import { appendFileSync, cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSecurityMaster } from "./master.ts";
import { aliasKey, tokenize } from "./tokens.ts";
import { displayCase, stripLegal } from "./names.ts";
import { buildTrie, matchAt } from "./trie.ts";
import { csvLine, parseCurated, DATA_DIR } from "./sources.ts";

describe("names and tokens", () => {
  it("removes legal suffixes and class markers", () => {
    expect(stripLegal("Meta Platforms, Inc.")).toBe("Meta Platforms");
    expect(stripLegal("INTERNATIONAL PAPER CO /NEW/")).toBe("INTERNATIONAL PAPER");
    expect(stripLegal("Alphabet Inc. (Class A)")).toBe("Alphabet");
    expect(stripLegal("Alibaba Group Holding Ltd", true)).toBe("Alibaba");
    expect(displayCase("TOYOTA MOTOR")).toBe("Toyota Motor");
  });

  it("tokenizes possessives, joiners and hyphens", () => {
    expect(tokenize("Microsoft's AWS-backed Amazon.com AT&T").map((t) => t.key)).toEqual(["microsoft", "aws", "-", "backed", "amazon.com", "at&t"]);
    expect(aliasKey("Procter & Gamble")).toBe("procter & gamble");
  });

  it("reads case, possessives and curly quotes of each word in one pass", () => {
    const t = tokenize("IBM’S O’Neil's U.S. ÉCOLE Ábc 3M x&y a.b- &");
    expect(t.map((x) => [x.key, x.raw, x.cap, x.upper, x.start, x.end])).toEqual([
      ["ibm", "IBM", true, true, 0, 5],
      ["o'neil", "O’Neil", true, false, 6, 14],
      ["u.s", "U.S", true, true, 15, 18],
      ["école", "ÉCOLE", true, true, 20, 25],
      ["ábc", "Ábc", true, false, 26, 29],
      ["3m", "3M", true, false, 30, 32],
      ["x&y", "x&y", false, false, 33, 36],
      ["a.b", "a.b", false, false, 37, 40],
      ["&", "&", false, false, 42, 43],
    ]);
  });

  it("matches the longest alias in the token trie", () => {
    const root = buildTrie(["bank of america", "bank"]);
    expect(matchAt(root, ["bank", "of", "america"], 0)).toEqual([{ pattern: 1, length: 1 }, { pattern: 0, length: 3 }]);
  });

  it("parses CSV and curated lines, and rejects malformed ones", () => {
    expect(csvLine('1,"Block, Inc.",XYZ,NYSE')).toEqual(["1", "Block, Inc.", "XYZ", "NYSE"]);
    expect(() => parseCurated("amzn lower-case | name: x", "f.txt")).toThrow(/securities: f.txt line 1/);
  });
});

describe("securities master", () => {
  const dir = mkdtempSync(join(tmpdir(), "iw-master-"));
  const fresh = loadSecurityMaster({ cacheDirs: [dir] });
  const cached = loadSecurityMaster({ cacheDirs: [dir] });

  it("holds the SEC tickers with exchanges, S&P sectors, and the big foreign listings", () => {
    expect(fresh.bySymbol.size).toBeGreaterThan(10_000);
    expect(fresh.bySymbol.get("AMZN")).toMatchObject({ name: "Amazon", exchange: "Nasdaq", sp500: true, curated: true });
    expect(fresh.bySymbol.get("MSFT")?.sector).toBe("Information Technology");
    for (const s of ["UBS", "TM", "TSM", "ASML", "NVO", "SHEL", "SONY", "BABA", "BRK-A", "BRK-B", "GOOG"]) expect(fresh.bySymbol.has(s), s).toBe(true);
    expect(fresh.byTicker.get("FB")?.symbol).toBe("META");
    expect(fresh.byTicker.get("BRK.B")?.symbol).toBe("BRK-B");
  });

  it("points brands to the parent and marks word-like names", () => {
    const p = (key: string) => fresh.patterns.find((x) => x.key === key)!;
    expect(p("aws").security?.symbol).toBe("AMZN");
    expect(p("youtube").security?.symbol).toBe("GOOGL");
    expect(p("github").security?.symbol).toBe("MSFT");
    expect(p("apple").wordLike).toBe(true);
    expect(p("nvidia").wordLike).toBe(false);
    expect(p("openai").entity?.type).toBe("private_company");
  });

  it("is compiled once, then loaded from the cache keyed by the data hash", () => {
    expect(fresh.stats.fromCache).toBe(false);
    expect(cached.stats.fromCache).toBe(true);
    expect(cached.stats.hash).toBe(fresh.stats.hash);
    expect(readdirSync(dir)).toEqual([`securities-${fresh.stats.hash}.json`]);
    expect(cached.patterns.length).toBe(fresh.patterns.length);
  });

  it("recompiles when a source file changes, and the change takes effect", () => {
    const data = mkdtempSync(join(tmpdir(), "iw-data-"));
    cpSync(DATA_DIR, data, { recursive: true });
    const before = loadSecurityMaster({ dataDir: data, cacheDirs: [dir] });
    appendFileSync(join(data, "aliases/us-tech.txt"), "\nNVDA | brand: Rubin Ultra chips\n");
    const after = loadSecurityMaster({ dataDir: data, cacheDirs: [dir] });
    expect(after.stats.hash).not.toBe(before.stats.hash);
    expect(after.stats.fromCache).toBe(false);
    expect(after.patterns.find((p) => p.key === "rubin ultra chips")?.security?.symbol).toBe("NVDA");
  });
});
