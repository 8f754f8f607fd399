import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/store.ts";
import { openStore } from "../../src/store/open.ts";
import { openDatabase, schemaVersion } from "../../src/store/sqlite/db.ts";
import { latestVersion } from "../../src/store/migrations/index.ts";
import { makeWrite } from "./helpers.ts";

let store: SqliteStore;
beforeEach(() => {
  store = openSqliteStore(":memory:");
});
afterEach(async () => store.close());

describe("sources", () => {
  it("adds, updates, lists and removes; refuses a second source with the same URL", async () => {
    const s = await store.addSource({ url: "https://example.com/feed.xml", kind: "rss" });
    expect(s).toMatchObject({ intervalSec: 300, enabled: true, errorCount: 0, lastError: null });
    await store.updateSource(s.id, { lastError: "timeout", errorCount: 2, etag: '"abc"', enabled: false });
    expect(await store.getSource(s.id)).toMatchObject({ lastError: "timeout", errorCount: 2, etag: '"abc"', enabled: false });
    await expect(store.addSource({ url: "https://example.com/feed.xml", kind: "atom" })).rejects.toMatchObject({ code: "SOURCE_EXISTS", status: 409 });
    expect((await store.listSources()).length).toBe(1);
    expect(await store.removeSource(s.id)).toBe(true);
    expect(await store.removeSource(s.id)).toBe(false);
  });
});

describe("alerts, deliveries and API keys", () => {
  it("keeps one delivery per rule and article, and lists due ones", async () => {
    const rule = await store.createAlert({ name: "big AMZN", tickers: ["AMZN"], topics: [], minImpact: 0.5, sentiment: "any", webhookUrl: "https://hooks.example/x", secret: "s3", enabled: true });
    expect((await store.updateAlert(rule.id, { minImpact: 0.7 }))?.minImpact).toBe(0.7);
    const d1 = await store.recordDelivery({ ruleId: rule.id, articleId: "a1", status: "pending", attempts: 0, lastStatus: null, lastError: null, nextAttemptAt: "2026-01-01T00:00:00.000Z", deliveredAt: null });
    const d2 = await store.recordDelivery({ ruleId: rule.id, articleId: "a1", status: "pending", attempts: 0, lastStatus: null, lastError: null, nextAttemptAt: null, deliveredAt: null });
    expect(d2.id).toBe(d1.id);
    expect((await store.listDueDeliveries("2026-01-02T00:00:00.000Z")).map((d) => d.id)).toEqual([d1.id]);
    await store.updateDelivery(d1.id, { status: "delivered", attempts: 1, lastStatus: 200 });
    expect(await store.listDueDeliveries("2026-01-02T00:00:00.000Z")).toEqual([]);
    expect((await store.listDeliveries(rule.id))[0]).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 200 });
    expect(await store.deleteAlert(rule.id)).toBe(true);
    expect(await store.listDeliveries(rule.id)).toEqual([]);
  });

  it("finds keys by hash and revokes them", async () => {
    const k = await store.createApiKey("ci", "h".repeat(64), ["read", "write"]);
    expect((await store.findApiKey("h".repeat(64)))?.scopes).toEqual(["read", "write"]);
    expect(await store.revokeApiKey(k.id)).toBe(true);
    expect((await store.findApiKey("h".repeat(64)))?.revokedAt).not.toBeNull();
    expect(await store.findApiKey("nope")).toBeNull();
  });
});

describe("prices, tickers and topics", () => {
  it("upserts bars and aggregates articles per ticker and day", async () => {
    await store.putPrices([{ symbol: "amzn", day: "2026-01-02", open: 1, high: 2, low: 0.5, close: 1.5, adjClose: 1.5, volume: 100 }]);
    await store.putPrices([{ symbol: "AMZN", day: "2026-01-02", open: 1, high: 2, low: 0.5, close: 1.7, adjClose: 1.7, volume: 100 }]);
    expect((await store.getPrices("AMZN")).map((b) => b.close)).toEqual([1.7]);
    for (const [i, at] of ["2026-01-02T10:00:00Z", "2026-01-02T15:00:00Z", "2026-01-03T09:00:00Z"].entries()) {
      await store.writeArticle(makeWrite({ title: `AMZN news ${i}`, text: `Body ${i}`, externalId: `x${i}`, publishedAt: at, seenAt: at, tickers: ["AMZN"], topics: ["ai"], impact: 0.2 * (i + 1) }));
    }
    expect(await store.tickerSeries("AMZN")).toEqual([
      { day: "2026-01-02", articles: 2, maxImpact: 0.4, avgSentiment: 0 },
      { day: "2026-01-03", articles: 1, maxImpact: 0.6000000000000001, avgSentiment: 0 },
    ]);
    expect((await store.listTickers())[0]).toMatchObject({ symbol: "AMZN", articles: 3, lastSeenAt: "2026-01-03T09:00:00.000Z" });
    expect(await store.listTopics()).toEqual([{ id: "ai", label: "AI", articles: 3 }]);
  });
});

