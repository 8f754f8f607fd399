/**
 * The in-flight set of a parallel import, under controlled timing: an article placed in its story
 * while an earlier one of the same story is still being enriched counts it once (from the in-flight
 * set), and one placed just after the earlier one became visible in the store counts it once (from
 * the store) — never twice, never not at all. An in-process pool decides when each line is
 * prepared and enriched; a store wrapper reports when a write is visible and acknowledges it a macrotask later.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../store/sqlite/store.ts";
import type { Store } from "../../store/store.ts";
import { loadReference } from "../../reference/reference.ts";
import { enrichDoc } from "../../enrich/enrich.ts";
import type { Doc } from "../../enrich/normalize/normalize.ts";
import type { Story } from "../../contract/enrichment.ts";
import { Pipeline, prepareItem } from "../pipeline/pipeline.ts";
import type { IngestItem } from "../ingestor.ts";
import { importFile } from "./import.ts";
import type { DocRef, Enricher, RemotePrepared } from "./pool.ts";

const reference = loadReference();
const FIXTURES = path.join(import.meta.dirname, "../../../test/ingest/dedupe");
const SAME = ["same-story-wire", "same-story-business", "same-story-blog"];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iw-inflight-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Three re-wordings of one story from three sources, one NDJSON line each (line k = SAME[k-1]). */
function storyFile(): string {
  const lines = SAME.map((name, i) => {
    const [title, ...body] = fs.readFileSync(path.join(FIXTURES, `${name}.txt`), "utf8").trim().split("\n\n");
    return JSON.stringify({ title, text: body.join("\n\n"), sourceId: `src-${i}`, id: `line-${i + 1}`, publishedAt: `2026-03-02T${String(8 + i).padStart(2, "0")}:00:00Z` });
  });
  const file = path.join(dir, `story-${Math.random().toString(36).slice(2)}.ndjson`);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** A promise with its resolver, made on first use under a key. */
class Signals {
  private readonly all = new Map<number, { promise: Promise<void>; resolve: () => void }>();
  of(k: number): { promise: Promise<void>; resolve: () => void } {
    let s = this.all.get(k);
    if (!s) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.all.set(k, (s = { promise, resolve }));
    }
    return s;
  }
}

/** An in-process pool: line k is prepared when `gates.prepare(k)` resolves, enriched when `gates.enrich(k)` does (asked after its placement). */
class TimedPool implements Enricher {
  private readonly docs = new Map<number, Doc>();
  readonly enrichAsked = new Signals();

  constructor(private readonly gates: { prepare?: (line: number) => Promise<void>; enrich?: (line: number) => Promise<void> }) {}

  async prepare(item: IngestItem, maxChars?: number): Promise<RemotePrepared> {
    const line = Number(item.id!.slice("line-".length));
    await this.gates.prepare?.(line);
    const p = prepareItem(item, maxChars);
    this.docs.set(line, p.doc);
    return { write: p.write, doc: { slot: 0, key: line } };
  }

  async enrich(ref: DocRef, story: Story): Promise<ReturnType<typeof enrichDoc>> {
    this.enrichAsked.of(ref.key).resolve();
    await this.gates.enrich?.(ref.key);
    const doc = this.docs.get(ref.key)!;
    this.docs.delete(ref.key);
    return enrichDoc(doc, reference, { story });
  }

  drop(ref: DocRef): void {
    this.docs.delete(ref.key);
  }
}

/**
 * The store as the writer sees it: each write is visible as soon as `writeArticle` is called (as in
 * SQLite), `visible` is signalled then, and the call resolves only a macrotask later.
 */
function lateAcknowledging(real: SqliteStore, visible: Signals): Store {
  const count = (): number => (real.db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
  return new Proxy(real, {
    get(target, key) {
      if (key === "writeArticle") {
        return async (...args: Parameters<Store["writeArticle"]>) => {
          const before = count();
          const result = target.writeArticle(...args);
          expect(count()).toBe(before + 1);
          visible.of(args[1]!.checkpoint!.line).resolve();
          await new Promise((r) => setImmediate(r));
          return result;
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as unknown as Store;
}

async function importTimed(gates: (visible: Signals, pool: () => TimedPool) => ConstructorParameters<typeof TimedPool>[0]): Promise<{ size: number; novelty: number; story: string }[]> {
  const store = openSqliteStore(":memory:");
  try {
    const visible = new Signals();
    let pool: TimedPool | undefined;
    pool = new TimedPool(gates(visible, () => pool!));
    const pipeline = new Pipeline({ store, reference });
    const stats = await importFile({ file: storyFile(), store, ingestor: pipeline, parallel: { pool, pipeline, store: lateAcknowledging(store, visible) } });
    expect(stats).toMatchObject({ created: 3, bad: 0, acknowledged: 3 });
    const articles = (await store.listArticles({ limit: 10 })).items.sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!));
    return articles.map((a) => ({ size: a.enrichment!.story.size, novelty: a.enrichment!.story.novelty, story: a.storyId }));
  } finally {
    await store.close();
  }
}

describe("parallel import: the in-flight set under controlled timing", () => {
  const expected = [
    { size: 1, novelty: 1 },
    { size: 2, novelty: 0.5 },
    { size: 3, novelty: 0.333 },
  ];

  it("counts an article once when the next is placed just after its write became visible", async () => {
    const out = await importTimed((visible) => ({ prepare: (line) => (line > 1 ? visible.of(line - 1).promise : Promise.resolve()) }));
    expect(out.map(({ size, novelty }) => ({ size, novelty }))).toEqual(expected);
    expect(new Set(out.map((a) => a.story)).size).toBe(1);
  });

  it("counts an article once when the next is placed while it is still being enriched", async () => {
    const out = await importTimed((_, pool) => ({ enrich: (line) => (line === 1 ? pool().enrichAsked.of(3).promise : Promise.resolve()) }));
    expect(out.map(({ size, novelty }) => ({ size, novelty }))).toEqual(expected);
    expect(new Set(out.map((a) => a.story)).size).toBe(1);
  });
});
