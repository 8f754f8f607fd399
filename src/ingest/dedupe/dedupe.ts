/**
 * Story assignment: an arriving article joins the story of its nearest recent neighbour when their
 * SimHashes differ in at most `maxDistance` bits (candidates come from the store's banded index),
 * else it starts a new story. Novelty comes from the article's place in its story.
 */
import type { Story } from "../../contract/enrichment.ts";
import type { Store } from "../../store/store.ts";
import { hamming } from "./simhash.ts";
import type { PendingSet } from "./pending.ts";

/** Largest Hamming distance (of 64 bits) at which two articles are the same story. Measured in test/ingest/dedupe.test.ts (same story 8–11 bits apart, other stories 28+). */
export const NEAR_DUPLICATE_BITS = 13;
/** How far back (from the article's time) near-duplicates are looked for. */
export const DEDUPE_WINDOW_DAYS = 3;

export interface NearMatch {
  articleId: string;
  storyId: string;
  distance: number;
}

/**
 * The nearest stored article within `maxDistance` bits, among those at most `windowDays` older.
 *
 * @example
 * await findNearDuplicate(store, "9f3c…", "2026-03-01T10:00:00.000Z") // { articleId, storyId, distance: 7 } | null
 */
export async function findNearDuplicate(
  store: Pick<Store, "findSimilar">,
  signature: string,
  atIso: string,
  options: { maxDistance?: number; windowDays?: number; pending?: PendingSet } = {},
): Promise<NearMatch | null> {
  const max = options.maxDistance ?? NEAR_DUPLICATE_BITS;
  const sinceMs = Date.parse(atIso) - (options.windowDays ?? DEDUPE_WINDOW_DAYS) * 86_400_000;
  const since = new Date(sinceMs).toISOString();
  let best: NearMatch | null = null;
  const consider = (c: { id: string; storyId: string }, d: number): void => {
    if (d <= max && (!best || d < best.distance)) best = { articleId: c.id, storyId: c.storyId, distance: d };
  };
  // Stored candidates first, then in-flight ones (later lines), each in storage order: on a tie the
  // earlier article wins, as in a sequential import.
  for (const c of await store.findSimilar(signature, since, max)) consider(c, hamming(signature, c.simhash));
  // In-flight articles are held to the same rule as stored ones: in the window and sharing a band.
  for (const c of options.pending?.candidates(signature, Math.floor(sinceMs / 1000), max) ?? []) consider(c, c.distance);
  return best;
}

/**
 * Novelty of the article that comes after `earlier` articles of the same story: 1 for the first,
 * then 1/2, 1/3… (a repeat of known news moves less).
 *
 * @example
 * noveltyFor(0) // 1
 * noveltyFor(2) // 0.333
 */
export function noveltyFor(earlier: number): number {
  return Math.round((1 / (1 + Math.max(0, earlier))) * 1000) / 1000;
}

/**
 * The story context given to the enrichment engine.
 *
 * @example
 * storyContext("st_ab", 3, "2026-03-01T10:00:00.000Z", 2) // { id: "st_ab", size: 3, firstSeenAt: "…", novelty: 0.333 }
 */
export function storyContext(id: string, size: number, firstSeenAt: string, earlier: number): Story {
  return { id, size: Math.max(1, size), firstSeenAt, novelty: noveltyFor(earlier) };
}