describe("migrations and opening", () => {
  it("migrates a new file once, reopens without re-running, refuses a newer schema", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iw-store-"));
    const s1 = await openStore({ dataDir: dir, databaseUrl: "" });
    expect(await s1.migrate()).toBe(latestVersion());
    await s1.writeArticle(makeWrite({ title: "Kept", text: "Kept across reopen", externalId: "k" }));
    await s1.close();
    const s2 = await openStore({ dataDir: dir, databaseUrl: "" });
    expect(await s2.countArticles()).toBe(1);
    await s2.close();
    const db = openDatabase(path.join(dir, "impactwire.db"));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(schemaVersion(db)).toBe(latestVersion());
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run();
    db.close();
    await expect(openStore({ dataDir: dir, databaseUrl: "" })).rejects.toMatchObject({ code: "SCHEMA_TOO_NEW" });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("says clearly that PostgreSQL is not available yet", async () => {
    await expect(openStore({ dataDir: "/nonexistent", databaseUrl: "postgres://x" })).rejects.toMatchObject({ code: "POSTGRES_NOT_AVAILABLE" });
  });
});

describe("migrations 0002–0007 over existing data", () => {
  it("rebuild the running totals, drop the SimHash band table (0006), fill the list briefs (0007), and near-duplicates are still found", async () => {
    const w = makeWrite({ title: "Acme to buy Beta", text: "Acme agreed to buy Beta for $4.2 billion.", externalId: "m2", publishedAt: "2026-03-01T00:00:00Z", tickers: ["ACME", "BETA"], topics: ["ma"], impact: 0.5 });
    await store.writeArticle(w);
    store.db.exec("CREATE TABLE simhash_bands (band_key INTEGER NOT NULL, ts INTEGER NOT NULL, article_pk INTEGER NOT NULL, PRIMARY KEY (band_key, ts, article_pk)) WITHOUT ROWID; DROP TABLE counters; DROP TABLE ticker_stats; DROP TABLE topic_stats; ALTER TABLE articles DROP COLUMN brief; DELETE FROM schema_migrations WHERE version >= 2;");
    expect(await store.migrate()).toBe(latestVersion());
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'simhash_bands'").all()).toEqual([]);
    expect((await store.findSimilar(w.simhash, "2026-02-28T00:00:00Z", 0)).length).toBe(1);
    expect(await store.countArticles()).toBe(1);
    expect((await store.listTickers()).map((t) => [t.symbol, t.articles, t.avgImpact])).toEqual([["ACME", 1, 0.5], ["BETA", 1, 0.5]]);
    expect(await store.listTopics()).toEqual([{ id: "ma", label: "MA", articles: 1 }]);
    const [brief] = (await store.listArticleBriefs({})).items;
    expect(store.db.prepare("SELECT brief IS NOT NULL AS filled FROM articles").get()).toEqual({ filled: 1 });
    expect(brief?.tickers.map((t) => t.symbol)).toEqual(["ACME", "BETA"]);
  });

  it("keeps the running totals right through revisions and re-enrichment", async () => {
    const base = { title: "Acme to buy Beta", text: "Acme agreed to buy Beta.", externalId: "t1", tickers: ["ACME"], topics: ["ma"], impact: 0.4 };
    await store.writeArticle(makeWrite(base));
    const r = await store.writeArticle(makeWrite({ ...base, text: "Acme agreed to buy Beta for cash.", tickers: ["ACME", "BETA"], topics: ["legal"], impact: 0.6 }));
    expect(r.status).toBe("revised");
    expect((await store.listTickers()).map((t) => [t.symbol, t.articles, t.avgImpact])).toEqual([["ACME", 1, 0.6], ["BETA", 1, 0.6]]);
    expect(await store.listTopics()).toEqual([{ id: "legal", label: "LEGAL", articles: 1 }]);
    await store.replaceEnrichment(r.article.id, makeWrite({ ...base, tickers: ["BETA"], impact: 0.2 }).enrichment);
    expect((await store.listTickers()).map((t) => [t.symbol, t.articles, t.avgImpact])).toEqual([["BETA", 1, 0.2]]);
    expect(await store.countArticles()).toBe(1);
  });
});
