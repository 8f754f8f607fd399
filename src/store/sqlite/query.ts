/**
 * The typed query layer of the SQLite store: plain SQL, each statement prepared once and cached.
 * (Kysely was measured for this hot path and left out: see the report / bench/import.bench.ts.)
 * Every row type is declared beside its SQL in the modules that use it.
 */
import type Database from "better-sqlite3";
import type { Db } from "./db.ts";

type Params = readonly unknown[];

/**
 * A cache of prepared statements over one connection, with typed `get`, `all`, `run` and `value`.
 *
 * @example
 * const q = new Query(db);
 * const row = q.get<{ n: number }>("SELECT count(*) AS n FROM articles");
 */
export class Query {
  readonly db: Db;
  /** Rollbacks seen on this connection (caches of the database's content are dropped after one). */
  rollbacks = 0;
  /**
   * Work the write path buffers during the open transaction (running totals, next keys), flushed
   * just before it commits and dropped when it rolls back (see write.ts).
   */
  scratch: { flush(): void } | null = null;
  private readonly cache = new Map<string, Database.Statement>();
  private readonly transaction: Database.Transaction<(fn: () => unknown) => unknown>;

  constructor(db: Db) {
    this.db = db;
    this.transaction = db.transaction((fn: () => unknown) => fn());
  }

  /** The prepared statement for a SQL text (prepared on first use). */
  stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  get<T>(sql: string, ...params: Params): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: Params): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  run(sql: string, ...params: Params): Database.RunResult {
    return this.stmt(sql).run(...params);
  }

  /** The first column of the first row (or undefined). */
  value<T>(sql: string, ...params: Params): T | undefined {
    const row = this.stmt(sql).raw(true).get(...params) as unknown[] | undefined;
    this.stmt(sql).raw(false);
    return row?.[0] as T | undefined;
  }

  /**
   * Runs `fn` in one transaction. Inside an enclosing transaction (`Store.batch`) it runs as part of
   * it, without a savepoint (they cost about as much as the write itself): an error there must fail
   * the whole batch, which is why `writeArticle` reports every error as STORE_FAILED.
   */
  tx<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    try {
      return this.transaction.immediate(() => {
        const out = fn();
        this.flushScratch();
        return out;
      }) as T;
    } catch (err) {
      this.scratch = null;
      this.rollbacks++;
      throw err;
    }
  }

  /**
   * Opens a write transaction that spans several calls (`Store.batch`); end it with `commit` or `rollback`.
   *
   * @example
   * q.begin(); try { …; q.commit(); } catch (e) { q.rollback(); throw e; }
   */
  begin(): void {
    this.scratch = null;
    this.db.exec("BEGIN IMMEDIATE");
  }

  /** Flushes the buffered work and commits the transaction opened by `begin`. */
  commit(): void {
    this.flushScratch();
    this.db.exec("COMMIT");
  }

  /**
   * Rolls back the open transaction (if any), drops the buffered work and counts the rollback.
   *
   * @example
   * q.rollback();
   */
  rollback(): void {
    this.scratch = null;
    this.rollbacks++;
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
  }

  private flushScratch(): void {
    const s = this.scratch;
    this.scratch = null;
    s?.flush();
  }
}
