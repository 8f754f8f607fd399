/**
 * The numbered, append-only migration list shared by every backend. Add a file `000N_name.ts`
 * exporting `migration` and list it here; never change one that has been released.
 */
import { migration as m0001 } from "./0001_init.ts";
import { migration as m0002 } from "./0002_simhash_bands_signature.ts";
import { migration as m0003 } from "./0003_stats.ts";
import { migration as m0004 } from "./0004_simhash_bands_integers.ts";
import { migration as m0005 } from "./0005_article_filters.ts";
import { migration as m0006 } from "./0006_drop_simhash_bands.ts";
import { migration as m0007 } from "./0007_article_briefs.ts";

export interface Migration {
  version: number;
  name: string;
  /** SQL run on SQLite, in one transaction. */
  sqlite: string;
  /** SQL run on PostgreSQL (added when that backend lands). */
  postgres?: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007];

/**
 * The schema version the code expects (the last migration's number).
 *
 * @example
 * latestVersion() // 7
 */
export function latestVersion(): number {
  return MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
}
