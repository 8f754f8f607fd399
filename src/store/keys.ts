/**
 * Identity, ordering and cursor helpers shared by every Store backend.
 */
import { createHash, randomUUID } from "node:crypto";
import { ImpactwireError } from "../core/errors.ts";
import type { ArticleWrite } from "./store.ts";

/** Slots per second in `sort_key` (articles with the same second keep their arrival order). */
export const SLOTS_PER_SECOND = 2 ** 20;
/** Largest timestamp (seconds) that keeps sort_key a safe JavaScript integer (year 2106). */
const MAX_SECONDS = 2 ** 32 - 1;
/** A published time more than a day after it was seen is not believed (keeps bogus dates off the top). */
const FUTURE_SLACK_SEC = 86_400;

function hex16(s: string): string {
  return createHash("sha256").update(s).digest("hex").slice(0, 16);
}

/**
 * The identity of an article: the source's own id for the item, namespaced by the source (its id,
 * else its name: two NDJSON files or API clients may both number their items from 1); else its
 * canonical URL; else its content hash. Two writes with the same identity are versions of one article.
 *
 * @example
 * identityOf({ sourceId: "s1", externalId: "guid-7", canonicalUrl: null, contentHash: "ab" }) // "x:s1\u0000guid-7"
 * identityOf({ sourceId: null, source: "Wire", externalId: "7", canonicalUrl: null, contentHash: "ab" }) // "x:@Wire\u00007"
 */
export function identityOf(w: Pick<ArticleWrite, "sourceId" | "externalId" | "canonicalUrl" | "contentHash"> & { source?: string | null }): string {
  if (w.externalId) return `x:${w.sourceId ?? (w.source ? `@${w.source}` : "")}\u0000${w.externalId}`;
  if (w.canonicalUrl) return `u:${w.canonicalUrl}`;
  return `h:${w.contentHash}`;
}

/**
 * The stable article id (16 hex digits) derived from the identity: the same article always gets
 * the same id, so that re-imports and re-polls are idempotent.
 *
 * @example
 * articleIdOf("u:https://example.com/a") // "…16 hex digits…"
 */
export function articleIdOf(identity: string): string {
  return hex16(`article\u0000${identity}`);
}

/**
 * The id of a new story started by the given article.
 *
 * @example
 * storyIdFor("2377ca0735ff724a") // "st_2377ca0735ff724a"
 */
export function storyIdFor(articleId: string): string {
  return `st_${articleId}`;
}

/**
 * A random id with a prefix, for rows that have no natural key (sources, alerts, keys).
 *
 * @example
 * newId("src") // "src_3f2a…"
 */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
}

/**
 * Normalises a time to ISO-8601 UTC (`2026-01-02T03:04:05.000Z`); null when absent or unreadable.
 *
 * @example
 * isoTime("2026-01-02 03:04:05Z") // "2026-01-02T03:04:05.000Z"
 */
export function isoTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * Like `isoTime`, but a bad time is an error (for query parameters such as `since` or `asOf`).
 *
 * @example
 * requireIsoTime("2026-01-02", "since") // "2026-01-02T00:00:00.000Z"
 */
export function requireIsoTime(value: string, name: string): string {
  const iso = isoTime(value);
  if (!iso) throw new ImpactwireError("store", "BAD_TIME", `${name} must be an ISO-8601 time, got "${value}"`, { status: 400 });
  return iso;
}

/**
 * Whole seconds used to order an article: its published time (no later than a day after it was
 * seen), else the time it was seen. Clamped to [0, 2^32).
 *
 * @example
 * sortSeconds("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z") // 1767225600
 */
export function sortSeconds(publishedAt: string | null, seenAt: string): number {
  const seen = Math.floor(Date.parse(seenAt) / 1000);
  const pub = publishedAt ? Math.floor(Date.parse(publishedAt) / 1000) : Number.NaN;
  const s = Number.isFinite(pub) ? Math.min(pub, (Number.isFinite(seen) ? seen : pub) + FUTURE_SLACK_SEC) : seen;
  return Math.max(0, Math.min(MAX_SECONDS, Number.isFinite(s) ? s : 0));
}

