import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/store.ts";
import { briefOf } from "../../src/store/brief.ts";
import type { ArticleQuery } from "../../src/store/store.ts";
import { makeWrite } from "./helpers.ts";

let store: SqliteStore;
beforeEach(async () => {
  store = openSqliteStore(":memory:");
  const companies = ["ACME", "BETA", "GAMMA", "DELTA"];
  for (let i = 0; i < 12; i++) {
    await store.writeArticle(makeWrite({
      title: `${companies[i % 4]} update ${i}`,
      text: `Article ${i} about ${companies[i % 4]} and its quarterly results, number ${i * 7}.`,
      sourceId: i % 2 ? "wire" : "desk",
      externalId: `b-${i}`,
      publishedAt: new Date(Date.UTC(2026, 2, 1, 9, i)).toISOString(),
      seenAt: new Date(Date.UTC(2026, 2, 1, 10, i)).toISOString(),
      tickers: [companies[i % 4]!, ...(i % 3 === 0 ? ["ZETA"] : [])],
      topics: i % 2 ? ["earnings"] : ["earnings", "ma"],
      impact: (i % 5) / 5,
      sentiment: i % 2 ? "positive" : "negative",
    }));
  }
});
afterEach(async () => store.close());

const queries: ArticleQuery[] = [
  { limit: 5 },
  { tickers: ["ZETA"], limit: 3 },
  { topics: ["ma"], sentiment: "negative" },
  { sort: "impact", minImpact: 0.2, limit: 4 },
  { q: "quarterly results", limit: 6 },
  { source: "wire", since: "2026-03-01T09:03:00Z", until: "2026-03-01T09:09:00Z" },
  { asOf: "2026-03-01T10:05:30Z" },
];

async function same(query: ArticleQuery): Promise<void> {
  const full = await store.listArticles(query);
  const briefs = await store.listArticleBriefs(query);
  expect(briefs.nextCursor).toBe(full.nextCursor);
  expect(briefs.items).toEqual(full.items.map(briefOf));
  expect(briefs.items.length).toBeGreaterThan(0);
}

describe("list briefs (articles.brief, migration 0007)", () => {
  it("give the same page as the full records, for every kind of list", async () => {
    for (const q of queries) await same(q);
  });

  it("are written with the article and kept current by revisions and re-enrichment", async () => {
    const nulls = () => store.db.prepare("SELECT count(*) AS n FROM articles WHERE brief IS NULL").get() as { n: number };
    expect(nulls().n).toBe(0);
    const revised = makeWrite({ title: "ACME update 0", text: "Article 0 about ACME, rewritten with new figures.", sourceId: "desk", externalId: "b-0", tickers: ["OMEGA"], topics: ["legal"], impact: 0.9 });
    expect((await store.writeArticle(revised)).status).toBe("revised");
    const [b] = (await store.listArticleBriefs({ tickers: ["OMEGA"] })).items;
    expect(b?.tickers.map((t) => t.symbol)).toEqual(["OMEGA"]);
    expect(b?.impact?.score).toBe(0.9);
    const id = b!.id;
    const again = makeWrite({ title: "ACME update 0", text: "Article 0 about ACME, rewritten with new figures.", tickers: ["SIGMA"], topics: ["legal"], impact: 0.3 });
    await store.replaceEnrichment(id, again.enrichment);
    const [c] = (await store.listArticleBriefs({ tickers: ["SIGMA"] })).items;
    expect(c?.id).toBe(id);
    expect(c?.impact?.score).toBe(0.3);
    for (const q of queries) await same(q);
  });

  it("fall back to the enrichment document for rows stored before 0007, and migrate fills them", async () => {
    const before = await store.listArticleBriefs({ limit: 12 });
    store.db.exec("UPDATE articles SET brief = NULL");
    expect(await store.listArticleBriefs({ limit: 12 })).toEqual(before);
    const messages: string[] = [];
    await store.migrate({ onProgress: (m) => messages.push(m) });
    expect(messages).toEqual(["filled the list briefs of 12 articles"]);
    expect((store.db.prepare("SELECT count(*) AS n FROM articles WHERE brief IS NULL").get() as { n: number }).n).toBe(0);
    expect(await store.listArticleBriefs({ limit: 12 })).toEqual(before);
    await store.migrate({ onProgress: (m) => messages.push(m) });
    expect(messages).toHaveLength(1);
  });
});
