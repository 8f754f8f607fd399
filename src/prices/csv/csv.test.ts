import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileSource, parseCsvRow } from "./csv.ts";
import { importPriceFiles } from "../../cli/prices/prices.ts";
import { openStore } from "../../store/open.ts";

const fixtures = join(import.meta.dirname, "fixtures");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function collect(path: string) {
  const problems: { line: number; message: string }[] = [];
  const bars = [];
  for await (const b of fileSource(path).bars((p) => problems.push(p))) bars.push(b);
  return { bars, problems };
}

describe("prices from CSV", () => {
  it("reads Yahoo-style bars, symbol from the file name", async () => {
    const { bars, problems } = await collect(join(fixtures, "ok", "AMZN.csv"));
    expect(problems).toEqual([]);
    expect(bars).toHaveLength(24);
    expect(bars[0]).toMatchObject({ symbol: "AMZN", day: "2012-09-04" });
    expect(bars[0]!.close).toBeGreaterThan(0);
  });

  it("reports each bad line with its number and keeps the good ones", async () => {
    const { bars, problems } = await collect(join(fixtures, "not-ok", "BAD.csv"));
    expect(bars.map((b) => b.day)).toEqual(["2017-01-03", "2017-01-06"]);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 6]);
    expect(problems[0]!.message).toMatch(/YYYY-MM-DD/);
    expect(problems[2]!.message).toMatch(/close/);
  });

  it("refuses a row without a symbol", () => {
    expect(parseCsvRow(["2017-01-03", "1"], ["day", "close"], null)).toMatch(/symbol/);
  });

  it("fails clearly on a missing file", async () => {
    await expect(collect("/nonexistent/X.csv")).rejects.toThrow(/prices: cannot read/);
  });

  it("imports into the store and re-import replaces the same days", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iw-prices-"));
    dirs.push(dir);
    const store = await openStore({ dataDir: dir, databaseUrl: "" });
    try {
      const warn: string[] = [];
      const first = await importPriceFiles(store, [join(fixtures, "ok", "AMZN.csv"), join(fixtures, "not-ok", "BAD.csv")], undefined, (m) => warn.push(m));
      expect(first).toEqual({ bars: 26, problems: 3 });
      expect(warn[0]).toMatch(/BAD\.csv:3:/);
      await importPriceFiles(store, [join(fixtures, "ok", "AMZN.csv")], undefined, () => {});
      const bars = await store.getPrices("AMZN");
      expect(bars).toHaveLength(24);
      expect(bars[0]!.day < bars[23]!.day).toBe(true);
    } finally {
      await store.close();
    }
  });
});