/**
 * The first sort_key of a time (for `since`/`until` bounds).
 *
 * @example
 * sortKeyAt("1970-01-01T00:00:01Z") // 1048576
 */
export function sortKeyAt(iso: string): number {
  const s = Math.floor(Date.parse(iso) / 1000);
  return Math.max(0, Math.min(MAX_SECONDS + 1, s)) * SLOTS_PER_SECOND;
}

export interface Cursor {
  /** sort the cursor belongs to */
  s: "time" | "impact" | "seq";
  /** sort_key (time, impact) or seq (seq) of the last item returned */
  k: number;
  /** impact of the last item (impact sort) */
  i?: number;
}

/**
 * Encodes a keyset position as an opaque cursor string.
 *
 * @example
 * encodeCursor({ s: "time", k: 123 }) // "eyJ…"
 */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

/**
 * Decodes a cursor given back by a client; a damaged or foreign cursor is a clear 400 error.
 *
 * @example
 * decodeCursor(encodeCursor({ s: "time", k: 5 }), "time") // { s: "time", k: 5 }
 */
export function decodeCursor(raw: string, sort: Cursor["s"]): Cursor {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch (err) {
    throw new ImpactwireError("store", "BAD_CURSOR", "the cursor is not one this server gave out", { status: 400, cause: err });
  }
  const o = c as Partial<Cursor> | null;
  const ok = o && typeof o === "object" && o.s === sort && Number.isSafeInteger(o.k) && (sort !== "impact" || typeof o.i === "number");
  if (!ok) throw new ImpactwireError("store", "BAD_CURSOR", `the cursor does not belong to a list sorted by ${sort}`, { status: 400 });
  return o as Cursor;
}

/** SimHash banding: 8 bands of 8 bits; two signatures within Hamming distance 7 always share a band. */
export const SIMHASH_BANDS = 8;

/**
 * The band keys of a 64-bit SimHash (16 hex digits): band index × 256 + the band's byte.
 *
 * @example
 * simhashBands("00000000000000ff") // [0, 256, 512, 768, 1024, 1280, 1536, 2047]
 */
export function simhashBands(simhash: string): number[] {
  const hex = simhash.padStart(16, "0").slice(-16);
  const out: number[] = [];
  for (let b = 0; b < SIMHASH_BANDS; b++) out.push(b * 256 + Number.parseInt(hex.slice(b * 2, b * 2 + 2), 16));
  return out;
}

/**
 * Number of differing bits between two 64-bit signatures written as 16 hex digits.
 *
 * @example
 * hammingHex("0000000000000000", "000000000000000f") // 4
 */
export function hammingHex(a: string, b: string): number {
  let n = 0;
  for (let from = 0; from < 16; from += 8) {
    let x = (Number.parseInt(a.slice(from, from + 8), 16) ^ Number.parseInt(b.slice(from, from + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      n++;
    }
  }
  return n;
}

/**
 * A 64-bit signature (16 hex digits) as two unsigned 32-bit halves.
 *
 * @example
 * signatureHalves("00000001000000ff") // [1, 255]
 */
export function signatureHalves(simhash: string): [number, number] {
  const hex = simhash.padStart(16, "0").slice(-16);
  return [Number.parseInt(hex.slice(0, 8), 16), Number.parseInt(hex.slice(8), 16)];
}

function popcount32(v: number): number {
  let x = v >>> 0;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Hamming distance between two signatures given as halves.
 *
 * @example
 * halvesDistance(0, 0, 0, 0xf) // 4
 */
export function halvesDistance(hiA: number, loA: number, hiB: number, loB: number): number {
  return popcount32(hiA ^ hiB) + popcount32(loA ^ loB);
}
