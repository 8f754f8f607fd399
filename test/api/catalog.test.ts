/**
 * Tickers, topics, sources, health, metrics and the OpenAPI document through real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTICLES } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

let srv: TestServer;
let appleSymbol: string | undefined;
beforeAll(async () => {
  srv = await startTestServer();
  const res = await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: Object.values(ARTICLES) });
  const apple = await srv.call(`/api/v1/articles/${res.body.items[0].id}`);
  appleSymbol = apple.body.enrichment.tickers[0]?.symbol;
});
afterAll(async () => srv?.stop());

describe("tickers and topics", () => {
  it("lists tickers in the news and shows one ticker with its series and recent articles", async () => {
    expect(appleSymbol).toBeTruthy();
    const list = await srv.call("/api/v1/tickers");
    expect(list.status).toBe(200);
    const row = list.body.items.find((t: { symbol: string }) => t.symbol === appleSymbol);
    expect(row.articles).toBeGreaterThanOrEqual(1);
    const one = await srv.call(`/api/v1/tickers/${appleSymbol!.toLowerCase()}?days=3650`);
    expect(one.status).toBe(200);
    expect(one.body.symbol).toBe(appleSymbol);
    expect(one.body.recent.length).toBeGreaterThanOrEqual(1);
    expect(one.body.series.length).toBeGreaterThanOrEqual(1);
    expect(one.body.series[0]).toMatchObject({ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await srv.call("/api/v1/tickers/ZZZZQ")).status).toBe(404);
    expect((await srv.call("/api/v1/tickers/bad%20symbol")).status).toBe(400);
  });

  it("lists topics with counts", async () => {
    const res = await srv.call("/api/v1/topics");
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.items)).toBe(true);
    for (const t of res.body.items) expect(t).toMatchObject({ id: expect.any(String), label: expect.any(String), articles: expect.any(Number) });
  });
});

describe("sources", () => {
  it("adds, lists, shows health and removes a feed; refuses bad and duplicate URLs", async () => {
    const add = await srv.call("/api/v1/sources", { method: "POST", key: srv.keys.admin, json: { url: "https://news.example.com/feed.xml", kind: "rss" } });
    expect(add.status).toBe(201);
    expect(add.body).toMatchObject({ url: "https://news.example.com/feed.xml", kind: "rss", enabled: true });
    const dup = await srv.call("/api/v1/sources", { method: "POST", key: srv.keys.admin, json: { url: "https://news.example.com/feed.xml" } });
    expect(dup.status).toBe(409);
    const bad = await srv.call("/api/v1/sources", { method: "POST", key: srv.keys.admin, json: { url: "ftp://x.example/feed" } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("URL_INVALID");
    const list = await srv.call("/api/v1/sources");
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(add.body.id);
    const health = await srv.call(`/api/v1/sources/${add.body.id}`);
    expect(health.body).toMatchObject({ id: add.body.id, healthy: false, status: "never_polled", errorCount: 0 });
    expect((await srv.call(`/api/v1/sources/${add.body.id}`, { method: "DELETE", key: srv.keys.admin })).status).toBe(204);
    expect((await srv.call(`/api/v1/sources/${add.body.id}`)).status).toBe(404);
    expect((await srv.call(`/api/v1/sources/${add.body.id}`, { method: "DELETE", key: srv.keys.admin })).status).toBe(404);
  });
});

describe("health, metrics, OpenAPI", () => {
  it("reports health", async () => {
    const res = await srv.call("/api/v1/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", store: "ok", articles: 4, streamClients: 0 });
  });

  it("exposes Prometheus metrics with request counts, latency histograms and ingest counters", async () => {
    const res = await fetch(`${srv.base}/metrics`);
    const text = await res.text();
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    expect(text).toMatch(/impactwire_http_requests_total\{method="GET",route="\/api\/v1\/articles\/:id",status="200"\} \d+/);
    expect(text).toMatch(/impactwire_http_request_duration_seconds_bucket\{method="POST",route="\/api\/v1\/articles",le="\+Inf"\} 1/);
    expect(text).toMatch(/impactwire_articles_ingested_total\{via="api",status="created"\} 4/);
    expect(text).toMatch(/impactwire_stream_clients 0/);
  });

  it("publishes an OpenAPI 3.1 document covering every route, with the enrichment schema", async () => {
    const res = await srv.call("/api/v1/openapi.json");
    expect(res.body.openapi).toBe("3.1.0");
    const paths = Object.keys(res.body.paths);
    for (const p of ["/api/v1/articles", "/api/v1/articles/{id}", "/api/v1/stories/{id}", "/api/v1/tickers", "/api/v1/tickers/{symbol}", "/api/v1/topics", "/api/v1/sources", "/api/v1/sources/{id}", "/api/v1/alerts", "/api/v1/alerts/{id}", "/api/v1/alerts/{id}/deliveries", "/api/v1/health", "/api/v1/stream", "/metrics"]) {
      expect(paths).toContain(p);
    }
    expect(res.body.components.schemas.Enrichment.properties.impact).toBeTruthy();
    const detail = res.body.paths["/api/v1/articles/{id}"].get.responses["200"].content["application/json"].schema;
    expect(JSON.stringify(detail)).toContain("#/components/schemas/Enrichment");
    const params = res.body.paths["/api/v1/articles"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(["tickers", "topics", "minImpact", "sentiment", "source", "story", "since", "until", "q", "sort", "cursor", "limit", "asOf"]));
    expect(res.body.paths["/api/v1/articles"].post.security).toBeTruthy();
    const opIds = Object.values(res.body.paths).flatMap((m) => Object.values(m as Record<string, { operationId: string }>).map((o) => o.operationId));
    expect(new Set(opIds).size).toBe(opIds.length);
    expect(opIds).toContain("getAlertsByIdDeliveries");
    expect(res.body.webhooks.alertMatched.post.requestBody.content["application/json"].schema.properties.article).toBeTruthy();
  });

  it("answers unknown API routes with a 404 problem", async () => {
    const res = await srv.call("/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("NOT_FOUND");
  });
});
