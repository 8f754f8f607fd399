/**
 * Article endpoints through real HTTP: ingest (one, many, per-item results), list with filters and
 * cursor pagination across inserts, one article with enrichment and revisions, asOf, stories, and
 * the full-text injection list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnrichmentSchema } from "../../src/contract/enrichment.ts";
import { ARTICLES, numbered } from "./fixtures.ts";
import { sleep, startTestServer, type TestServer } from "./harness.ts";

let srv: TestServer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  srv = await startTestServer();
  const res = await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: Object.values(ARTICLES) });
  expect(res.status).toBe(200);
  for (const [i, name] of Object.keys(ARTICLES).entries()) ids[name] = res.body.items[i].id;
});
afterAll(async () => srv?.stop());

describe("POST /api/v1/articles", () => {
  it("ingests many and reports created per item, then duplicate/unchanged for the same articles", async () => {
    const again = await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: [ARTICLES.apple, ARTICLES.tesla] });
    expect(again.status).toBe(200);
    expect(again.body.items.map((i: { status: string }) => i.status)).toEqual(["unchanged", "unchanged"]);
    expect(again.body.items[0].id).toBe(ids.apple);
  });

  it("ingests one object and revises it when its text changes", async () => {
    const first = await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: numbered(1, "2026-11-19T09:00:00Z", "rev") });
    expect(first.body.items[0]).toMatchObject({ index: 0, status: "created", revision: 1 });
    const changed = { ...numbered(1, "2026-11-19T09:00:00Z", "rev"), text: `${numbered(1, "", "rev").text} Update: one terminal reopened.` };
    const second = await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: changed });
    expect(second.body.items[0]).toMatchObject({ status: "revised", id: first.body.items[0].id, revision: 2 });
    expect(second.body.items[0].seq).toBeGreaterThan(first.body.items[0].seq);
  });

  it("reports a bad item in a batch as an error and still stores the good ones", async () => {
    const res = await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: [{ title: "", text: "" }, numbered(2, "2026-11-19T10:00:00Z", "mixed")] });
    expect(res.status).toBe(200);
    expect(res.body.items[0].status).toBe("error");
    expect(res.body.items[0].error.code).toMatch(/^[A-Z_]+$/);
    expect(res.body.items[1].status).toBe("created");
  });

  it("rejects a body that is not an article with a 400 problem", async () => {
    const res = await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: { title: 42 } });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: "INVALID_REQUEST" });
    expect(res.body.detail).toMatch(/title/);
  });
});

describe("GET /api/v1/articles/:id", () => {
  it("returns the article with a contract-valid enrichment and its revisions", async () => {
    const res = await srv.call(`/api/v1/articles/${ids.apple}`);
    expect(res.status).toBe(200);
    expect(res.body.title).toBe(ARTICLES.apple.title);
    expect(EnrichmentSchema.safeParse(res.body.enrichment).success).toBe(true);
    expect(res.body.revisions).toHaveLength(1);
    expect(res.body.text).toContain("record services revenue");
  });

  it("answers 404 problem for an unknown id", async () => {
    const res = await srv.call("/api/v1/articles/nope");
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "ARTICLE_NOT_FOUND", status: 404, title: "Not Found" });
    expect(typeof res.body.type).toBe("string");
  });
});

describe("GET /api/v1/articles filters", () => {
  it("filters by ticker, topic, sentiment, source, minImpact and time, consistently with each article's enrichment", async () => {
    const detail = (await srv.call(`/api/v1/articles/${ids.apple}`)).body;
    const symbol = detail.enrichment.tickers[0]?.symbol;
    expect(symbol, "the linker should find a ticker in the Apple article").toBeTruthy();
    const byTicker = await srv.call(`/api/v1/articles?tickers=${symbol}`);
    expect(byTicker.body.items.map((a: { id: string }) => a.id)).toContain(ids.apple);
    for (const a of byTicker.body.items) expect(a.tickers.map((t: { symbol: string }) => t.symbol)).toContain(symbol);

    const topic = detail.enrichment.topics[0]?.id;
    if (topic) {
      const byTopic = await srv.call(`/api/v1/articles?topics=${encodeURIComponent(topic)}`);
      expect(byTopic.body.items.map((a: { id: string }) => a.id)).toContain(ids.apple);
      for (const a of byTopic.body.items) expect(a.topics.map((t: { id: string }) => t.id)).toContain(topic);
    }

    const label = detail.enrichment.sentiment.label;
    const bySentiment = await srv.call(`/api/v1/articles?sentiment=${label}`);
    expect(bySentiment.body.items.map((a: { id: string }) => a.id)).toContain(ids.apple);
    for (const a of bySentiment.body.items) expect(a.sentiment.label).toBe(label);

    const bySource = await srv.call("/api/v1/articles?source=Other%20Wire");
    expect(bySource.body.items.map((a: { id: string }) => a.id).sort()).toEqual([ids.fed, ids.tesla].sort());

    const score = detail.enrichment.impact.score;
    const byImpact = await srv.call(`/api/v1/articles?minImpact=${score}&limit=100`);
    expect(byImpact.body.items.map((a: { id: string }) => a.id)).toContain(ids.apple);
    for (const a of byImpact.body.items) expect(a.impact.score).toBeGreaterThanOrEqual(score);

    const byTime = await srv.call("/api/v1/articles?since=2026-11-20T14:30:00Z&until=2026-11-20T17:00:00Z");
    expect(byTime.body.items.map((a: { id: string }) => a.id).sort()).toEqual([ids.microsoft, ids.tesla].sort());

    const byStory = await srv.call(`/api/v1/articles?story=${detail.storyId}`);
    expect(byStory.body.items.map((a: { id: string }) => a.id)).toContain(ids.apple);
  });

  it("sorts by time (newest first) or by impact (highest first)", async () => {
    const all = (await srv.call("/api/v1/articles?limit=100")).body.items;
    const times = all.map((a: { publishedAt: string | null; firstSeenAt: string }) => a.publishedAt ?? a.firstSeenAt);
    expect([...times].sort().reverse()).toEqual(times);
    const byImpact = (await srv.call("/api/v1/articles?sort=impact&limit=100")).body.items.map((a: { impact: { score: number } }) => a.impact.score);
    expect([...byImpact].sort((x, y) => y - x)).toEqual(byImpact);
  });

  it("answers a bad filter with a clear 400", async () => {
    for (const [qs, field] of [["minImpact=2", "minImpact"], ["limit=0", "limit"], ["sort=random", "sort"], ["since=yesterday", "since"], ["sentiment=happy", "sentiment"]]) {
      const res = await srv.call(`/api/v1/articles?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(res.body.code).toBe("INVALID_REQUEST");
      expect(res.body.detail).toContain(field);
    }
    const cursor = await srv.call("/api/v1/articles?cursor=not-a-cursor");
    expect(cursor.status).toBe(400);
  });
});

describe("full-text search", () => {
  it("finds words and hyphenated terms", async () => {
    const res = await srv.call("/api/v1/articles?q=iphone%20services");
    expect(res.body.items.map((a: { id: string }) => a.id)).toEqual([ids.apple]);
    const hyphen = await srv.call("/api/v1/articles?q=Wi-Fi");
    expect(hyphen.status).toBe(200);
    expect(hyphen.body.items.map((a: { id: string }) => a.id)).toEqual([ids.apple]);
  });

  it("never answers 500 or leaks SQL for query syntax", async () => {
    const nasty = ['a-b', '"', 'NEAR(', 'title:', '"unbalanced', 'NEAR(a b', 'apple AND', 'OR', 'NOT', '*', '(', ')', '^apple', 'title:apple', "'; DROP TABLE articles; --", "apple\u0000", '{a b}', 'a:b:c', '-apple', '+', 'x'.repeat(400)];
    for (const q of nasty) {
      const res = await srv.call(`/api/v1/articles?q=${encodeURIComponent(q)}`);
      expect([200, 400], `q=${q}`).toContain(res.status);
      expect(res.text).not.toMatch(/sqlite|fts5|SELECT|syntax error/i);
      if (res.status === 400) expect(res.body.code).toMatch(/^[A-Z_]+$/);
    }
    const tooLong = await srv.call(`/api/v1/articles?q=${"y".repeat(600)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.detail).toMatch(/q:/);
    expect((await srv.call("/api/v1/articles?limit=1")).status).toBe(200);
  });
});

describe("pagination and asOf", () => {
  it("walks pages with the cursor without duplicates or gaps while new articles arrive", async () => {
    const batch = Array.from({ length: 7 }, (_, i) => numbered(i, `2026-10-0${i + 1}T12:00:00Z`, "page"));
    await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: batch });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = `source=Number%20Wire&since=2026-09-15T00:00:00Z&until=2026-10-31T00:00:00Z&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const res = await srv.call(`/api/v1/articles?${qs}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((a: { title: string }) => a.title));
      cursor = res.body.nextCursor;
      pages += 1;
      if (pages === 1) {
        // newer and older arrivals between page requests
        await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: [numbered(100, "2026-10-20T12:00:00Z", "page"), numbered(101, "2026-10-01T11:00:00Z", "page")] });
      }
    } while (cursor && pages < 10);
    // newest first: 6..0 (Oct 7..1 noon), then 101 (Oct 1, 11:00); 100 is newer than the cursor so it is not on later pages
    const expected = [6, 5, 4, 3, 2, 1, 0, 101].map((n) => numbered(n, "", "page").title);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  it("answers asOf: the list and the article as they were known then", async () => {
    const before = new Date().toISOString();
    await sleep(10);
    const v1 = numbered(1, "2026-09-01T12:00:00Z", "asof");
    const created = (await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: v1 })).body.items[0];
    await sleep(10);
    const between = new Date().toISOString();
    await sleep(10);
    const v2 = { ...v1, title: "Harbor logistics report number 1 for asof (corrected)", text: `${v1.text} Correction: three terminals.` };
    await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: v2 });

    const now = await srv.call(`/api/v1/articles/${created.id}`);
    expect(now.body.title).toBe(v2.title);
    expect(now.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    const then = await srv.call(`/api/v1/articles/${created.id}?asOf=${between}`);
    expect(then.status).toBe(200);
    expect(then.body.title).toBe(v1.title);
    expect(then.body.revisions).toHaveLength(1);
    expect((await srv.call(`/api/v1/articles/${created.id}?asOf=${before}`)).status).toBe(404);

    const listBefore = await srv.call(`/api/v1/articles?source=Number%20Wire&asOf=${before}&limit=100`);
    expect(listBefore.body.items.map((a: { id: string }) => a.id)).not.toContain(created.id);
    const listBetween = await srv.call(`/api/v1/articles?source=Number%20Wire&asOf=${between}&limit=100`);
    expect(listBetween.body.items.find((a: { id: string }) => a.id === created.id)?.title).toBe(v1.title);
  });
});

describe("GET /api/v1/stories/:id", () => {
  it("returns the story with its articles, 404 for an unknown one", async () => {
    const detail = (await srv.call(`/api/v1/articles/${ids.tesla}`)).body;
    const res = await srv.call(`/api/v1/stories/${detail.storyId}`);
    expect(res.status).toBe(200);
    expect(res.body.articles.map((a: { id: string }) => a.id)).toContain(ids.tesla);
    expect(res.body.size).toBeGreaterThanOrEqual(1);
    expect((await srv.call("/api/v1/stories/st_nope")).status).toBe(404);
  });
});
