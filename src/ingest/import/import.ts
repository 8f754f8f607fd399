/**
 * `impactwire import FILE.ndjson`: every line goes through the ingest pipeline. Idempotent (a line
 * already stored is unchanged), resumable (the last acknowledged line is committed in the same
 * transaction as its article, keyed by the file's fingerprint), and a bad line is reported with its
 * number and skipped.
 */
import fs from "node:fs";
import { ImpactwireError, EXIT, asImpactwireError } from "../../core/errors.ts";
import type { Store, WriteResult } from "../../store/store.ts";
import type { IngestItem } from "../ingestor.ts";
import { fileFingerprint, readLines } from "./lines.ts";
import { parseLine } from "./item.ts";

/** What an import needs from the pipeline. */
export interface ImportIngestor {
  ingest(item: IngestItem, options: { checkpoint: { key: string; line: number } }): Promise<WriteResult>;
}

export interface ImportStats {
  file: string;
  key: string;
  /** Lines read in this run (including those skipped as already imported). */
  lines: number;
  /** Lines at or before the checkpoint found at start (imported by an earlier run). */
  resumedFrom: number;
  created: number;
  revised: number;
  unchanged: number;
  duplicate: number;
  bad: number;
  /** Last line whose result is committed. */
  acknowledged: number;
  bytes: number;
  totalBytes: number;
  elapsedMs: number;
}

export interface ImportOptions {
  file: string;
  store: Pick<Store, "getImportCheckpoint" | "setImportCheckpoint" | "resetImportCheckpoint">;
  ingestor: ImportIngestor;
  /** Forget the checkpoint and read the file from the start (still idempotent). */
  restart?: boolean;
  onBadLine?: (line: number, error: ImpactwireError) => void;
  /** Called about every `progressEveryMs` (and at the end). */
  onProgress?: (stats: ImportStats) => void;
  progressEveryMs?: number;
}

/** A database failure (disk full, locked, corrupt) stops the import: it is not the line's fault. */
function isStorageFailure(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return (err as Error)?.name === "SqliteError" || (typeof code === "string" && code.startsWith("SQLITE_"));
}

/**
 * Imports an NDJSON file; resolves to its figures.
 *
 * @example
 * const stats = await importFile({ file: "a.ndjson", store, ingestor: pipeline, onBadLine: (n, e) => console.error(n, e.message) });
 */
export async function importFile(options: ImportOptions): Promise<ImportStats> {
  const { file, store, ingestor } = options;
  let totalBytes: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new Error("not a regular file");
    totalBytes = st.size;
  } catch (err) {
    throw new ImpactwireError("import", "IMPORT_UNREADABLE", `cannot read ${file}: ${(err as Error).message}`, { cause: err, exitCode: EXIT.input });
  }
  const key = await fileFingerprint(file);
  if (options.restart) await store.resetImportCheckpoint(key);
  const resumedFrom = await store.getImportCheckpoint(key);
  const started = Date.now();
  const stats: ImportStats = { file, key, lines: 0, resumedFrom, created: 0, revised: 0, unchanged: 0, duplicate: 0, bad: 0, acknowledged: resumedFrom, bytes: 0, totalBytes, elapsedMs: 0 };
  const every = options.progressEveryMs ?? 1000;
  let lastReport = started;
  let pendingAck = 0;
  for await (const line of readLines(file)) {
    stats.lines = line.number;
    stats.bytes = line.bytes;
    if (line.number <= resumedFrom) continue;
    if (line.text.trim() === "") {
      pendingAck = line.number;
      continue;
    }
    try {
      const r = await ingestor.ingest(parseLine(line.text), { checkpoint: { key, line: line.number } });
      stats[r.status]++;
      stats.acknowledged = line.number;
      pendingAck = 0;
    } catch (err) {
      if (isStorageFailure(err)) throw asImpactwireError(err, "store", "STORE_FAILED");
      const e = asImpactwireError(err, "import", "BAD_LINE");
      stats.bad++;
      pendingAck = line.number;
      options.onBadLine?.(line.number, e);
    }
    const now = Date.now();
    if (options.onProgress && now - lastReport >= every) {
      lastReport = now;
      stats.elapsedMs = now - started;
      options.onProgress({ ...stats });
    }
  }
  if (pendingAck) {
    await store.setImportCheckpoint(key, pendingAck);
    stats.acknowledged = pendingAck;
  }
  stats.elapsedMs = Date.now() - started;
  options.onProgress?.({ ...stats });
  return stats;
}
