import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/store.ts";
import { makeWrite } from "./helpers.ts";

let store: SqliteStore;
beforeEach(() => {
  store = openSqliteStore(":memory:");
});
afterEach(async () => store.close());

const base = { title: "Acme beats estimates", text: "Acme Corp reported quarterly profit above analyst estimates.", sourceId: "wire", externalId: "t-1", publishedAt: "2026-03-01T09:30:00Z", seenAt: "2026-03-01T10:00:00Z", tickers: ["ACME"], topics: ["earnings"], impact: 0.4 };
const tickers = async (): Promise<unknown[]> => (await store.listTickers()).map((t) => [t.symbol, t.articles, t.avgImpact]);

describe("running totals buffered until commit", () => {
  it("stay right when an article is created and revised in the same batch", async () => {
    await store.batch(async () => {
      await store.writeArticle(makeWrite(base));
      await store.writeArticle(makeWrite({ ...base, externalId: "t-2", text: "Acme and Beta both reported profit above estimates.", tickers: ["ACME", "BETA"], topics: ["earnings", "ma"], impact: 0.2 }));
      const r = await store.writeArticle(makeWrite({ ...base, text: `${base.text} Shares rose.`, tickers: ["BETA"], topics: ["ma"], impact: 0.6 }));
      expect(r.status).toBe("revised");
    });
    expect(await store.countArticles()).toBe(2);
    expect(await tickers()).toEqual([["BETA", 2, 0.4], ["ACME", 1, 0.2]]);
    expect(await store.listTopics()).toEqual([{ id: "ma", label: "MA", articles: 2 }, { id: "earnings", label: "EARNINGS", articles: 1 }]);
  });

  it("are dropped with a batch that fails, and keys allocated in it are given back", async () => {
    await store.writeArticle(makeWrite(base));
    await expect(store.batch(async () => {
      await store.writeArticle(makeWrite({ ...base, externalId: "t-3", text: "Gamma recalled cars.", tickers: ["GAMMA"] }));
      throw new Error("fail");
    })).rejects.toThrow("fail");
    expect(await store.countArticles()).toBe(1);
    expect(await tickers()).toEqual([["ACME", 1, 0.4]]);
    const r = await store.writeArticle(makeWrite({ ...base, externalId: "t-4", text: "Delta raised its dividend." }));
    expect(r.status).toBe("created");
    expect(await store.countArticles()).toBe(2);
    expect(store.db.prepare("SELECT pk, sort_key FROM articles ORDER BY pk").all()).toEqual([{ pk: 1, sort_key: expect.any(Number) }, { pk: 2, sort_key: expect.any(Number) }]);
  });
});
