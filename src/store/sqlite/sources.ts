/**
 * Feed sources and their health on SQLite.
 */
import { ImpactwireError } from "../../core/errors.ts";
import type { SourceRecord } from "../store.ts";
import { newId } from "../keys.ts";
import type { Query } from "./query.ts";
import { bool, type ColumnMap, updateRow } from "./patch.ts";

interface SourceRow {
  id: string;
  kind: SourceRecord["kind"];
  url: string;
  title: string | null;
  interval_sec: number;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  next_poll_at: string | null;
  last_error: string | null;
  error_count: number;
  items_seen: number;
  enabled: number;
}

const COLUMNS: ColumnMap<SourceRecord> = {
  kind: { column: "kind" },
  url: { column: "url" },
  title: { column: "title" },
  intervalSec: { column: "interval_sec" },
  etag: { column: "etag" },
  lastModified: { column: "last_modified" },
  lastPolledAt: { column: "last_polled_at" },
  nextPollAt: { column: "next_poll_at" },
  lastError: { column: "last_error" },
  errorCount: { column: "error_count" },
  itemsSeen: { column: "items_seen" },
  enabled: { column: "enabled", encode: bool },
};

/** Default poll interval of a new source when none is given (seconds). */
export const DEFAULT_INTERVAL_SEC = 300;

function toRecord(r: SourceRow): SourceRecord {
  return {
    id: r.id,
    kind: r.kind,
    url: r.url,
    title: r.title,
    intervalSec: r.interval_sec,
    etag: r.etag,
    lastModified: r.last_modified,
    lastPolledAt: r.last_polled_at,
    nextPollAt: r.next_poll_at,
    lastError: r.last_error,
    errorCount: r.error_count,
    itemsSeen: r.items_seen,
    enabled: r.enabled === 1,
  };
}

/**
 * Adds a feed source; a URL already present is a 409 error.
 *
 * @example
 * addSource(q, { url: "https://example.com/feed.xml", kind: "rss" })
 */
export function addSource(q: Query, s: Pick<SourceRecord, "url" | "kind"> & Partial<SourceRecord>): SourceRecord {
  const existing = q.get<SourceRow>("SELECT * FROM sources WHERE url = ?", s.url);
  if (existing) throw new ImpactwireError("store", "SOURCE_EXISTS", `a source with URL ${s.url} already exists (${existing.id})`, { status: 409, detail: { id: existing.id } });
  const id = s.id ?? newId("src");
  q.run(
    `INSERT INTO sources (id, kind, url, title, interval_sec, etag, last_modified, last_polled_at, next_poll_at, last_error, error_count, items_seen, enabled, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id, s.kind, s.url, s.title ?? null, s.intervalSec ?? DEFAULT_INTERVAL_SEC, s.etag ?? null, s.lastModified ?? null, s.lastPolledAt ?? null,
    s.nextPollAt ?? null, s.lastError ?? null, s.errorCount ?? 0, s.itemsSeen ?? 0, s.enabled === false ? 0 : 1, new Date().toISOString(),
  );
  return getSource(q, id)!;
}

/** @example listSources(q) */
export function listSources(q: Query): SourceRecord[] {
  return q.all<SourceRow>("SELECT * FROM sources ORDER BY created_at, id").map(toRecord);
}

/** @example getSource(q, "src_1") */
export function getSource(q: Query, id: string): SourceRecord | null {
  const r = q.get<SourceRow>("SELECT * FROM sources WHERE id = ?", id);
  return r ? toRecord(r) : null;
}

/** @example updateSource(q, "src_1", { lastError: "timeout", errorCount: 3 }) */
export function updateSource(q: Query, id: string, patch: Partial<SourceRecord>): void {
  updateRow(q, "sources", "id", id, patch, COLUMNS);
}

/** Removes a source (its articles stay); false when unknown. @example removeSource(q, "src_1") */
export function removeSource(q: Query, id: string): boolean {
  return q.run("DELETE FROM sources WHERE id = ?", id).changes > 0;
}
