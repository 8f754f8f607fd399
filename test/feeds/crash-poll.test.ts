/**
 * Issue 4, must-show 3 (poll part): `kill -9` during a poll, then restart — no acknowledged (committed)
 * article is lost, none is duplicated, and the second run completes the feed. The poll runs in a child
 * process (`feeds poll --all`) against a loopback feed of 200 items and a real SQLite store.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../../src/store/sqlite/store.ts";
import { SQLITE_FILE } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { startServer, type TestServer } from "../fetch/server.ts";

const N = 200;
const COMPANIES = ["Northwind", "Castlerock", "Brightwater", "Pinecrest", "Harbor", "Quarry", "Ashgrove", "Echo"];
const VERBS = ["raises guidance", "cuts jobs", "wins contract", "misses estimates", "names new CFO", "buys rival", "faces probe", "issues bonds"];

function bigFeed(): string {
  const items = Array.from({ length: N }, (_, i) => {
    const title = `${COMPANIES[i % 8]} ${VERBS[Math.floor(i / 8) % 8]} in update ${i}`;
    const body = `<p>${title}. Item ${i} of the crash test: revenue of $${100 + i} million, ${i % 13} analysts commented, region ${i % 7}.</p>`;
    return `<item><title>${title}</title><guid isPermaLink="false">crash-${i}</guid><pubDate>${new Date(Date.UTC(2026, 10, 1) + i * 60_000).toUTCString()}</pubDate><description><![CDATA[${body}]]></description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Crash wire</title><link>https://crash.example/</link>${items.join("")}</channel></rss>`;
}

let server: TestServer;
let dataDir: string;
let sourceId: string;
const FEED = bigFeed();

function child(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "poll-child.ts")], {
    env: { ...process.env, DATA_DIR: dataDir, ALLOW_PRIVATE_NETWORKS: "true", PER_HOST_DELAY_MS: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const exited = (p: ChildProcess) => new Promise<number | null>((resolve) => p.once("exit", (code) => resolve(code)));

beforeAll(async () => {
  server = await startServer({ "/crash.xml": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(FEED) });
  dataDir = mkdtempSync(join(tmpdir(), "iw-crash-poll-"));
  const store = openSqliteStore(join(dataDir, SQLITE_FILE));
  await store.migrate();
  sourceId = (await store.addSource({ url: `${server.origin}/crash.xml`, kind: "rss" })).id;
  await store.close();
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function allTitles(store: Store): Promise<{ id: string; title: string; revision: number }[]> {
  const out: { id: string; title: string; revision: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listArticles({ limit: 200, ...(cursor ? { cursor } : {}) });
    out.push(...page.items.map((a) => ({ id: a.id, title: a.title, revision: a.revision })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe("kill -9 during a poll", () => {
  it("loses nothing committed, duplicates nothing, and the restart completes the feed", async () => {
    const reader = openSqliteStore(join(dataDir, SQLITE_FILE));
    try {
      const first = child();
      const firstExit = exited(first);
      let count = 0;
      for (let i = 0; i < 600 && count < 50; i++) {
        await new Promise((r) => setTimeout(r, 25));
        count = await reader.countArticles();
      }
      expect(count).toBeGreaterThanOrEqual(50);
      first.kill("SIGKILL");
      expect(await firstExit).toBeNull();

      const before = await allTitles(reader);
      expect(before.length).toBeGreaterThanOrEqual(50);
      expect(before.length).toBeLessThan(N); // really killed mid-feed
      const mid = (await reader.getSource(sourceId))!;
      expect(mid).toMatchObject({ lastPolledAt: null, etag: null, itemsSeen: 0 }); // state not advanced

      const second = child();
      let stderr = "";
      second.stderr!.on("data", (d) => (stderr += String(d)));
      expect(await exited(second), stderr).toBe(0);

      const after = await allTitles(reader);
      expect(after).toHaveLength(N);
      expect(new Set(after.map((a) => a.title)).size).toBe(N);
      const afterIds = new Map(after.map((a) => [a.id, a]));
      for (const a of before) expect(afterIds.get(a.id)).toMatchObject({ title: a.title, revision: 1 });
      const done = (await reader.getSource(sourceId))!;
      expect(done.itemsSeen).toBe(N - before.length);
      expect(done.errorCount).toBe(0);
      process.stdout.write(`crash-poll: killed after ${before.length}/${N} committed; restart added ${N - before.length}; total ${after.length}\n`);
    } finally {
      await reader.close();
    }
  }, 60_000);
});
