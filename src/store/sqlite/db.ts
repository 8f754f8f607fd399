/**
 * Opening an embedded SQLite database: WAL journal, synchronous=NORMAL (a commit survives a process
 * crash; the last commits may be lost only on power loss), foreign keys on, the SQL function
 * `simhash_distance(hi, lo, hi2, lo2)`, and the numbered migrations applied in one transaction each.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import { MIGRATIONS, latestVersion } from "../migrations/index.ts";
import { halvesDistance } from "../keys.ts";

export type Db = Database.Database;

/**
 * Opens (creating when needed) the database file; `:memory:` gives a private in-memory database.
 *
 * @example
 * const db = openDatabase("./var/impactwire.db");
 */
export function openDatabase(file: string): Db {
  try {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new Database(file);
    // Only takes effect on a new database: article and enrichment rows are 2–3 KB, which 4 KB pages
    // would hold one at a time (40% of the file unused); 8 KB pages cut the file by about a fifth.
    db.pragma("page_size = 8192");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    db.pragma("cache_size = -65536");
    db.pragma("temp_store = MEMORY");
    db.function("simhash_distance", { deterministic: true }, (a: unknown, b: unknown, c: unknown, d: unknown) => halvesDistance(Number(a), Number(b), Number(c), Number(d)));
    return db;
  } catch (err) {
    throw new ImpactwireError("store", "STORE_OPEN_FAILED", `cannot open the database ${file}: ${(err as Error).message}`, {
      cause: err,
      status: 500,
      exitCode: EXIT.config,
    });
  }
}

/**
 * The schema version recorded in the database (0 for a new one).
 *
 * @example
 * schemaVersion(db) // 1
 */
export function schemaVersion(db: Db): number {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const row = db.prepare("SELECT max(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies the pending migrations, each in its own transaction; resolves to the new schema version.
 * A database newer than the code is refused (it would be written with an older schema in mind).
 *
 * @example
 * migrateDatabase(db) // 1
 */
export function migrateDatabase(db: Db): number {
  const current = schemaVersion(db);
  if (current > latestVersion()) {
    throw new ImpactwireError("store", "SCHEMA_TOO_NEW", `the database has schema version ${current}; this impactwire knows up to ${latestVersion()}: upgrade impactwire`, {
      status: 500,
      exitCode: EXIT.config,
    });
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    const apply = db.transaction(() => {
      db.exec(m.sqlite);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, new Date().toISOString());
    });
    try {
      apply();
    } catch (err) {
      throw new ImpactwireError("store", "MIGRATION_FAILED", `migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, {
        cause: err,
        status: 500,
        exitCode: EXIT.config,
      });
    }
  }
  return schemaVersion(db);
}

/** The checkpointing thread: its own connection, a PASSIVE checkpoint (never blocks the writer) every `intervalMs`. */
const CHECKPOINTER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 1000");
const timer = setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch (err) { parentPort.postMessage({ error: String((err && err.message) || err) }); }
}, workerData.intervalMs);
parentPort.on("message", () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/** WAL size (pages) past which the serving connection still checkpoints itself, should the thread fall behind. */
const BACKSTOP_PAGES = 16_384;

export interface Checkpointer {
  /** Stops the thread (after its current checkpoint) and gives checkpoints back to the connection. */
  stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the serving thread. By default SQLite checkpoints inside the commit that
 * fills the WAL to 1,000 pages: at a million articles one article dirties ~60 pages, so every ~17th
 * write waited 30–65 ms (copy plus fsync) before its answer and its stream event. A worker thread
 * with its own connection checkpoints every `intervalMs` instead; the serving connection keeps a
 * backstop (16,384 pages) should the thread fall behind or fail.
 *
 * @example
 * const cp = startCheckpointer(store.db, "./var/impactwire.db");
 * await cp.stop(); // before store.close()
 */
export function startCheckpointer(db: Db, file: string, options: { intervalMs?: number; onError?: (message: string) => void } = {}): Checkpointer {
  if (file === ":memory:") return { stop: async () => undefined };
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { file: path.resolve(file), driver, intervalMs: options.intervalMs ?? 250 } });
  worker.unref();
  let exited = false;
  const gone = new Promise<void>((resolve) => worker.once("exit", () => ((exited = true), resolve())));
  const restore = () => {
    if (db.open) db.pragma("wal_autocheckpoint = 1000");
  };
  worker.on("message", (m: { error?: string }) => m.error && options.onError?.(`checkpoint: ${m.error}`));
  worker.on("error", (err) => (restore(), options.onError?.(`checkpoint thread failed: ${err.message}`)));
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  return {
    stop: async () => {
      if (!exited) worker.postMessage("stop");
      await gone;
      restore();
    },
  };
}
