import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/store.ts";
import { loadReference } from "../../src/reference/reference.ts";
import { Pipeline } from "../../src/ingest/pipeline/pipeline.ts";
import { importFile, type ImportStats } from "../../src/ingest/import/import.ts";
import { EnrichPool } from "../../src/ingest/import/pool.ts";
import type { ImpactwireError } from "../../src/core/errors.ts";
import { corpusNdjson } from "./corpus.ts";
import { decodeDoc } from "../../src/store/sqlite/rows.ts";
import { usePipeline } from "./fixture.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iw-import-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let store: SqliteStore;
let pipeline: Pipeline;
usePipeline((s, p) => ((store = s), (pipeline = p)));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const good = (i: number): string => JSON.stringify({ id: `g${i}`, title: `Acme item ${i} wins order`, text: `Acme Corp won order number ${i} worth $${i + 1} million from a utility.` });

describe("importFile", () => {
  it("reports each bad line with its number and goes on", async () => {
    const file = write("mixed.ndjson", [good(1), "{not json", good(2), '["array"]', "", '{"id":"x","url":"https://e.example/a"}', '{"id":"y","title":"","text":" "}', `${good(3)}\r`].join("\n"));
    const bad: [number, string][] = [];
    const stats = await importFile({ file, store, ingestor: pipeline, onBadLine: (n: number, e: ImpactwireError) => bad.push([n, e.code]) });
    expect(bad).toEqual([[2, "BAD_LINE"], [4, "BAD_LINE"], [6, "BAD_LINE"], [7, "EMPTY_INPUT"]]);
    expect(stats).toMatchObject({ created: 3, bad: 4, acknowledged: 8, lines: 8 });
    expect(await store.countArticles()).toBe(3);
  });

  it("is idempotent and resumable: a second run skips, --restart changes nothing", async () => {
    const file = write("ok.ndjson", Array.from({ length: 30 }, (_, i) => good(i)).join("\n"));
    const first = await importFile({ file, store, ingestor: pipeline, batchLines: 7 });
    expect(first).toMatchObject({ created: 30, acknowledged: 30 });
    const again = await importFile({ file, store, ingestor: pipeline });
    expect(again).toMatchObject({ resumedFrom: 30, created: 0, unchanged: 0 });
    expect([first.bytes, again.bytes]).toEqual([first.totalBytes, first.totalBytes]); // a resumed run with nothing left reports 100%
    const restart = await importFile({ file, store, ingestor: pipeline, restart: true });
    expect(restart).toMatchObject({ resumedFrom: 0, created: 0, unchanged: 30 });
    expect(await store.countArticles()).toBe(30);
  });

  it("commits nothing of a failed batch and resumes after the last committed one", async () => {
    const file = write("fail.ndjson", Array.from({ length: 25 }, (_, i) => good(100 + i)).join("\n"));
    let calls = 0;
    const failing = {
      ingest: async (...args: Parameters<Pipeline["ingest"]>) => {
        if (++calls === 13) throw Object.assign(new Error("disk I/O error"), { name: "SqliteError", code: "SQLITE_IOERR" });
        return pipeline.ingest(...args);
      },
      batch: <T>(fn: () => Promise<T>) => pipeline.batch(fn),
    };
    await expect(importFile({ file, store, ingestor: failing, batchLines: 5 })).rejects.toMatchObject({ code: "STORE_FAILED" });
    expect(await store.countArticles()).toBe(10);
    const resumed = await importFile({ file, store, ingestor: pipeline, batchLines: 5 });
    expect(resumed).toMatchObject({ resumedFrom: 10, created: 15 });
    expect(await store.countArticles()).toBe(25);
  });
});

