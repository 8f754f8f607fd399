/**
 * Opening an embedded SQLite database: WAL journal, synchronous=NORMAL (a commit survives a process
 * crash; the last commits may be lost only on power loss), foreign keys on, the SQL function
 * `simhash_distance(hi, lo, hi2, lo2)`, and the numbered migrations applied in one transaction each.
 */
import fs from "node:fs";
import path from "node:path";
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
