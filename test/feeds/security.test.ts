/**
 * Issue 4, must-show 2 (XML part): a billion-laughs feed and external-entity feeds (SYSTEM entities
 * pointing at a local file and at a URL, an external DTD, a parameter entity) parse without expansion and
 * without any outbound access — the loopback server that hosts the "remote" entities sees no request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { safeFetch } from "../../src/ingest/fetch/fetch.ts";
import { parseFeed } from "../../src/ingest/feeds/parse.ts";
import { startServer, type TestServer } from "../fetch/server.ts";

const MARKER = "SECRET-MARKER-7f3a9";
let server: TestServer;
let dir: string;
let secretFile: string;

function billionLaughs(levels: number, refs: number): string {
  const decls = [`<!ENTITY lol0 "lol">`];
  for (let i = 1; i <= levels; i++) decls.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  const top = `&lol${levels};`.repeat(refs);
  return `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${decls.join("\n")}\n]>\n<rss version="2.0"><channel><title>${top}</title><item><title>${top}</title><guid>g</guid><description>${top}</description></item></channel></rss>`;
}

function xxeFeed(origin: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "${origin}/external.dtd" [
  <!ENTITY file SYSTEM "file://${secretFile}">
  <!ENTITY remote SYSTEM "${origin}/leak?data=1">
  <!ENTITY % param SYSTEM "${origin}/param.dtd">
  %param;
]>
<rss version="2.0"><channel><title>&file;</title>
<item><title>file: &file;</title><guid>x</guid><description>remote: &remote;</description><link>${origin}/article</link></item>
</channel></rss>`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "iw-xxe-"));
  secretFile = join(dir, "secret.txt");
  writeFileSync(secretFile, MARKER);
  server = await startServer({
    "/laughs.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(billionLaughs(9, 200)),
    "/xxe.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(xxeFeed(server.origin)),
    "/leak": (_req, res) => res.writeHead(200).end(MARKER),
    "/external.dtd": (_req, res) => res.writeHead(200).end(`<!ENTITY file "${MARKER}">`),
    "/param.dtd": (_req, res) => res.writeHead(200).end(`<!ENTITY remote "${MARKER}">`),
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("XML entity attacks", () => {
  it("a billion-laughs feed (10^9 × 200 'lol's if expanded) parses quickly without expansion", async () => {
    const res = await safeFetch(`${server.origin}/laughs.xml`, { allowPrivate: true });
    const started = Date.now();
    const feed = parseFeed(res.body, { url: res.url, contentType: res.contentType });
    expect(Date.now() - started).toBeLessThan(1000);
    const out = JSON.stringify(feed);
    expect(out.length).toBeLessThan(res.body.length * 2);
    expect(out).not.toContain("lollol");
    expect(feed.items[0]!.title.startsWith("&lol9;&lol9;")).toBe(true);
    expect(feed.warnings).toContain("DTD and entity declarations ignored (never expanded)");
  });

  it("external entities (file, URL, external DTD, parameter entity) are never read or fetched", async () => {
    const res = await safeFetch(`${server.origin}/xxe.xml`, { allowPrivate: true });
    const feed = parseFeed(res.body, { url: res.url, contentType: res.contentType });
    const out = JSON.stringify(feed);
    expect(out).not.toContain(MARKER);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.title).toBe("file: &file;");
    expect(feed.items[0]!.summaryHtml).toBe("remote: &remote;");
    // only the feed itself was requested: no DTD, no entity URL
    expect(server.requests.filter((r) => r !== "/laughs.xml")).toEqual(["/xxe.xml"]);
  });
});