describe("a write that fails half-way inside a batch", () => {
  it("fails the whole batch (no partial rows) and stops the import", async () => {
    const file = write("halfway.ndjson", Array.from({ length: 20 }, (_, i) => good(200 + i)).join("\n"));
    let calls = 0;
    const breaking = {
      ingest: async (...args: Parameters<Pipeline["ingest"]>) => {
        if (++calls !== 13) return pipeline.ingest(...args);
        const r = await pipeline.ingest({ ...args[0], externalId: "probe" }, args[1]);
        const enrichment = { ...r.article.enrichment!, topics: null as unknown as [] };
        return store.writeArticle({ ...r.article, externalId: "broken", sourceId: null, contentHash: "f".repeat(16), simhash: "0".repeat(16), seenAt: r.article.firstSeenAt, enrichment });
      },
      batch: <T>(fn: () => Promise<T>) => pipeline.batch(fn),
    };
    await expect(importFile({ file, store, ingestor: breaking, batchLines: 5 })).rejects.toMatchObject({ code: "STORE_FAILED" });
    const n = (sql: string) => store.db.prepare(sql).pluck().get() as number;
    expect(n("SELECT count(*) FROM articles")).toBe(10);
    expect(n("SELECT count(*) FROM revisions")).toBe(10);
    expect(n("SELECT count(*) FROM enrichments")).toBe(10);
    expect(await store.countArticles()).toBe(10);
  });
});

describe("parallel import", () => {
  it("stores the same articles in the same stories as the sequential path", async () => {
    const lines = corpusNdjson(300, 3).trim().split("\n").map((l) => JSON.stringify({ ...JSON.parse(l), seenAt: "2026-01-01T00:00:00Z" }));
    const repost = { ...JSON.parse(lines[299]!), id: "repost-of-299" };
    const file = write("corpus.ndjson", [...lines, '{"broken', lines[0], JSON.stringify(repost)].join("\n"));
    const seq = await importFile({ file, store, ingestor: pipeline, batchLines: 40 });
    const other = openSqliteStore(":memory:");
    const pool = new EnrichPool(2);
    try {
      const p2 = new Pipeline({ store: other, reference: loadReference() });
      const heard: boolean[] = [];
      p2.onWritten((r) => heard.push(!other.db.inTransaction && other.db.prepare("SELECT 1 FROM articles WHERE id = ?").get(r.article.id) !== undefined));
      const bad: number[] = [];
      const par: ImportStats = await importFile({ file, store: other, ingestor: p2, batchLines: 40, parallel: { pool, pipeline: p2, store: other }, onBadLine: (n) => bad.push(n) });
      expect(bad).toEqual([301]);
      for (const k of ["created", "duplicate", "unchanged", "bad", "acknowledged"] as const) expect(par[k]).toBe(seq[k]);
      expect([par.duplicate, par.unchanged]).toEqual([1, 1]);
      const again = await importFile({ file, store: other, ingestor: p2, parallel: { pool, pipeline: p2, store: other } });
      expect(again).toMatchObject({ resumedFrom: par.acknowledged, created: 0, bytes: par.totalBytes });
      expect(heard.length).toBe(par.created);
      expect(heard.every(Boolean)).toBe(true);
      const dump = (s: SqliteStore) => s.db.prepare("SELECT a.id, a.story_id, a.content_hash, a.impact FROM articles a ORDER BY a.id").all();
      expect(dump(other)).toEqual(dump(store));
      const docs = (s: SqliteStore) =>
        (s.db.prepare("SELECT a.id, e.doc FROM articles a JOIN enrichments e ON e.seq = a.seq ORDER BY a.id").all() as { id: string; doc: Buffer }[]).map((r) => ({ id: r.id, doc: JSON.stringify(decodeDoc(r.doc)) }));
      const [a, b] = [docs(other), docs(store)] as { id: string; doc: string }[][];
      const diff = a!.findIndex((x, i) => x.doc !== b![i]!.doc);
      if (diff >= 0) console.log(a![diff]!.doc, "\n---\n", b![diff]!.doc);
      expect(a).toEqual(b);
    } finally {
      await pool.close();
      await other.close();
    }
  });
});
