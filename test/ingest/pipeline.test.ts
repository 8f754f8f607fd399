import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/store.ts";
import { loadReference } from "../../src/reference/reference.ts";
import { Pipeline } from "../../src/ingest/pipeline/pipeline.ts";
import { ENGINE_VERSION } from "../../src/core/version.ts";
import { EnrichmentSchema } from "../../src/contract/enrichment.ts";
import type { WriteResult } from "../../src/store/store.ts";
import { makeWrite } from "../store/helpers.ts";
import { usePipeline } from "./fixture.ts";

let store: SqliteStore;
let pipeline: Pipeline;
usePipeline((s, p) => ((store = s), (pipeline = p)));

const item = {
  title: "Amazon to invest $50 billion in OpenAI",
  text: "Amazon.com Inc said on Tuesday it would invest $50 billion in OpenAI over five years. Microsoft shares fell 2% on the news.",
  sourceId: "wire",
  externalId: "guid-1",
  url: "https://wire.example/amzn-openai?utm_medium=rss",
  publishedAt: "2026-03-03T14:00:00Z",
};

describe("Pipeline", () => {
  it("stores the enriched article and notifies listeners after the commit", async () => {
    const seen: { status: string; visible: boolean }[] = [];
    pipeline.onWritten((r) => {
      const row = store.db.prepare("SELECT count(*) AS n FROM articles WHERE id = ?").get(r.article.id) as { n: number };
      seen.push({ status: r.status, visible: row.n === 1 });
    });
    const r = await pipeline.ingest(item);
    expect(r.status).toBe("created");
    expect(seen).toEqual([{ status: "created", visible: true }]);
    expect(r.article.canonicalUrl).toBe("https://wire.example/amzn-openai");
    expect(EnrichmentSchema.parse(r.article.enrichment).engine.version).toBe(ENGINE_VERSION);
    const found = await store.listArticles({ q: "OpenAI invest" });
    expect(found.items.map((a) => a.id)).toEqual([r.article.id]);
    expect((await pipeline.ingest(item)).status).toBe("unchanged");
    expect(seen.length).toBe(1);
  });

  it("records an edit as a new revision and tells listeners", async () => {
    const got: WriteResult[] = [];
    pipeline.onWritten((r) => got.push(r));
    const a = await pipeline.ingest(item);
    const b = await pipeline.ingest({ ...item, text: `${item.text} The deal is subject to regulatory approval.`, seenAt: "2026-03-03T16:00:00Z" });
    expect(b.status).toBe("revised");
    expect(b.article.id).toBe(a.article.id);
    expect(b.article.revision).toBe(2);
    expect(b.article.storyId).toBe(a.article.storyId);
    expect(got.map((r) => r.status)).toEqual(["created", "revised"]);
    expect((await store.listRevisions(a.article.id)).length).toBe(2);
  });

  it("namespaces item ids by source when there is no source id", async () => {
    const a = await pipeline.ingest({ id: "1", source: "Wire", title: "Acme wins order", text: "Acme won a large order." });
    const b = await pipeline.ingest({ id: "1", source: "Blog", title: "Beta loses case", text: "Beta lost a court case." });
    const c = await pipeline.ingest({ id: "1", source: "Wire", title: "Acme wins order", text: "Acme won a large order from a utility." });
    expect([a.status, b.status, c.status]).toEqual(["created", "created", "revised"]);
    expect(c.article.id).toBe(a.article.id);
    expect(b.article.id).not.toBe(a.article.id);
  });

  it("rejects bad input with a clear error and stores nothing", async () => {
    await expect(pipeline.ingest({ title: "", text: "   " })).rejects.toMatchObject({ code: "EMPTY_INPUT" });
    await expect(pipeline.ingest({ title: "x", text: "\u0000\u0001binary" })).rejects.toMatchObject({ code: "BINARY_INPUT" });
    expect(await store.countArticles()).toBe(0);
  });

  it("is not failed by a failing listener", async () => {
    const errors: unknown[] = [];
    const p = new Pipeline({ store, reference: loadReference(), onListenerError: (e) => errors.push(e) });
    p.onWritten(() => {
      throw new Error("boom");
    });
    expect((await p.ingest(item)).status).toBe("created");
    expect(errors.length).toBe(1);
  });

  it("re-enriches articles made by another engine version", async () => {
    const old = await store.writeArticle(makeWrite({ title: item.title, text: item.text, externalId: "old-1", engineVersion: "0.0.0-old" }));
    const { reenriched } = await pipeline.reenrichStale();
    expect(reenriched).toBe(1);
    const now = await store.getArticle(old.article.id);
    expect(now?.enrichment?.engine.version).toBe(ENGINE_VERSION);
    expect(now!.seq).toBeGreaterThan(old.article.seq);
    expect((await pipeline.reenrichStale()).reenriched).toBe(0);
  });

  it("re-enriches in batches of one transaction each when it is the only writer", async () => {
    for (let i = 0; i < 5; i++) await store.writeArticle(makeWrite({ title: `Old ${i}`, text: `${item.text} (${i})`, externalId: `old-${i}`, engineVersion: "0.0.0-old" }));
    const heard: boolean[] = [];
    pipeline.onWritten(() => heard.push(store.db.inTransaction));
    const progress: number[] = [];
    expect(await pipeline.reenrichStale({ batch: 2, oneTransactionPerBatch: true, onProgress: (n) => progress.push(n) })).toEqual({ reenriched: 5, failed: 0 });
    expect(progress).toEqual([2, 4, 5]);
    expect(heard).toEqual([false, false, false, false, false]);
    expect(await store.listStale(ENGINE_VERSION, 10)).toEqual([]);
  });
});
