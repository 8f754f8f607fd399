/**
 * FETCH_FULL_TEXT: teasers are completed from the linked page, once; a broken page keeps the teaser.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../core/config.ts";
import { loadReference } from "../../reference/reference.ts";
import { openSqliteStore } from "../../store/sqlite/store.ts";
import { Pipeline } from "../pipeline/pipeline.ts";
import { FeedPoller } from "./poller.ts";
import { startServer, type TestServer } from "../../../test/fetch/server.ts";

const PARAGRAPHS = [
  "Northwind Logistics said on Saturday that parcel volumes rose 18% in the third quarter, the fastest growth in its history, as online retailers shifted more deliveries to regional carriers.",
  "The company raised its full-year revenue forecast to $4.2 billion from $3.9 billion and said it would add 1,200 drivers before the holiday season.",
  "Chief executive Dana Whitfield said the new Midwest hub, opened in August, had cut average delivery times by half a day and lowered fuel costs per parcel.",
  "Analysts at two brokerages raised their price targets after the announcement; the shares rose 6% in early trading.",
];
const PAGE = `<!doctype html><html><head><title>Northwind raises outlook | Harbour Street Wire</title></head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article><h1>Northwind raises outlook</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article>
<footer>© Harbour Street Wire. All rights reserved.</footer></body></html>`;

let server: TestServer;
let etag = '"1"';
beforeAll(async () => {
  server = await startServer({
    "/teasers.xml": (_req, res) => {
      const item = (guid: string, path: string) =>
        `<item><title>Northwind raises outlook ${guid}</title><link>${server.origin}${path}</link><guid isPermaLink="false">${guid}</guid><description>Northwind lifted its forecast.</description></item>`;
      res.writeHead(200, { "content-type": "application/rss+xml", etag }).end(`<rss version="2.0"><channel><title>Teasers</title>${item("t1", "/article/1")}${item("t2", "/missing")}</channel></rss>`);
    },
    "/article/1": (_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE),
  });
});
afterAll(() => server.close());

describe("full-text fetch", () => {
  it("completes a teaser from its page once, and keeps the teaser when the page fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iw-fulltext-"));
    const store = openSqliteStore(join(dir, "db.sqlite"));
    try {
      const pipeline = new Pipeline({ store, reference: loadReference() });
      const logs: string[] = [];
      const config = { ...loadConfig({}), allowPrivateNetworks: true, perHostDelayMs: 0, fetchFullText: true };
      const poller = new FeedPoller({ store, ingestor: pipeline, config, log: (l) => logs.push(l) });
      const source = await store.addSource({ url: `${server.origin}/teasers.xml`, kind: "rss" });
      expect(await poller.pollSource(source)).toMatchObject({ status: "ok", created: 2 });
      const { items } = await store.listArticles({ limit: 10 });
      const full = items.find((a) => a.title.endsWith("t1"))!;
      const teaser = items.find((a) => a.title.endsWith("t2"))!;
      expect(full.text).toContain("parcel volumes rose 18% in the third quarter");
      expect(full.text).toContain("price targets");
      expect(full.text).not.toContain("All rights reserved");
      expect(teaser.text).toContain("Northwind lifted its forecast.");
      expect(logs.some((l) => l.includes("/missing") && l.includes("teaser kept"))).toBe(true);

      etag = '"2"'; // the feed changed: stored teasers are not fetched again nor overwritten
      const pagesBefore = server.requests.filter((r) => r === "/article/1").length;
      await poller.pollSource((await store.getSource(source.id))!);
      expect(server.requests.filter((r) => r === "/article/1").length).toBe(pagesBefore);
      expect((await store.getArticle(full.id))!).toMatchObject({ revision: 1 });
      expect((await store.getArticle(full.id))!.text).toContain("parcel volumes");
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
