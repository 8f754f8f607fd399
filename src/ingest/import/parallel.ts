/**
 * The parallel import path: worker threads normalise and enrich while the main thread, the one
 * writer, places each article in its story (in line order, seeing the articles still in flight)
 * and commits batches. The outcome is the same as the sequential path, only faster.
 */
import { ImpactwireError, asImpactwireError } from "../../core/errors.ts";
import type { ArticleWrite, Store, WriteResult } from "../../store/store.ts";
import type { IngestItem } from "../ingestor.ts";
import type { Pipeline } from "../pipeline/pipeline.ts";
import type { Story } from "../../contract/enrichment.ts";
import { PendingSet } from "../dedupe/pending.ts";
import type { Enricher, RemotePrepared } from "./pool.ts";
import type { Line } from "./lines.ts";
import { parseLine } from "./item.ts";
import { isStorageFailure } from "./failure.ts";

type Outcome =
  | { kind: "empty" }
  | { kind: "bad"; error: ImpactwireError }
  | { kind: "existing"; result: WriteResult }
  | { kind: "write"; write: ArticleWrite }
  | { kind: "retry"; item: IngestItem };

export interface Slot {
  line: Line;
  outcome: Promise<Outcome>;
}

export interface BatchOutcome {
  results: WriteResult[];
  bad: [number, ImpactwireError][];
}

/** A dead worker stops the import (its lines are not bad: they were never enriched). */
function isFatal(err: unknown): boolean {
  return err instanceof ImpactwireError && err.code === "WORKER_FAILED";
}

type Placed = Outcome | { kind: "place"; p: RemotePrepared; story: Story };

/**
 * Submits lines to the workers in order and writes them in order, each as soon as it is enriched.
 *
 * @example
 * const runner = new ParallelRunner(store, pipeline, pool, key);
 * const window = new LineWindow(readLines(file), { submit: (l) => runner.submit(l) });
 * await runner.writeStream(() => window.next(), 1000);
 */
export class ParallelRunner {
  private readonly pending = new PendingSet();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly pipeline: Pipeline,
    private readonly pool: Enricher,
    private readonly key: string,
    private readonly maxChars?: number,
  ) {}

  submit(line: Line): Slot {
    if (line.text.trim() === "") return { line, outcome: Promise.resolve({ kind: "empty" }) };
    let item: IngestItem;
    try {
      item = parseLine(line.text);
    } catch (err) {
      return { line, outcome: Promise.resolve({ kind: "bad", error: asImpactwireError(err, "import", "BAD_LINE") }) };
    }
    const prep = this.pool.prepare(item, this.maxChars);
    prep.catch(() => undefined);
    const placed: Promise<Placed> = this.chain.then(async () => {
      let p: RemotePrepared;
      try {
        p = await prep;
      } catch (err) {
        if (isFatal(err)) throw err;
        return { kind: "bad", error: asImpactwireError(err, "import", "BAD_LINE") };
      }
      let r: Awaited<ReturnType<Pipeline["placeInStory"]>>;
      try {
        r = await this.pipeline.placeInStory(p, this.pending, line.number);
      } catch (err) {
        this.pool.drop(p.doc);
        throw err;
      }
      if (r !== "retry" && "story" in r) return { kind: "place", p, story: r.story };
      this.pool.drop(p.doc);
      return r === "retry" ? { kind: "retry", item } : { kind: "existing", result: r.existing };
    });
    this.chain = placed.catch(() => undefined);
    const outcome = placed.then(async (pl): Promise<Outcome> => {
      if (pl.kind !== "place") return pl;
      try {
        return { kind: "write", write: { ...pl.p.write, enrichment: await this.pool.enrich(pl.p.doc, pl.story) } };
      } catch (err) {
        if (isFatal(err)) throw err;
        this.pending.remove(line.number);
        return { kind: "bad", error: asImpactwireError(err, "import", "BAD_LINE") };
      }
    });
    return { line, outcome };
  }

  /**
   * Writes up to `size` slots in one transaction, in line order, each as soon as its outcome is ready
   * (the transaction stays open while later lines are still being enriched), with the checkpoint after
   * the last one. `next` gives the slots in order (null: no more lines); it may submit further lines.
   *
   * @example
   * const { results, bad, last } = await runner.writeStream(() => window.next(), 1000);
   */
  async writeStream(next: () => Promise<Slot | null>, size: number): Promise<BatchOutcome & { last: Line | null }> {
    const results: WriteResult[] = [];
    const bad: [number, ImpactwireError][] = [];
    let last: Line | null = null;
    const work = async (): Promise<void> => {
      for (let i = 0; i < size; i++) {
        const slot = await next();
        if (!slot) break;
        await this.writeSlot(slot, results, bad);
        last = slot.line;
      }
      if (last) await this.store.setImportCheckpoint(this.key, (last as Line).number);
    };
    // pipeline.batch: one transaction, and listeners hear of the writes only after it commits.
    await this.pipeline.batch(work);
    return { results, bad, last };
  }

  private async writeSlot(slot: Slot, results: WriteResult[], bad: [number, ImpactwireError][]): Promise<void> {
    const o = await slot.outcome;
    const n = slot.line.number;
    const checkpoint = { key: this.key, line: n };
    // The article leaves the in-flight set in the same turn as the store starts writing it. The SQLite
    // store writes synchronously within the call, so placement never sees it twice nor misses it; a store
    // that writes asynchronously would need the in-flight set kept until its write is visible.
    // parallel.test.ts holds both sides of this under controlled timing (counted twice / not at all).
    this.pending.remove(n);
    if (o.kind === "write") {
      const r = await this.store.writeArticle(o.write, { checkpoint });
      this.pipeline.notify(r);
      results.push(r);
    } else if (o.kind === "existing") results.push(o.result);
    else if (o.kind === "retry") {
      try {
        results.push(await this.pipeline.ingest(o.item, { checkpoint }));
      } catch (err) {
        if (!(err instanceof ImpactwireError) || isStorageFailure(err)) throw err;
        bad.push([n, err]);
      }
    } else if (o.kind === "bad") bad.push([n, o.error]);
  }
}
