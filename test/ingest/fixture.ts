/**
 * A fresh in-memory SQLite store and a Pipeline over it before each test of the file that calls it
 * (closed after each test); `use` receives them.
 *
 * @example
 * let store: SqliteStore; let pipeline: Pipeline;
 * usePipeline((s, p) => ((store = s), (pipeline = p)));
 */
import { afterEach, beforeEach } from "vitest";
import { Pipeline } from "../../src/ingest/pipeline/pipeline.ts";
import { loadReference } from "../../src/reference/reference.ts";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/store.ts";

export function usePipeline(use: (store: SqliteStore, pipeline: Pipeline) => void): void {
  let store: SqliteStore | undefined;
  beforeEach(() => {
    store = openSqliteStore(":memory:");
    use(store, new Pipeline({ store, reference: loadReference() }));
  });
  afterEach(async () => store?.close());
}
