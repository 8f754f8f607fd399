/**
 * The poller against the real SQLite store and the real ingest pipeline, with feeds served on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../core/config.ts";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import { loadReference } from "../../reference/reference.ts";
import { openSqliteStore } from "../../store/sqlite/store.ts";
import type { Store } from "../../store/store.ts";
import { Pipeline } from "../pipeline/pipeline.ts";
import type { Ingestor } from "../ingestor.ts";
import { FeedPoller, startPoller, type PollerConfig } from "./poller.ts";
import { startServer, type TestServer } from "../../../test/fetch/server.ts";

const WIRE = readFileSync(new URL("../../../test/feeds/ok/rss20-wire.xml", import.meta.url), "utf8");

function rss(items: { guid: string; title: string }[]): string {
  const body = items.map((i) => `<item><title>${i.title}</title><guid isPermaLink="false">${i.guid}</guid><description>${i.title}. Shares of Acme Corp moved after the announcement on Friday.</description></item>`).join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title><link>https://t.example/</link>${body}</channel></rss>`;
}

let server: TestServer;
let dir: string;
let store: Store;
let pipeline: Pipeline;
const state = { etag: '"v1"', doc: WIRE, failStatus: 0, retryAfter: "", inFlight: 0, maxInFlight: 0, times: [] as number[] };
const extra: { guid: string; title: string }[] = [];

beforeAll(async () => {
  server = await startServer({
    "/wire.xml": (req, res) => {
      state.times.push(Date.now());
      if (state.failStatus) return void res.writeHead(state.failStatus, state.retryAfter ? { "retry-after": state.retryAfter } : {}).end("down");
      if (req.headers["if-none-match"] === state.etag) return void res.writeHead(304, { etag: state.etag }).end();
      res.writeHead(200, { "content-type": "application/rss+xml", etag: state.etag }).end(state.doc);
    },
    "/broken.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end("<rss><channel><title>cut"),
    "/many.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(extra)),
    "/slow.xml": (_req, res) => {
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      setTimeout(() => {
        state.inFlight--;
        res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([{ guid: "slow", title: "Slow feed item" }]));
      }, 150);
    },
  });
  for (let i = 0; i < 12; i++) extra.push({ guid: `m-${i}`, title: `Acme update number ${i} on the merger talks` });
});
afterAll(() => server.close());

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "iw-poll-"));
  store = openSqliteStore(join(dir, "db.sqlite"));
  await store.migrate();
  pipeline = new Pipeline({ store, reference: loadReference() });
  Object.assign(state, { etag: '"v1"', doc: WIRE, failStatus: 0, retryAfter: "", inFlight: 0, maxInFlight: 0, times: [] });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const config: PollerConfig = { ...loadConfig({}), allowPrivateNetworks: true, perHostDelayMs: 0, fetchTimeoutMs: 3000 };
const poller = (ingestor: Ingestor = pipeline, over: Partial<PollerConfig> = {}, hooks = {}) =>
  new FeedPoller({ store, ingestor, config: { ...config, ...over }, fetch: hooks });

describe("FeedPoller", () => {
  it("ingests a feed, stores etag and schedule, then uses a conditional GET", async () => {
    const s = await store.addSource({ url: `${server.origin}/wire.xml`, kind: "feed", intervalSec: 600 });
    const first = await poller().pollSource(s);
    expect(first).toMatchObject({ status: "ok", items: 3, created: 3, revised: 0 });
    expect(await store.countArticles()).toBe(3);
    const after = (await store.getSource(s.id))!;
    expect(after).toMatchObject({ etag: '"v1"', kind: "rss", title: "Harbour Street Wire — Markets", errorCount: 0, lastError: null, itemsSeen: 3 });
    expect(Date.parse(after.nextPollAt!) - Date.parse(after.lastPolledAt!)).toBe(600_000);

    const second = await poller().pollSource(after);
    expect(second.status).toBe("not-modified");
    expect(await store.countArticles()).toBe(3);

    state.etag = '"v2"'; // same items again under a new etag: nothing duplicated
    const third = await poller().pollSource((await store.getSource(s.id))!);
    expect(third).toMatchObject({ status: "ok", items: 3, created: 0 });
    expect(await store.countArticles()).toBe(3);
    const { items } = await store.listArticles({ source: s.id, limit: 10 });
    expect(items.map((a) => a.title).sort()).toEqual([
      "Copper hits two-year high as Chilean output slips",
      "Northwind Logistics raises full-year guidance after record quarter",
      "Regulator opens probe into Castlerock Bank lending practices",
    ]);
  });

  it("backs off exponentially on errors, honours Retry-After, and recovers", async () => {
    const s = await store.addSource({ url: `${server.origin}/wire.xml`, kind: "feed", intervalSec: 60 });
    state.failStatus = 500;
    await poller().pollSource(s);
    let now = (await store.getSource(s.id))!;
    expect(now).toMatchObject({ errorCount: 1, etag: null });
    expect(now.lastError).toMatch(/^FETCH_HTTP_STATUS: .*HTTP 500/);
    expect(Date.parse(now.nextPollAt!) - Date.parse(now.lastPolledAt!)).toBe(120_000);
    await poller().pollSource(now);
    now = (await store.getSource(s.id))!;
    expect(Date.parse(now.nextPollAt!) - Date.parse(now.lastPolledAt!)).toBe(240_000);
    state.failStatus = 503;
    state.retryAfter = "7200";
    await poller().pollSource(now);
    now = (await store.getSource(s.id))!;
    expect(now.errorCount).toBe(3);
    expect(Date.parse(now.nextPollAt!) - Date.parse(now.lastPolledAt!)).toBe(7_200_000);
    state.failStatus = 0;
    expect((await poller().pollSource(now)).status).toBe("ok");
    expect(await store.getSource(s.id)).toMatchObject({ errorCount: 0, lastError: null });
  });

  it("stores parse and guard errors on the source", async () => {
    const broken = await store.addSource({ url: `${server.origin}/broken.xml`, kind: "feed" });
    expect((await poller().pollSource(broken)).status).toBe("error");
    expect((await store.getSource(broken.id))!.lastError).toMatch(/^FEED_MALFORMED: feed: malformed feed: the document ends before <\/rss>/);
    const priv = await store.addSource({ url: "http://10.0.0.1/feed.xml", kind: "feed" });
    await poller(pipeline, { allowPrivateNetworks: false }).pollSource(priv);
    expect((await store.getSource(priv.id))!.lastError).toMatch(/^FETCH_PRIVATE_ADDRESS/);
  });

  it("a failure mid-feed advances nothing; the next poll completes without duplicates", async () => {
    const s = await store.addSource({ url: `${server.origin}/many.xml`, kind: "feed" });
    let calls = 0;
    const crashing: Ingestor = {
      onWritten: (l) => pipeline.onWritten(l),
      ingest: async (item) => {
        if (++calls > 5) throw new Error("disk full (simulated crash)");
        return pipeline.ingest(item);
      },
    };
    const r = await poller(crashing).pollSource(s);
    expect(r.status).toBe("error");
    expect(await store.countArticles()).toBe(5);
    const mid = (await store.getSource(s.id))!;
    expect(mid.itemsSeen).toBe(0);
    expect(mid.errorCount).toBe(1);
    const again = await poller().pollSource({ ...mid, nextPollAt: null });
    expect(again).toMatchObject({ status: "ok", created: 7 });
    expect(await store.countArticles()).toBe(12);
  });

  it("skips an item the pipeline rejects as bad input and keeps going", async () => {
    const s = await store.addSource({ url: `${server.origin}/many.xml`, kind: "feed" });
    const picky: Ingestor = {
      onWritten: (l) => pipeline.onWritten(l),
      ingest: async (item) => {
        if (item.externalId === "m-3") throw new ImpactwireError("enrich", "EMPTY_INPUT", "no words", { exitCode: EXIT.input });
        return pipeline.ingest(item);
      },
    };
    expect(await poller(picky).pollSource(s)).toMatchObject({ status: "ok", created: 11, skipped: 1 });
  });

  it("keeps a least delay between two requests to one host", async () => {
    const a = await store.addSource({ url: `${server.origin}/wire.xml`, kind: "feed" });
    const b = await store.addSource({ url: `${server.origin}/wire.xml?b`, kind: "feed" });
    const results = await poller(pipeline, { perHostDelayMs: 300 }).pollDue();
    expect(results.map((r) => r.sourceId).sort()).toEqual([a.id, b.id].sort());
    expect(state.times).toHaveLength(2);
    // the gate spaces request starts by 300 ms; the server sees them with some connect jitter
    expect(state.times[1]! - state.times[0]!).toBeGreaterThanOrEqual(250);
  });

  it("polls at most `concurrency` feeds at once, and only due ones", async () => {
    const hooks = { resolve: async () => [{ address: "127.0.0.1", family: 4 }], treatAsPublic: ["127.0.0.1"] };
    for (let i = 0; i < 6; i++) await store.addSource({ url: `http://host${i}.example:${server.port}/slow.xml`, kind: "feed" });
    await store.addSource({ url: `${server.origin}/wire.xml`, kind: "feed", nextPollAt: new Date(Date.now() + 3600_000).toISOString() });
    const p = new FeedPoller({ store, ingestor: pipeline, config: { ...config, allowPrivateNetworks: false }, fetch: hooks, concurrency: 2 });
    const results = await p.pollDue();
    expect(results).toHaveLength(6);
    expect(results.every((r) => r.status === "ok")).toBe(true);
    expect(state.maxInFlight).toBe(2);
    expect(state.times).toHaveLength(0); // the feed not yet due was left alone
  });

  it("startPoller runs in the background and stops cleanly", async () => {
    await store.addSource({ url: `${server.origin}/wire.xml`, kind: "feed" });
    const lines: string[] = [];
    const stop = startPoller({ config, store, ingestor: pipeline }, { tickMs: 50, log: (l) => lines.push(l) });
    for (let i = 0; i < 100 && (await store.countArticles()) < 3; i++) await new Promise((r) => setTimeout(r, 20));
    await stop();
    expect(await store.countArticles()).toBe(3);
    expect(lines.some((l) => l.includes("3 new"))).toBe(true);
  });
});
