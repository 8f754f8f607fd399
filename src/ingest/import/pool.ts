/**
 * A pool of enrichment worker threads (see worker.ts). Work goes to the least busy worker; an error
 * inside a worker comes back as the same ImpactwireError it would be in the main thread.
 */
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Enrichment, Story } from "../../contract/enrichment.ts";
import { EXIT, ImpactwireError } from "../../core/errors.ts";
import type { IngestItem } from "../ingestor.ts";
import type { Prepared } from "../pipeline/pipeline.ts";
import { type PackedEnrichment, unpackEnrichment } from "../../store/sqlite/packed.ts";

/**
 * Messages to a worker. `prepare` keeps the normalised Doc in the worker (under `n`) and answers with
 * the write fields only; `enrich` enriches that kept Doc; `drop` forgets it (the article was not
 * enriched: already stored, in-flight collision, or a failure). The Doc crosses no thread boundary.
 */
export type WorkerRequest =
  | { n: number; kind: "prepare"; item: IngestItem; maxChars?: number }
  | { n: number; kind: "enrich"; doc: number; story: Story }
  | { n: number; kind: "drop"; doc: number };

/** A prepared item whose Doc stays in the worker that prepared it. */
export interface RemotePrepared {
  write: Prepared["write"];
  /** Where the Doc is kept (pass to `enrich` or `drop`). */
  doc: DocRef;
}

/** What an import needs of the pool (a test may give an in-process one with its own timing). */
export type Enricher = Pick<EnrichPool, "prepare" | "enrich" | "drop">;

/** The worker and key of a kept Doc. */
export interface DocRef {
  slot: number;
  key: number;
}

type WorkerReply = { n: number; ok: true; value: unknown } | { n: number; ok: false; error: { module: string; code: string; message: string; exitCode: number; status: number } };

interface Slot {
  worker: Worker;
  busy: number;
}

/**
 * Default pool size: one worker per core (the writer thread needs well under a core: measured
 * 616 articles/s with one worker, 812/s with two on a 2-core machine).
 *
 * @example
 * defaultWorkers() // 2 on a 2-core machine
 */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, os.availableParallelism?.() ?? os.cpus().length));
}

/**
 * Worker threads running `prepareItem` and `enrichDoc`.
 *
 * @example
 * const pool = new EnrichPool(2);
 * const prepared = await pool.prepare({ title: "…", text: "…" });
 * const enrichment = await pool.enrich(prepared.doc, story); // or pool.drop(prepared.doc)
 * await pool.close();
 */
export class EnrichPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; slot: Slot }>();
  private next = 1;
  private broken: ImpactwireError | null = null;
  private closing = false;

  constructor(size = defaultWorkers()) {
    const tsxRoot = path.dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
    const tsx = pathToFileURL(path.join(tsxRoot, "dist/esm/api/index.mjs")).href;
    const entry = new URL("./worker.ts", import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(boot, { eval: true });
      const slot: Slot = { worker, busy: 0 };
      worker.on("message", (reply: WorkerReply) => this.settle(reply));
      worker.on("error", (err) => this.failAll(slot, err));
      worker.on("exit", (code) => this.failAll(slot, new Error(`exited with code ${code}`)));
      worker.unref();
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Normalises an item in the least busy worker, which keeps its Doc for `enrich`. */
  async prepare(item: IngestItem, maxChars?: number): Promise<RemotePrepared> {
    const slot = this.leastBusy();
    const key = this.next;
    const write = (await this.send(slot, { kind: "prepare", item, ...(maxChars === undefined ? {} : { maxChars }) })) as Prepared["write"];
    return { write, doc: { slot, key } };
  }

  /**
   * Enriches a kept Doc with its story (in the worker that keeps it, which then forgets it). The
   * enrichment comes back packed (encoded document and brief) and is decoded only if read.
   */
  async enrich(doc: DocRef, story: Story): Promise<Enrichment> {
    return unpackEnrichment((await this.send(doc.slot, { kind: "enrich", doc: doc.key, story })) as PackedEnrichment);
  }

  /** Forgets a kept Doc that will not be enriched. */
  drop(doc: DocRef): void {
    if (this.broken || this.closing) return;
    this.slots[doc.slot]?.worker.postMessage({ n: 0, kind: "drop", doc: doc.key } satisfies WorkerRequest);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private leastBusy(): number {
    let best = 0;
    for (let i = 1; i < this.slots.length; i++) if (this.slots[i]!.busy < this.slots[best]!.busy) best = i;
    return best;
  }

  private send(index: number, req: Omit<WorkerRequest, "n"> & Record<string, unknown>): Promise<unknown> {
    if (this.broken) return Promise.reject(this.broken);
    const slot = this.slots[index]!;
    const n = this.next++;
    slot.busy++;
    if (slot.busy === 1) slot.worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(n, { resolve, reject, slot });
      slot.worker.postMessage({ ...req, n });
    });
  }

  private settle(reply: WorkerReply): void {
    const w = this.waiting.get(reply.n);
    if (!w) return;
    this.waiting.delete(reply.n);
    if (--w.slot.busy === 0) w.slot.worker.unref();
    if (reply.ok) w.resolve(reply.value);
    else w.reject(new ImpactwireError(reply.error.module, reply.error.code, reply.error.message.replace(new RegExp(`^${reply.error.module}: `), ""), { exitCode: reply.error.exitCode, status: reply.error.status }));
  }

  /** A worker that dies breaks the pool: every waiting and later request fails with WORKER_FAILED. */
  private failAll(slot: Slot, err: unknown): void {
    if (this.closing) return;
    this.broken ??= new ImpactwireError("import", "WORKER_FAILED", `enrichment worker failed: ${(err as Error).message}`, { cause: err, status: 500, exitCode: EXIT.internal });
    for (const [n, w] of this.waiting) {
      this.waiting.delete(n);
      w.reject(this.broken);
    }
    void slot;
  }
}
