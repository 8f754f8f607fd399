/**
 * Packed enrichments: what an enrichment worker thread sends to the writer thread. The worker encodes
 * the document for the `enrichments.doc` column and the brief for `articles.brief` (the writer reads
 * its ticker, topic, impact and sentiment columns from the brief), so the writer receives a few
 * strings and bytes instead of cloning the whole object graph (~5 KB of JSON, hundreds of objects)
 * and re-encoding it. On the writer's side the enrichment is lazy: only a reader that asks for its
 * details (a stream listener, an API answer) pays for decoding the document, once.
 */
import type { Enrichment } from "../../contract/enrichment.ts";
import { type EnrichmentBrief, enrichmentBrief } from "../brief.ts";
import { decodeDoc, encodeDoc, rememberEncoded } from "./rows.ts";

/** The parts of an enrichment kept as plain fields (small, read by every write). */
type Head = Pick<Enrichment, "schemaVersion" | "engine" | "id" | "story" | "summary">;

/** An enrichment as it crosses a thread boundary (structured-clone friendly). */
export interface PackedEnrichment {
  head: Head;
  /** `enrichments.doc`: the encoded document (see encodeDoc). */
  doc: Uint8Array;
  /** `articles.brief`: JSON of the EnrichmentBrief. */
  brief: string;
}

const briefs = new WeakMap<Enrichment, { json: string; value: EnrichmentBrief | null }>();

/**
 * Packs an enrichment for the writer thread.
 *
 * @example
 * parentPort.postMessage(packEnrichment(enrichDoc(doc, ref)));
 */
export function packEnrichment(e: Enrichment): PackedEnrichment {
  const head: Head = { schemaVersion: e.schemaVersion, engine: e.engine, id: e.id, story: e.story, summary: e.summary };
  return { head, doc: encodeDoc(e), brief: storedBrief(e).json };
}

/**
 * The enrichment of a packed one: the head fields are plain, the others are decoded from the
 * document on first access (enumerable getters, so spreading or JSON.stringify sees them all).
 * Its encoding and brief are remembered, so storing it re-encodes nothing.
 *
 * @example
 * const e = unpackEnrichment(packed);
 * e.summary;     // plain field
 * e.analysis;    // decodes the document (once)
 */
export function unpackEnrichment(p: PackedEnrichment): Enrichment {
  const doc = Buffer.from(p.doc.buffer, p.doc.byteOffset, p.doc.byteLength);
  let full: Enrichment | null = null;
  const all = (): Enrichment => (full ??= decodeDoc(doc));
  const h = p.head;
  // An object literal with accessors (own, enumerable): far cheaper to build than defineProperty calls.
  const e: Enrichment = {
    schemaVersion: h.schemaVersion,
    engine: h.engine,
    id: h.id,
    get article() { return all().article; },
    get impact() { return all().impact; },
    get tickers() { return all().tickers; },
    get entities() { return all().entities; },
    get topics() { return all().topics; },
    get events() { return all().events; },
    get sentiment() { return all().sentiment; },
    summary: h.summary,
    get analysis() { return all().analysis; },
    story: h.story,
  };
  rememberEncoded(e, doc);
  briefs.set(e, { json: p.brief, value: null });
  return e;
}

/** An enrichment's brief as JSON (the column) and as a value. */
export interface StoredBrief {
  json: string;
  value: EnrichmentBrief;
}

/**
 * The brief of an enrichment as stored (`articles.brief`), as JSON and as a value; computed for an
 * ordinary enrichment, read from the pack for an unpacked one.
 *
 * @example
 * storedBrief(e).value.tickers.map((t) => t.symbol) // ["AMZN"]
 */
export function storedBrief(e: Enrichment): StoredBrief {
  const known = briefs.get(e);
  if (known) return { json: known.json, value: (known.value ??= JSON.parse(known.json) as EnrichmentBrief) };
  // Not cached: an ordinary enrichment object may be changed and stored again.
  const value = enrichmentBrief(e);
  return { json: JSON.stringify(value), value };
}
