/**
 * The `Ingestor`: the one path by which an article enters impactwire (feeds, API POST, NDJSON import):
 * normalise → dedupe → enrich → store, then notify listeners (stream, alerts) after the commit.
 */
import type { ArticleInput } from "../contract/article.ts";
import type { WriteResult } from "../store/store.ts";

export interface IngestItem extends ArticleInput {
  sourceId?: string;
  /** The source's own id for the item (feed GUID, NDJSON id). */
  externalId?: string;
  /** When impactwire saw it (default: now). */
  seenAt?: string;
}

export interface Ingestor {
  ingest(item: IngestItem): Promise<WriteResult>;
  /** Subscribes to every committed write (created or revised); returns the unsubscribe function. */
  onWritten(listener: (result: WriteResult) => void): () => void;
}
