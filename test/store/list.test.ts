import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/store.ts";
import type { ArticleQuery, ArticleRecord } from "../../src/store/store.ts";
import { makeWrite } from "./helpers.ts";

let store: SqliteStore;
const COMPANIES = ["AAPL", "MSFT", "AMZN", "NVDA"];
const TOPICS = ["earnings", "ai", "legal"];
const SENTS = ["positive", "negative", "neutral"] as const;

/** 60 articles, one per hour from 2026-01-01, with rotating tickers, topics, sentiments and impacts. */
async function seed(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const at = new Date(Date.UTC(2026, 0, 1, i)).toISOString();
    await store.writeArticle(
      makeWrite({
        title: `Story ${i} about ${COMPANIES[i % 4]} ${i % 5 === 0 ? "merger talks" : "quarterly update"}`,
        text: `Body number ${i}. ${i % 7 === 0 ? "The regulator opened an antitrust probe." : "Nothing unusual happened."} Word${i}.`,
        sourceId: i % 2 ? "wire" : "blog",
        source: i % 2 ? "Wire" : "Blog",
        externalId: `n-${i}`,
        publishedAt: at,
        seenAt: at,
        tickers: i % 10 === 0 ? [COMPANIES[i % 4]!, "SPY"] : [COMPANIES[i % 4]!],
        topics: [TOPICS[i % 3]!],
        sentiment: SENTS[i % 3],
        impact: Math.round(((i * 37) % 100) / 10) / 10,
      }),
    );
  }
}

