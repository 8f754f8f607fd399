/**
 * The SSE stream through real HTTP: latency from POST to event, filters, heartbeats, and
 * Last-Event-ID resume without gaps or duplicates.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { numbered } from "./fixtures.ts";
import { sleep, startTestServer, type TestServer } from "./harness.ts";
import { SseClient } from "./sse.ts";
import { openStore } from "../../src/store/open.ts";
import { Pipeline } from "../../src/ingest/pipeline/pipeline.ts";
import { loadReference } from "../../src/reference/reference.ts";

let srv: TestServer;
const clients: SseClient[] = [];
const open = async (qs = "", headers: Record<string, string> = {}) => {
  const c = await SseClient.open(`${srv.base}/api/v1/stream${qs}`, headers);
  clients.push(c);
  return c;
};
const post = async (article: object) => (await srv.call("/api/v1/articles", { method: "POST", key: srv.keys.write, json: article })).body.items[0];

beforeAll(async () => {
  srv = await startTestServer({ streamHeartbeatMs: 100 });
  await post(numbered(0, "2026-11-01T00:00:00Z", "warmup"));
});
afterAll(async () => {
  for (const c of clients) c.close();
  await srv?.stop();
});

describe("GET /api/v1/stream", () => {
  it("delivers a POSTed article to a connected client within 250 ms", async () => {
    const c = await open();
    expect(c.status).toBe(200);
    expect(c.headers["content-type"]).toMatch(/text\/event-stream/);
    const latencies: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const article = numbered(i, "2026-11-02T00:00:00Z", "latency");
      const t0 = performance.now();
      const written = await post(article);
      const ev = await c.next((e) => e.id === String(written.seq), 2_000);
      latencies.push(ev.at - t0);
      expect(ev.event).toBe("article");
      expect(JSON.parse(ev.data)).toMatchObject({ id: written.id, seq: written.seq, title: article.title });
    }
    console.log(`POST→SSE latency ms: ${latencies.map((l) => l.toFixed(1)).join(", ")}`);
    for (const l of latencies) expect(l).toBeLessThan(250);
  });

  it("applies the list filters to live events", async () => {
    const c = await open("?source=Filter%20Wire");
    await post({ ...numbered(1, "2026-11-03T00:00:00Z", "nofilter"), source: "Elsewhere" });
    const wanted = await post({ ...numbered(2, "2026-11-03T00:00:00Z", "filter"), source: "Filter Wire" });
    const ev = await c.next(() => true);
    expect(ev.id).toBe(String(wanted.seq));
    expect(c.events).toHaveLength(1);
  });

  it("sends comment heartbeats", async () => {
    const c = await open();
    await sleep(350);
    expect(c.comments).toBeGreaterThanOrEqual(3);
  });

  it("resumes with Last-Event-ID: replays what was missed in order, then goes live, without duplicates", async () => {
    const a = await open("?source=Resume%20Wire");
    const first = await post({ ...numbered(1, "2026-11-04T00:00:00Z", "resume"), source: "Resume Wire" });
    await a.next((e) => e.id === String(first.seq));
    a.close();
    const missed: { seq: number }[] = [];
    for (let i = 2; i <= 4; i++) missed.push(await post({ ...numbered(i, "2026-11-04T00:00:00Z", "resume"), source: "Resume Wire" }));
    await post({ ...numbered(9, "2026-11-04T00:00:00Z", "resume-other"), source: "Elsewhere" });

    const b = await open("?source=Resume%20Wire", { "last-event-id": String(first.seq) });
    for (const m of missed) await b.next((e) => e.id === String(m.seq));
    const live = await post({ ...numbered(5, "2026-11-04T00:00:00Z", "resume"), source: "Resume Wire" });
    await b.next((e) => e.id === String(live.seq));
    await sleep(50);
    expect(b.events.map((e) => Number(e.id))).toEqual([...missed.map((m) => m.seq), live.seq]);

    const viaQuery = await open(`?source=Resume%20Wire&lastEventId=${missed[1]!.seq}`);
    await viaQuery.next((e) => e.id === String(live.seq));
    expect(viaQuery.events.map((e) => Number(e.id))).toEqual([missed[2]!.seq, live.seq]);
  });

  it("keeps the seam gap-free when articles are written during the replay", async () => {
    const base = await post({ ...numbered(1, "2026-11-05T00:00:00Z", "seam"), source: "Seam Wire" });
    for (let i = 2; i <= 30; i++) await post({ ...numbered(i, "2026-11-05T00:00:00Z", "seam"), source: "Seam Wire" });
    const c = await open("?source=Seam%20Wire", { "last-event-id": String(base.seq) });
    const during: { seq: number }[] = [];
    for (let i = 31; i <= 40; i++) during.push(await post({ ...numbered(i, "2026-11-05T00:00:00Z", "seam"), source: "Seam Wire" }));
    await c.next((e) => e.id === String(during.at(-1)!.seq));
    const ids = c.events.map((e) => Number(e.id));
    expect(ids).toHaveLength(39);
    expect(new Set(ids).size).toBe(39);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
  });

  it("streams, in seq order and without gaps, articles written by another writer on the same database", async () => {
    // a second writer with its own connection and pipeline: what `impactwire import` or a worker process does
    const other = await openStore(srv.ctx.config);
    const foreign = new Pipeline({ store: other, reference: loadReference() });
    try {
      const c = await open("?source=Mixed%20Wire");
      const seqs: number[] = [];
      for (let i = 1; i <= 12; i++) {
        const article = { ...numbered(i, "2026-11-06T00:00:00Z", "mixed-writers"), source: "Mixed Wire" };
        if (i % 2) seqs.push((await post(article)).seq);
        else seqs.push((await foreign.ingest({ ...article, externalId: article.id })).article.seq);
      }
      await c.next((e) => e.id === String(Math.max(...seqs)), 3_000);
      await sleep(250);
      expect(c.events.map((e) => Number(e.id))).toEqual([...seqs].sort((x, y) => x - y));
    } finally {
      await other.close();
    }
  });

  it("refuses a bad filter or Last-Event-ID with a 400 problem", async () => {
    const bad = await srv.call("/api/v1/stream?minImpact=7");
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("INVALID_REQUEST");
    const badId = await srv.call("/api/v1/stream", { headers: { "last-event-id": "abc" } });
    expect(badId.status).toBe(400);
  });
});
