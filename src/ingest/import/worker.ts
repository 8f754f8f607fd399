/**
 * Enrichment worker thread: normalises items and enriches documents for a parallel import, so that
 * the main thread only places articles in stories and writes them (one writer).
 * Messages: `{ n, kind: "prepare", item, maxChars }` and `{ n, kind: "enrich", doc, story }`;
 * answers `{ n, ok: true, value }` or `{ n, ok: false, error: { module, code, message, exitCode } }`.
 */
import { parentPort } from "node:worker_threads";
import { enrichDoc } from "../../enrich/enrich.ts";
import { loadReference } from "../../reference/reference.ts";
import { asImpactwireError } from "../../core/errors.ts";
import { prepareItem } from "../pipeline/pipeline.ts";
import type { WorkerRequest } from "./pool.ts";
import { encodeDoc } from "../../store/sqlite/rows.ts";

const reference = loadReference();

parentPort!.on("message", (msg: WorkerRequest) => {
  try {
    if (msg.kind === "prepare") parentPort!.postMessage({ n: msg.n, ok: true, value: prepareItem(msg.item, msg.maxChars) });
    else {
      const enrichment = enrichDoc(msg.doc, reference, { story: msg.story });
      parentPort!.postMessage({ n: msg.n, ok: true, value: { enrichment, encoded: encodeDoc(enrichment) } });
    }
  } catch (err) {
    const e = asImpactwireError(err, "enrich", "ENRICH_FAILED");
    parentPort!.postMessage({ n: msg.n, ok: false, error: { module: e.module, code: e.code, message: e.message, exitCode: e.exitCode, status: e.status } });
  }
});
