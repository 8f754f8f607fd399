/**
 * Chooses and opens the configured Store: embedded SQLite in `DATA_DIR` (default), PostgreSQL when
 * `DATABASE_URL` is set (not available yet: a clear error says so).
 */
import path from "node:path";
import type { Config } from "../core/config.ts";
import { ImpactwireError, EXIT } from "../core/errors.ts";
import type { Store } from "./store.ts";
import { openSqliteStore } from "./sqlite/store.ts";

/** File name of the embedded database inside DATA_DIR. */
export const SQLITE_FILE = "impactwire.db";

/**
 * Opens the store named by the configuration and applies pending migrations.
 *
 * @example
 * const store = await openStore(loadConfig());
 */
export async function openStore(config: Pick<Config, "dataDir" | "databaseUrl">): Promise<Store> {
  if (config.databaseUrl) {
    throw new ImpactwireError("store", "POSTGRES_NOT_AVAILABLE", "DATABASE_URL is set, but the PostgreSQL store is not part of this version yet: unset DATABASE_URL to use the embedded SQLite store in DATA_DIR", {
      status: 500,
      exitCode: EXIT.config,
    });
  }
  return openSqliteStore(path.join(config.dataDir, SQLITE_FILE));
}
