/**
 * `impactwire feeds …` end to end against a loopback feed server and a real SQLite store in a temp DATA_DIR.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runFeeds } from "./feeds.ts";
import { startServer, type TestServer } from "../../../test/fetch/server.ts";

const WIRE = readFileSync(new URL("../../../test/feeds/ok/rss20-wire.xml", import.meta.url));
let server: TestServer;
let dataDir: string;
const saved = { ...process.env };

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((c) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((c) => ((err += String(c)), true));
  try {
    return { code: await runFeeds(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

beforeAll(async () => {
  server = await startServer({
    "/wire.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(WIRE),
    "/page.html": (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><html><body>hi</body></html>"),
  });
  dataDir = mkdtempSync(join(tmpdir(), "iw-feeds-cli-"));
  Object.assign(process.env, { DATA_DIR: dataDir, ALLOW_PRIVATE_NETWORKS: "true", PER_HOST_DELAY_MS: "0" });
});
afterAll(async () => {
  process.env = saved;
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("impactwire feeds", () => {
  it("inspect prints the items without storing anything", async () => {
    const r = await run(["inspect", `${server.origin}/wire.xml`]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Harbour Street Wire — Markets");
    expect(r.out).toContain("format   rss 2.0");
    expect(r.out).toContain("• Regulator opens probe into Castlerock Bank lending practices");
    const json = JSON.parse((await run(["inspect", `${server.origin}/wire.xml`, "--json"])).out);
    expect(json.items).toHaveLength(3);
    expect((await run(["list"])).out).toBe("");
  });

  it("inspect refuses private addresses with the guard on, and non-feeds clearly", async () => {
    process.env.ALLOW_PRIVATE_NETWORKS = "false";
    await expect(runFeeds(["inspect", `${server.origin}/wire.xml`])).rejects.toMatchObject({ code: "FETCH_PRIVATE_ADDRESS", exitCode: 4 });
    process.env.ALLOW_PRIVATE_NETWORKS = "true";
    await expect(runFeeds(["inspect", `${server.origin}/page.html`])).rejects.toMatchObject({ code: "FEED_MALFORMED" });
  });

  it("add checks the feed, list shows health, poll ingests, remove deletes", async () => {
    const added = await run(["add", `${server.origin}/wire.xml`, "--interval", "120"]);
    expect(added.code).toBe(0);
    const id = added.out.split("\t")[0]!;
    expect(id).toMatch(/^src_/);
    await expect(runFeeds(["add", `${server.origin}/page.html`])).rejects.toMatchObject({ code: "FEED_MALFORMED" });
    expect((await run(["list"])).out).toContain(`${id}\trss\tnever polled`);
    const polled = await run(["poll"]);
    expect(polled.code).toBe(0);
    expect(polled.out).toContain("3 items, 3 new");
    const listed = JSON.parse((await run(["list", "--json"])).out);
    expect(listed[0]).toMatchObject({ id, itemsSeen: 3, errorCount: 0, intervalSec: 120 });
    expect((await run(["poll"])).err).toContain("no feed is due");
    expect((await run(["remove", id])).code).toBe(0);
    expect(JSON.parse((await run(["list", "--json"])).out)).toEqual([]);
  });

  it("usage errors exit 2", async () => {
    await expect(runFeeds(["frobnicate"])).rejects.toMatchObject({ exitCode: 2 });
    await expect(runFeeds(["add"])).rejects.toMatchObject({ exitCode: 2 });
    await expect(runFeeds(["list", "--bogus"])).rejects.toMatchObject({ exitCode: 2 });
    expect((await run([])).code).toBe(2);
  });
});
