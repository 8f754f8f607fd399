import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../store/sqlite/store.ts";
import type { PriceBar, Store } from "../../store/store.ts";
import { eventStudy, windowReturn } from "./eventStudy.ts";

// Real daily bars (StockNet, see test/e2e/fixtures/prices/SOURCE.md).
function bars(symbol: string): PriceBar[] {
  const file = join(import.meta.dirname, "../../../test/e2e/fixtures/prices", `${symbol}.csv`);
  return readFileSync(file, "utf8").trim().split("\n").slice(1).map((l) => {
    const [day, o, h, lo, c, adj, v] = l.split(",");
    return { symbol, day: day!, open: +o!, high: +h!, low: +lo!, close: +c!, adjClose: +adj!, volume: +v! };
  });
}

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "iw-es-"));
  store = openSqliteStore(join(dir, "t.db"));
  await store.putPrices([...bars("AMZN"), ...bars("MARKET")]);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("event study", () => {
  it("measures Amazon's move on the Whole Foods announcement day (2017-06-16) against the market proxy", async () => {
    const [s] = await eventStudy(store, ["AMZN"], "2017-06-16T12:30:00Z", 1);
    expect(s).toMatchObject({ symbol: "AMZN", baseDay: "2017-06-15", endDay: "2017-06-16", tradingDays: 1, proxy: "MARKET" });
    expect(s!.rawReturn).toBeCloseTo(987.710022 / 964.169983 - 1, 10); // +2.44%
    expect(s!.marketReturn).toBeCloseTo(116.3696 / 115.8682 - 1, 10);
    expect(s!.abnormalReturn).toBeCloseTo(s!.rawReturn - s!.marketReturn!, 12);
  });

  it("stops after maxDays trading days and skips symbols without prices", async () => {
    const rows = await eventStudy(store, ["AMZN", "NOPE"], "2017-06-16T12:30:00Z", 5);
    expect(rows.map((r) => [r.symbol, r.tradingDays, r.endDay])).toEqual([["AMZN", 5, "2017-06-22"]]);
  });

  it("claims nothing without a publication time or prices before it", async () => {
    expect(await eventStudy(store, ["AMZN"], null)).toEqual([]);
    expect(windowReturn(bars("AMZN"), "2016-12-01")).toBeNull();
  });
});