async function all(query: ArticleQuery): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 100; n++) {
    const page = await store.listArticles({ ...query, cursor, limit: query.limit ?? 7 });
    out.push(...page.items);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

const num = (r: ArticleRecord): number => Number(/Story (\d+)/.exec(r.title)![1]);

beforeEach(async () => {
  store = openSqliteStore(":memory:");
  await seed();
});
afterEach(async () => store.close());

describe("listArticles", () => {
  it("lists newest first and pages through everything exactly once", async () => {
    const items = await all({});
    expect(items.map(num)).toEqual([...Array(60).keys()].reverse());
  });

  it("filters by ticker (any of several), topic, sentiment, source, impact and time", async () => {
    expect((await all({ tickers: ["msft"] })).map(num)).toEqual([57, 53, 49, 45, 41, 37, 33, 29, 25, 21, 17, 13, 9, 5, 1]);
    expect((await all({ tickers: ["SPY", "NVDA"] })).map(num).slice(0, 6)).toEqual([59, 55, 51, 50, 47, 43]);
    const legalOrAiNegative = [...Array(60).keys()].reverse().filter((i) => i % 3 === 1);
    expect((await all({ topics: ["legal", "ai"], sentiment: "negative" })).map(num)).toEqual(legalOrAiNegative);
    expect((await all({ source: "Blog", tickers: ["AMZN"] })).map(num)).toEqual([58, 54, 50, 46, 42, 38, 34, 30, 26, 22, 18, 14, 10, 6, 2]);
    expect((await all({ source: "blog", tickers: ["AMZN"] })).map(num)).toEqual([58, 54, 50, 46, 42, 38, 34, 30, 26, 22, 18, 14, 10, 6, 2]);
    expect((await all({ tickers: ["AMZN"], minImpact: 0.5 })).every((r) => r.enrichment!.impact.score >= 0.5)).toBe(true);
    const strong = await all({ minImpact: 0.8 });
    expect(strong.every((r) => r.enrichment!.impact.score >= 0.8)).toBe(true);
    expect(strong.length).toBe([...Array(60).keys()].filter((i) => Math.round(((i * 37) % 100) / 10) / 10 >= 0.8).length);
    expect((await all({ since: "2026-01-02T00:00:00Z", until: "2026-01-02T03:00:00Z" })).map(num)).toEqual([26, 25, 24]);
  });

  it("sorts by impact with ties broken by time, across pages", async () => {
    const items = await all({ sort: "impact", tickers: ["AAPL"] });
    const scores = items.map((r) => r.enrichment!.impact.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(items.length).toBe(15);
    expect(new Set(items.map((r) => r.id)).size).toBe(15);
  });

  it("full-text search with user syntax that must not break or inject", async () => {
    expect((await all({ q: "merger talks" })).map(num)).toEqual([55, 50, 45, 40, 35, 30, 25, 20, 15, 10, 5, 0]);
    expect((await all({ q: "antitrust", tickers: ["AAPL"] })).map(num)).toEqual([56, 28, 0]);
    for (const q of ['a-b', '"', 'NEAR(', 'title:', 'merger OR', '*', 'AND', '")) OR 1=1 --', "Story NOT", "word4*"]) {
      await expect(store.listArticles({ q })).resolves.toBeDefined();
    }
    expect((await all({ q: "title:merger" })).length).toBe(0);
    expect((await all({ q: "word4*" })).map(num)).toEqual([49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 4]);
    expect((await store.listArticles({ q: "--" })).items).toEqual([]);
  });

  it("keeps pagination stable when new articles arrive between pages", async () => {
    const first = await store.listArticles({ limit: 10 });
    for (let i = 0; i < 5; i++) {
      const at = new Date(Date.UTC(2026, 0, 5, i)).toISOString();
      await store.writeArticle(makeWrite({ title: `Story ${100 + i} late`, text: "late arrival", externalId: `late-${i}`, publishedAt: at, seenAt: at }));
    }
    const second = await store.listArticles({ limit: 10, cursor: first.nextCursor! });
    expect(first.items.map(num)).toEqual([59, 58, 57, 56, 55, 54, 53, 52, 51, 50]);
    expect(second.items.map(num)).toEqual([49, 48, 47, 46, 45, 44, 43, 42, 41, 40]);
  });

  it("rejects a damaged cursor or one from another sort", async () => {
    const page = await store.listArticles({ limit: 2 });
    await expect(store.listArticles({ cursor: "not-a-cursor" })).rejects.toThrow(/cursor/);
    await expect(store.listArticles({ sort: "impact", cursor: page.nextCursor! })).rejects.toThrow(/sorted by impact/);
  });

  it("replays by seq after a Last-Event-ID", async () => {
    const seqs = (await all({ sort: "seq" })).map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const after = await store.listArticles({ sort: "seq", afterSeq: seqs[49]!, limit: 50 });
    expect(after.items.map((r) => r.seq)).toEqual(seqs.slice(50));
  });

  it("answers as of a past time", async () => {
    const id = (await all({ q: "Word10" }))[0]!.id;
    await store.writeArticle(
      makeWrite({ title: "Story 10 about AMZN merger talks", text: "Corrected body.", sourceId: "blog", source: "Blog", externalId: "n-10", publishedAt: "2026-01-01T10:00:00Z", seenAt: "2026-03-01T00:00:00Z", tickers: ["TSLA"] }),
    );
    const before = await all({ asOf: "2026-01-01T12:30:00Z" });
    expect(before.map(num)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const then = await all({ asOf: "2026-02-01T00:00:00Z", tickers: ["AMZN"] });
    expect(then.map((r) => r.id)).toContain(id);
    expect(then.find((r) => r.id === id)!.text).toContain("Word10");
    const now = await all({ tickers: ["AMZN"] });
    expect(now.map((r) => r.id)).not.toContain(id);
    expect((await all({ tickers: ["TSLA"] })).map((r) => r.id)).toEqual([id]);
  });
});

describe("impact-sorted search over many matches", () => {
  it("pages in impact order whether the matches are sorted or the impact index is walked", async () => {
    const s = openSqliteStore(":memory:");
    try {
      await s.batch(async () => {
        for (let i = 0; i < 2_100; i++) {
          const at = new Date(Date.UTC(2026, 1, 1) + i * 60_000).toISOString();
          const word = i % 50 === 0 ? "rareword" : "commonword";
          await s.writeArticle(makeWrite({ title: `Item ${i}`, text: `${word} filler ${i}`, externalId: `m${i}`, publishedAt: at, seenAt: at, impact: ((i * 7919) % 1000) / 1000 }));
        }
      });
      for (const [q, n] of [["commonword", 2_058], ["rareword", 42]] as const) {
        const seen: { impact: number; id: string }[] = [];
        let cursor: string | undefined;
        do {
          const page = await s.listArticles({ q, sort: "impact", limit: 200, cursor });
          seen.push(...page.items.map((a) => ({ impact: a.enrichment!.impact.score, id: a.id })));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen.length).toBe(n);
        expect(new Set(seen.map((x) => x.id)).size).toBe(n);
        expect(seen.map((x) => x.impact)).toEqual([...seen.map((x) => x.impact)].sort((a, b) => b - a));
      }
    } finally {
      await s.close();
    }
  });
});

describe("query plans of filtered ticker and topic lists", () => {
  /** The EXPLAIN QUERY PLAN lines of every SELECT a list call prepares. */
  function plans(query: ArticleQuery): string[] {
    const seen: string[] = [];
    const stmt = store.q.stmt.bind(store.q);
    store.q.stmt = (sql: string) => {
      if (/^\s*SELECT/i.test(sql)) seen.push(sql);
      return stmt(sql);
    };
    try {
      void store.listArticles(query);
    } finally {
      store.q.stmt = stmt;
    }
    return seen.flatMap((sql) => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill(null)) as { detail: string }[]).map((r) => r.detail));
  }

  it("check sentiment, source and story in the narrow filter index, never in the wide article row", () => {
    for (const query of [{ tickers: ["AAPL"], sentiment: "positive" }, { topics: ["ai"], source: "Wire", storyId: "st_x" }] as ArticleQuery[]) {
      const lines = plans(query);
      expect(lines.some((l) => /COVERING INDEX articles_filters/.test(l))).toBe(true);
      expect(lines.filter((l) => /SEARCH a USING INTEGER PRIMARY KEY/.test(l)).length).toBeLessThanOrEqual(1); // only loading the page's records (none when empty)
    }
  });

  it("do not touch articles while scanning when no other filter needs them", () => {
    const lines = plans({ tickers: ["AAPL"], minImpact: 0.3 });
    expect(lines.some((l) => /articles_filters/.test(l))).toBe(false);
    expect(lines.filter((l) => /SEARCH a USING INTEGER PRIMARY KEY/.test(l)).length).toBe(1);
  });
});
