import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/store.ts";
import { makeWrite } from "./helpers.ts";

let store: SqliteStore;
beforeEach(() => {
  store = openSqliteStore(":memory:");
});
afterEach(async () => store.close());

const base = { title: "Acme beats estimates", text: "Acme Corp reported quarterly profit above analyst estimates on strong cloud demand.", sourceId: "wire", externalId: "g-1", seenAt: "2026-03-01T10:00:00Z", publishedAt: "2026-03-01T09:30:00Z" };

describe("writeArticle", () => {
  it("creates, then reports an identical write as unchanged with the same id", async () => {
    const a = await store.writeArticle(makeWrite(base));
    const b = await store.writeArticle(makeWrite({ ...base, seenAt: "2026-03-01T11:00:00Z" }));
    expect(a.status).toBe("created");
    expect(b.status).toBe("unchanged");
    expect(b.article.id).toBe(a.article.id);
    expect(a.article.id).toMatch(/^[0-9a-f]{16}$/);
    expect(await store.countArticles()).toBe(1);
  });

  it("keeps earlier versions and the first-seen time when an article is edited", async () => {
    const a = await store.writeArticle(makeWrite(base));
    const b = await store.writeArticle(makeWrite({ ...base, text: `${base.text} Shares rose 5% after the bell.`, seenAt: "2026-03-01T12:00:00Z" }));
    expect(b.status).toBe("revised");
    expect(b.article.id).toBe(a.article.id);
    expect(b.article.revision).toBe(2);
    expect(b.article.firstSeenAt).toBe("2026-03-01T10:00:00.000Z");
    expect(b.article.updatedAt).toBe("2026-03-01T12:00:00.000Z");
    expect(b.article.seq).toBeGreaterThan(a.article.seq);
    const revs = await store.listRevisions(a.article.id);
    expect(revs.map((r) => [r.revision, r.seenAt])).toEqual([[1, "2026-03-01T10:00:00.000Z"], [2, "2026-03-01T12:00:00.000Z"]]);
    expect(revs[0]!.text).not.toContain("after the bell");
    const then = await store.getArticle(a.article.id, "2026-03-01T11:00:00Z");
    expect(then?.revision).toBe(1);
    expect(then?.text).not.toContain("after the bell");
    expect(then?.seq).toBe(a.article.seq);
    expect(await store.getArticle(a.article.id, "2026-03-01T09:00:00Z")).toBeNull();
    expect((await store.getArticle(a.article.id))?.text).toContain("after the bell");
  });

  it("merges an exact re-post from another source into the existing article", async () => {
    const a = await store.writeArticle(makeWrite(base));
    const b = await store.writeArticle(makeWrite({ ...base, sourceId: "blog", externalId: "other-guid" }));
    expect(b.status).toBe("duplicate");
    expect(b.article.id).toBe(a.article.id);
    expect(await store.countArticles()).toBe(1);
    expect((await store.getStory(a.article.storyId))?.size).toBe(1);
  });

  it("merges the same canonical URL reached with tracking parameters", async () => {
    const a = await store.writeArticle(makeWrite({ ...base, externalId: undefined, url: "https://news.example.com/acme?utm_source=rss" }));
    const b = await store.writeArticle(makeWrite({ ...base, externalId: undefined, sourceId: "x", url: "https://www.news.example.com/acme/#top", text: `${base.text} (updated)` }));
    expect(a.status).toBe("created");
    expect(b.status).toBe("revised");
    expect(b.article.id).toBe(a.article.id);
  });

  it("counts story size and lists the story's articles", async () => {
    const a = await store.writeArticle(makeWrite({ ...base, storyId: "st_x" }));
    const b = await store.writeArticle(makeWrite({ ...base, externalId: "g-2", text: "Different text about the same Acme results.", storyId: "st_x" }));
    const story = await store.getStory("st_x");
    expect(story?.size).toBe(2);
    expect(story?.articleIds).toEqual([a.article.id, b.article.id]);
  });

  it("commits the import checkpoint with the article", async () => {
    await store.writeArticle(makeWrite(base), { checkpoint: { key: "f1", line: 7 } });
    expect(await store.getImportCheckpoint("f1")).toBe(7);
    await store.setImportCheckpoint("f1", 5);
    expect(await store.getImportCheckpoint("f1")).toBe(7);
    await store.resetImportCheckpoint("f1");
    expect(await store.getImportCheckpoint("f1")).toBe(0);
  });

  it("re-enrichment gives a new seq and lists stale articles by engine version", async () => {
    const a = await store.writeArticle(makeWrite({ ...base, engineVersion: "0.0.1" }));
    expect((await store.listStale("9.9.9", 10)).map((r) => r.id)).toEqual([a.article.id]);
    const e = makeWrite({ ...base, engineVersion: "9.9.9", tickers: ["ACME"] }).enrichment;
    const r = await store.replaceEnrichment(a.article.id, e);
    expect(r?.article.seq).toBeGreaterThan(a.article.seq);
    expect(await store.listStale("9.9.9", 10)).toEqual([]);
    expect((await store.listArticles({ tickers: ["acme"] })).items.map((x) => x.id)).toEqual([a.article.id]);
  });

  it("finds near-duplicate candidates by band and Hamming distance inside the window", async () => {
    const w = makeWrite(base);
    const a = await store.writeArticle(w);
    const flip = (hex: string, bit: number): string => (BigInt(`0x${hex}`) ^ (1n << BigInt(bit))).toString(16).padStart(16, "0");
    const oneOff = flip(w.simhash, 3);
    const threeOff = flip(flip(oneOff, 40), 63);
    expect((await store.findSimilar(w.simhash, "2026-02-27T00:00:00Z", 0)).map((c) => c.id)).toEqual([a.article.id]);
    expect(await store.findSimilar(oneOff, "2026-02-27T00:00:00Z", 0)).toEqual([]);
    expect((await store.findSimilar(oneOff, "2026-02-27T00:00:00Z", 1)).map((c) => c.storyId)).toEqual([a.article.storyId]);
    expect((await store.findSimilar(threeOff, "2026-02-27T00:00:00Z", 3)).length).toBe(1);
    expect(await store.findSimilar(threeOff, "2026-02-27T00:00:00Z", 2)).toEqual([]);
    expect(await store.findSimilar(w.simhash, "2026-03-02T00:00:00Z", 64)).toEqual([]);
  });

  it("keeps the full-text index in step with the articles through edits and re-enrichment", async () => {
    const a = await store.writeArticle(makeWrite(base));
    await store.writeArticle(makeWrite({ ...base, title: "Acme crushes estimates", text: "Zebra-striped results.", publishedAt: "2026-03-02T09:30:00Z" }));
    await store.replaceEnrichment(a.article.id, makeWrite({ ...base, title: "x" }).enrichment);
    expect(() => store.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect((await store.listArticles({ q: "zebra" })).items.length).toBe(1);
    expect((await store.listArticles({ q: "beats" })).items.length).toBe(0);
    store.db.prepare("UPDATE articles SET text = 'tampered' WHERE id = ?").run(a.article.id);
    expect(() => store.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")).toThrow();
  });
});
