/**
 * Enrichment worker thread: normalises items and enriches documents for a parallel import, so that
 * the main thread only places articles in stories and writes them (one writer).
 * Messages (see WorkerRequest): `{ n, kind: "prepare", item, maxChars }` (the Doc is kept here),
 * `{ n, kind: "enrich", doc, story }` (enriches the kept Doc `doc`, answers a PackedEnrichment) and `{ kind: "drop", doc }`;
 * answers `{ n, ok: true, value }` or `{ n, ok: false, error: { module, code, message, exitCode } }`.
 */
import { getPriority, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { enrichDoc } from "../../enrich/enrich.ts";
import { loadReference } from "../../reference/reference.ts";
import { ImpactwireError, asImpactwireError } from "../../core/errors.ts";
import type { Story } from "../../contract/enrichment.ts";
import type { Doc } from "../../enrich/normalize/normalize.ts";
import { prepareItem } from "../pipeline/pipeline.ts";
import type { WorkerRequest } from "./pool.ts";
import { type PackedEnrichment, packEnrichment } from "../../store/sqlite/packed.ts";

const reference = loadReference();

// The writer (main) thread is the import's one serial step: when both cores are busy, the scheduler
// should run it first. On Linux, setpriority(0) applies to the calling thread only, so this lowers
// the priority of this worker thread alone; elsewhere it may apply to the process, so it is skipped.
if (process.platform === "linux" && process.env.IMPACTWIRE_WORKER_NICE !== "0") {
  try {
    setPriority(0, Math.min(19, getPriority(0) + Number(process.env.IMPACTWIRE_WORKER_NICE ?? 10)));
  } catch {
    // Not allowed here (e.g. a sandbox without setpriority): run at the same priority.
  }
}

/** Docs of prepared items, kept here until they are enriched or dropped (keyed by their prepare request's `n`). */
const docs = new Map<number, Doc>();

function enrichKept(key: number, story: Story): PackedEnrichment {
  const doc = docs.get(key);
  if (!doc) throw new ImpactwireError("import", "WORKER_FAILED", `no prepared document ${key} in this worker`);
  docs.delete(key);
  return packEnrichment(enrichDoc(doc, reference, { story }));
}

parentPort!.on("message", (msg: WorkerRequest) => {
  if (msg.kind === "drop") return void docs.delete(msg.doc);
  try {
    if (msg.kind === "prepare") {
      const p = prepareItem(msg.item, msg.maxChars);
      docs.set(msg.n, p.doc);
      parentPort!.postMessage({ n: msg.n, ok: true, value: p.write });
    } else parentPort!.postMessage({ n: msg.n, ok: true, value: enrichKept(msg.doc, msg.story) });
  } catch (err) {
    const e = asImpactwireError(err, "enrich", "ENRICH_FAILED");
    parentPort!.postMessage({ n: msg.n, ok: false, error: { module: e.module, code: e.code, message: e.message, exitCode: e.exitCode, status: e.status } });
  }
});
