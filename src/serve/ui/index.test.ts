import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config.ts";
import { openSqliteStore } from "../../store/sqlite/store.ts";
import type { Store } from "../../store/store.ts";
import type { Ingestor } from "../../ingest/ingestor.ts";
import type { Reference } from "../../reference/reference.ts";
import { registerUi } from "./index.ts";
import { CSP } from "./security.ts";
import { seedEnrichment } from "./pages/fixture.ts";

let dir: string;
let store: Store;
let app: FastifyInstance;
const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "iw-ui-"));
  store = openSqliteStore(join(dir, "t.db"));
  const write = (id: string, title: string, url: string, source: string) =>
    store.writeArticle({
      url, canonicalUrl: url, source, sourceId: null, externalId: id, title, publishedAt: "2026-11-28T12:00:00.000Z", seenAt: "2026-11-28T12:01:00.000Z",
      text: `${title}\n\nBody text.`, html: null, language: "en", contentHash: `h-${id}`, simhash: id === "x" ? "ffffffffffffffff" : "0000000000000001",
      enrichment: seedEnrichment({ id, story: { id: `story-${id}`, size: 1, firstSeenAt: null, novelty: 1 } }),
    });
  await write("a", "Amazon deal lifts AWS", "https://news.example.com/a", "Example News");
  await write("x", evil, "javascript:alert(3)", evil);
  // Routes need only the store here; the ingestor and reference are not touched by the UI.
  const ingestor: Ingestor = { ingest: () => Promise.reject(new Error("not used")), onWritten: () => () => {} };
  const reference = { securities: { bySymbol: new Map([["AMZN", { symbol: "AMZN", name: "Amazon.com, Inc.", exchange: "Nasdaq", sector: "Consumer Discretionary" }]]) }, taxonomy: { topics: [] }, lexicon: {} } as unknown as Reference;
  app = Fastify();
  registerUi(app, { config: loadConfig({}), store, reference, ingestor });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ids(): Promise<string[]> {
  return (await store.listArticles({ limit: 10 })).items.map((a) => a.id);
}

describe("UI routes", () => {
  it("serves every page with the strict CSP", async () => {
    const [first] = await ids();
    for (const url of ["/", "/?sort=impact&minImpact=0.4&tickers=amzn", "/search?q=amazon", `/news/${first}`, "/ticker/AMZN", "/topic/artificial-intelligence", "/sources", "/alerts", "/static/app.css", "/news/nope", "/static/nope"]) {
      const res = await app.inject(url);
      expect(res.headers["content-security-policy"], url).toBe(CSP);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect([200, 404]).toContain(res.statusCode);
    }
  });

  it("lists articles and escapes hostile titles and sources", async () => {
    const res = await app.inject("/");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Amazon deal lifts AWS");
    expect(res.body).not.toContain("<script>alert");
    expect(res.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(res.body).not.toMatch(/<script(?![^>]*src="\/static\/)[^>]*>/);
  });

  it("shows the ticker page with company facts from the reference data", async () => {
    const res = await app.inject("/ticker/amzn");
    expect(res.body).toContain("Amazon.com, Inc.");
    expect(res.body).toContain("Consumer Discretionary");
    expect(res.body).toContain('id="chart-data"');
    expect((await app.inject("/ticker/ZZZZ")).statusCode).toBe(404);
  });

  it("serves lightweight-charts locally", async () => {
    const res = await app.inject("/static/vendor/lightweight-charts.standalone.production.js");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("javascript");
    expect(res.body.length).toBeGreaterThan(50_000);
  });

  it("refuses a form post without the CSRF token or from another origin", async () => {
    const noToken = await app.inject({ method: "POST", url: "/sources", headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:80", host: "localhost:80" }, payload: "url=https%3A%2F%2Fexample.com%2Ffeed.xml" });
    expect(noToken.statusCode).toBe(403);
    const page = await app.inject("/alerts");
    const cookie = String(page.headers["set-cookie"]).split(";")[0]!;
    const token = cookie.split("=")[1]!;
    const cross = await app.inject({ method: "POST", url: "/alerts", headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: "https://evil.example", host: "localhost:80" }, payload: `csrf=${token}&name=x&webhookUrl=https%3A%2F%2F93.184.215.14%2Fh` });
    expect(cross.statusCode).toBe(403);
    expect(await store.listAlerts()).toHaveLength(0);
  });

  it("creates an alert rule through the form and shows its secret once", async () => {
    const page = await app.inject({ url: "/alerts", headers: { host: "localhost:80" } });
    const cookie = String(page.headers["set-cookie"]).split(";")[0]!;
    const token = cookie.split("=")[1]!;
    const res = await app.inject({
      method: "POST", url: "/alerts",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: "http://localhost:80", host: "localhost:80" },
      payload: new URLSearchParams([["csrf", token], ["name", "Big AMZN news"], ["tickers", "amzn, msft"], ["topics", "artificial-intelligence"], ["topics", "analyst-insights"], ["minImpact", "0.5"], ["sentiment", "any"], ["webhookUrl", "https://93.184.215.14/hook"]]).toString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const rules = await store.listAlerts();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.tickers).toEqual(["AMZN", "MSFT"]);
    expect(rules[0]!.topics).toEqual(["artificial-intelligence", "analyst-insights"]);
    expect(res.body).toContain('value="analyst-insights"');
    expect(res.body).toContain(rules[0]!.secret);
    const bad = await app.inject({
      method: "POST", url: "/alerts",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: "http://localhost:80", host: "localhost:80" },
      payload: new URLSearchParams({ csrf: token, name: "x", webhookUrl: "javascript:alert(1)" }).toString(),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("only http and https");
  });

  it("adds a feed through the sources form and lists it with its health", async () => {
    const page = await app.inject({ url: "/sources", headers: { host: "localhost:80" } });
    const cookie = String(page.headers["set-cookie"]).split(";")[0]!;
    const token = cookie.split("=")[1]!;
    const post = (url: string) =>
      app.inject({
        method: "POST", url: "/sources",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, referer: "http://localhost/sources", host: "localhost" },
        payload: new URLSearchParams({ csrf: token, url, kind: "rss", intervalMin: "10" }).toString(),
      });
    const res = await post("https://93.184.215.14/feed.xml");
    expect(res.statusCode, res.body).toBe(201);
    const sources = await store.listSources();
    expect(sources.map((s) => [s.url, s.kind, s.intervalSec])).toEqual([["https://93.184.215.14/feed.xml", "rss", 600]]);
    expect(res.body).toContain("not polled yet");
    expect((await post("https://93.184.215.14/feed.xml")).statusCode).toBe(409);
    const priv = await post("http://127.0.0.1/feed.xml");
    expect(priv.statusCode).toBe(400);
    expect(priv.body).toContain("private-network guard");
    expect(await store.listSources()).toHaveLength(1);
  });
});
