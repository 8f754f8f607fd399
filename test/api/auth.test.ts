/**
 * Auth, scopes, rate limits and CORS through real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { numbered } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ rateLimitPerMin: 5, corsOrigins: ["https://dash.example.com"] });
});
afterAll(async () => srv?.stop());

describe("API keys", () => {
  it("refuses writes without a key (401 + WWW-Authenticate), with an unknown key (401), with a read key (403)", async () => {
    const article = numbered(1, "2026-11-01T00:00:00Z", "auth");
    const none = await srv.call("/api/v1/articles", { method: "POST", json: article });
    expect(none.status).toBe(401);
    expect(none.body.code).toBe("API_KEY_REQUIRED");
    expect(none.headers.get("www-authenticate")).toMatch(/Bearer/);
    const unknown = await srv.call("/api/v1/articles", { method: "POST", json: article, key: "iw_not-a-real-key" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe("API_KEY_INVALID");
    const readOnly = await srv.call("/api/v1/articles", { method: "POST", json: article, key: srv.keys.read });
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.code).toBe("API_KEY_SCOPE");
    const x = await fetch(`${srv.base}/api/v1/articles`, { method: "POST", headers: { "x-api-key": srv.keys.write, "content-type": "application/json" }, body: JSON.stringify(article) });
    expect(x.status).toBe(200);
  });

  it("keeps admin endpoints for admin keys", async () => {
    const write = await srv.call("/api/v1/alerts", { key: srv.keys.write });
    expect(write.status).toBe(403);
    const admin = await srv.call("/api/v1/alerts", { key: srv.keys.admin });
    expect(admin.status).toBe(200);
    const del = await srv.call("/api/v1/sources/src_x", { method: "DELETE" });
    expect(del.status).toBe(401);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a client's bucket is empty, per key", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const res = await srv.call("/api/v1/topics", { key: srv.keys.read });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get("retry-after");
        expect(res.body.code).toBe("RATE_LIMITED");
      }
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // another key has its own bucket
    expect((await srv.call("/api/v1/topics", { key: srv.keys.admin })).status).toBe(200);
  });
});

describe("CORS", () => {
  it("allows the configured origin, answers preflight, and ignores others", async () => {
    const pre = await fetch(`${srv.base}/api/v1/articles`, { method: "OPTIONS", headers: { origin: "https://dash.example.com", "access-control-request-method": "POST" } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("https://dash.example.com");
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    const other = await fetch(`${srv.base}/api/v1/health`, { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("reads behind a key", () => {
  it("needs a key for reads when API_READS_NEED_KEY is on", async () => {
    const locked = await startTestServer({ apiKeyRequiredForReads: true });
    try {
      expect((await locked.call("/api/v1/articles")).status).toBe(401);
      expect((await locked.call("/api/v1/articles", { key: locked.keys.read })).status).toBe(200);
      expect((await locked.call("/api/v1/health")).status).toBe(200);
    } finally {
      await locked.stop();
    }
  });
});
