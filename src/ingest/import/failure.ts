/**
 * Which import errors stop the import instead of being reported as a bad line.
 */

/**
 * A database failure (disk full, locked, corrupt, a write that failed half-way) stops the import:
 * it is not the line's fault, and the batch it happened in is rolled back.
 *
 * @example
 * isStorageFailure(new ImpactwireError("store", "STORE_FAILED", "disk full")) // true
 */
export function isStorageFailure(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (err as Error | null)?.name === "SqliteError" || code === "STORE_FAILED" || (typeof code === "string" && code.startsWith("SQLITE_"));
}
