/**
 * A small helper for `update…(id, patch)` methods: maps record fields to columns and encodes values.
 */
import type { Query } from "./query.ts";

export type ColumnMap<T> = Partial<Record<keyof T, { column: string; encode?: (v: unknown) => unknown }>>;

/**
 * Updates the given fields of one row; fields absent from the map (such as `id`) are ignored.
 * Returns the number of rows changed (0 when the id is unknown or the patch is empty).
 *
 * @example
 * updateRow(q, "sources", "id", "src_1", { lastError: null }, SOURCE_COLUMNS)
 */
export function updateRow<T>(q: Query, table: string, key: string, id: string, patch: Partial<T>, map: ColumnMap<T>): number {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(patch) as [keyof T, unknown][]) {
    const col = map[field];
    if (!col || value === undefined) continue;
    sets.push(`${col.column} = ?`);
    params.push(col.encode ? col.encode(value) : value);
  }
  if (sets.length === 0) return 0;
  return q.run(`UPDATE ${table} SET ${sets.join(", ")} WHERE ${key} = ?`, ...params, id).changes;
}

/** Encodes booleans as 0/1. */
export const bool = (v: unknown): number => (v ? 1 : 0);
/** Encodes arrays/objects as JSON text. */
export const json = (v: unknown): string => JSON.stringify(v);
