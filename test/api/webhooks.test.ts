/**
 * Alert webhooks against receivers the test starts on 127.0.0.1: signature, retry after a 500,
 * a hanging receiver cut off by the deadline without blocking another alert or ingestion, the
 * private-network guard, CRUD and the delivery log.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "../../src/serve/alerts/sign.ts";
import { openStore } from "../../src/store/open.ts";
import { Pipeline } from "../../src/ingest/pipeline/pipeline.ts";
import { loadReference } from "../../src/reference/reference.ts";
import { WebhookPayloadSchema } from "../../src/serve/api/schemas.ts";
import { ARTICLES, numbered } from "./fixtures.ts";
import { sleep, startTestServer, type TestServer } from "./harness.ts";

interface Hit {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  answered: number | null;
}

let srv: TestServer;
let receiver: http.Server;
let receiverBase = "";
const hits: Hit[] = [];
const plans = new Map<string, (number | "hang")[]>();

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const path = req.url ?? "/";
      const plan = plans.get(path) ?? [200];
      const next = plan.length > 1 ? plan.shift()! : plan[0]!;
      const hit: Hit = { path, headers: req.headers, body, answered: null };
      hits.push(hit);
      if (next === "hang") return;
      hit.answered = next;
      res.writeHead(next, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  srv = await startTestServer({ webhookTimeoutMs: 600, webhookRetryBaseMs: 100, webhookRetryMaxMs: 300 });
});
afterAll(async () => {
  await srv?.stop();
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
});

const hitsOn = (path: string) => hits.filter((h) => h.path === path);
async function waitFor<T>(fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 5_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error("timed out");
    await sleep(20);
  }
}
async function createAlert(path: string, extra: object = {}) {
  const res = await srv.call("/api/v1/alerts", { method: "POST", key: srv.keys.admin, json: { name: `to ${path}`, webhookUrl: `${receiverBase}${path}`, ...extra } });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}
const disable = (id: string) => srv.call(`/api/v1/alerts/${id}`, { method: "PATCH", key: srv.keys.admin, json: { enabled: false } });
const deliveries = async (id: string) => (await srv.call(`/api/v1/alerts/${id}/deliveries`, { key: srv.keys.admin })).body.items;
const post = async (article: object) => {
  const res = await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: article });
  if (res.status !== 200) throw new Error(`POST /api/v1/articles: ${res.status} ${res.text}`);
  return res.body.items[0];
};

describe("alert webhooks", () => {
  it("POSTs a signed body that the receiver can verify, and logs the delivery", async () => {
    const alert = await createAlert("/signed");
    const written = await post(numbered(1, "2026-11-10T00:00:00Z", "signed"));
    const hit = await waitFor(() => hitsOn("/signed")[0]);
    const sig = String(hit.headers["x-impactwire-signature"]);
    expect(sig).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(hit.headers["x-impactwire-timestamp"]).toBe(sig.slice(2, sig.indexOf(",")));
    expect(verifyWebhook(alert.secret, sig, hit.body)).toBe(true);
    expect(verifyWebhook(alert.secret, sig, hit.body.replace("signed", "tampered"))).toBe(false);
    expect(JSON.parse(hit.body)).toMatchObject({ type: "alert.matched", alert: { id: alert.id }, article: { id: written.id } });
    expect(WebhookPayloadSchema.safeParse(JSON.parse(hit.body)).success).toBe(true);
    expect(JSON.parse(hit.body).deliveryId).toBe(hit.headers["x-impactwire-delivery"]);
    const log = await waitFor(async () => (await deliveries(alert.id)).find((d: { status: string }) => d.status === "delivered"));
    expect(log).toMatchObject({ articleId: written.id, attempts: 1, lastStatus: 200 });
    await disable(alert.id);
  });

  it("retries a 500 and ends with exactly one successful delivery", async () => {
    plans.set("/flaky", [500, 200]);
    const alert = await createAlert("/flaky");
    await post(numbered(1, "2026-11-10T00:00:00Z", "flaky"));
    const done = await waitFor(async () => (await deliveries(alert.id)).find((d: { status: string }) => d.status === "delivered"));
    expect(done).toMatchObject({ attempts: 2, lastStatus: 200, lastError: null });
    await disable(alert.id);
    await sleep(500);
    expect(hitsOn("/flaky").map((h) => h.answered)).toEqual([500, 200]);
    expect(await deliveries(alert.id)).toHaveLength(1);
  });

  it("cuts a hanging receiver off at the deadline without delaying ingestion or another alert", async () => {
    plans.set("/hang", ["hang"]);
    const hang = await createAlert("/hang");
    const fast = await createAlert("/fast");
    const t0 = performance.now();
    await post(numbered(1, "2026-11-10T00:00:00Z", "hang"));
    const postMs = performance.now() - t0;
    await waitFor(() => hitsOn("/fast")[0]);
    const fastMs = performance.now() - t0;
    expect(postMs).toBeLessThan(500);
    expect(fastMs).toBeLessThan(500);
    const failed = await waitFor(async () => (await deliveries(hang.id)).find((d: { attempts: number }) => d.attempts >= 1), 3_000);
    const cutMs = performance.now() - t0;
    expect(failed.status).toMatch(/pending|failed/);
    expect(failed.lastStatus).toBeNull();
    expect(failed.lastError).toMatch(/^FETCH_TIMEOUT: /);
    expect(cutMs).toBeGreaterThanOrEqual(550);
    expect(cutMs).toBeLessThan(2_000);
    await disable(hang.id);
    await disable(fast.id);
  });

  it("matches rules by ticker, impact and sentiment", async () => {
    const apple = await createAlert("/apple", { tickers: ["AAPL"] });
    const never = await createAlert("/never", { minImpact: 1, tickers: ["ZZZZQ"] });
    const negative = await createAlert("/negative", { sentiment: "negative", tickers: ["AAPL"] });
    await post(ARTICLES.tesla);
    const a = await post(ARTICLES.apple);
    const hit = await waitFor(() => hitsOn("/apple")[0]);
    expect(JSON.parse(hit.body).article.id).toBe(a.id);
    await sleep(300);
    expect(hitsOn("/apple")).toHaveLength(1);
    expect(hitsOn("/never")).toHaveLength(0);
    expect(await deliveries(never.id)).toHaveLength(0);
    const appleLabel = JSON.parse(hit.body).article.sentiment.label;
    expect(hitsOn("/negative")).toHaveLength(appleLabel === "negative" ? 1 : 0);
    for (const id of [apple.id, never.id, negative.id]) await disable(id);
  });

  it("alerts on new articles written by another writer on the same database (import, workers)", async () => {
    const alert = await createAlert("/foreign");
    const other = await openStore(srv.ctx.config);
    try {
      const r = await new Pipeline({ store: other, reference: loadReference() }).ingest({ ...numbered(1, "2026-11-10T00:00:00Z", "foreign"), externalId: "foreign-1" });
      const hit = await waitFor(() => hitsOn("/foreign")[0], 3_000);
      expect(JSON.parse(hit.body).article.id).toBe(r.article.id);
    } finally {
      await other.close();
      await disable(alert.id);
    }
  });

  it("supports CRUD without leaking the secret", async () => {
    const alert = await createAlert("/crud", { tickers: ["aapl"], minImpact: 0.4, sentiment: "negative" });
    const got = await srv.call(`/api/v1/alerts/${alert.id}`, { key: srv.keys.admin });
    expect(got.body).toMatchObject({ tickers: ["AAPL"], minImpact: 0.4, sentiment: "negative", enabled: true });
    expect(got.body.secret).toBeUndefined();
    const patched = await srv.call(`/api/v1/alerts/${alert.id}`, { method: "PATCH", key: srv.keys.admin, json: { minImpact: 0.6 } });
    expect(patched.body.minImpact).toBe(0.6);
    const list = await srv.call("/api/v1/alerts", { key: srv.keys.admin });
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(alert.id);
    expect(JSON.stringify(list.body)).not.toContain(alert.secret);
    expect((await srv.call(`/api/v1/alerts/${alert.id}`, { method: "DELETE", key: srv.keys.admin })).status).toBe(204);
    expect((await srv.call(`/api/v1/alerts/${alert.id}`, { key: srv.keys.admin })).status).toBe(404);
    expect((await srv.call(`/api/v1/alerts/${alert.id}/deliveries`, { key: srv.keys.admin })).status).toBe(404);
    const invalid = await srv.call("/api/v1/alerts", { method: "POST", key: srv.keys.admin, json: { name: "x", webhookUrl: "notaurl" } });
    expect(invalid.status).toBe(400);
  });
});

describe("private-network guard", () => {
  it("refuses webhook URLs to private, loopback and link-local addresses when the guard is on", async () => {
    const guarded = await startTestServer({ allowPrivateNetworks: false });
    try {
      for (const url of [`${receiverBase}/x`, "http://10.0.0.5/hook", "http://192.168.1.1/hook", "http://169.254.169.254/latest", "http://[::1]:8080/hook"]) {
        const res = await guarded.call("/api/v1/alerts", { method: "POST", key: guarded.keys.admin, json: { name: "p", webhookUrl: url } });
        expect(res.status, url).toBe(400);
        expect(res.body.code).toBe("URL_PRIVATE_ADDRESS");
      }
      const ok = await guarded.call("/api/v1/alerts", { method: "POST", key: guarded.keys.admin, json: { name: "p", webhookUrl: "https://hooks.example.com/x" } });
      expect(ok.status).toBe(201);
    } finally {
      await guarded.stop();
    }
  });
});

describe("circuit breaker", () => {
  it("stops calling an endpoint after repeated failures instead of spending attempts", async () => {
    plans.set("/down", [500]);
    const tight = await startTestServer({ webhookBreakerThreshold: 2, webhookBreakerCooldownMs: 60_000, webhookRetryBaseMs: 50, webhookRetryMaxMs: 50, webhookMaxAttempts: 10 });
    try {
      const alert = (await tight.call("/api/v1/alerts", { method: "POST", key: tight.keys.admin, json: { name: "down", webhookUrl: `${receiverBase}/down` } })).body;
      await tight.call("/api/v1/articles", { method: "POST", key: tight.keys.write, json: numbered(1, "2026-11-10T00:00:00Z", "breaker") });
      await waitFor(() => (hitsOn("/down").length >= 2 ? true : undefined));
      await sleep(500);
      expect(hitsOn("/down")).toHaveLength(2);
      const [d] = (await tight.call(`/api/v1/alerts/${alert.id}/deliveries`, { key: tight.keys.admin })).body.items;
      expect(d).toMatchObject({ status: "pending", attempts: 2, lastStatus: 500 });
      expect(d.lastError).toMatch(/circuit open/);
      expect(Date.parse(d.nextAttemptAt) - Date.now()).toBeGreaterThan(50_000);
    } finally {
      await tight.stop();
    }
  });
});
