/**
 * Articles placed in a story but not yet committed (a parallel import enriches several at once):
 * story placement of the next article must see them, as if they were already stored.
 */
import type { Story } from "../../contract/enrichment.ts";
import type { ArticleWrite } from "../../store/store.ts";
import { articleIdOf, halvesDistance, identityOf, signatureHalves, simhashBands, sortSeconds } from "../../store/keys.ts";

type Keys = Pick<ArticleWrite, "sourceId" | "source" | "externalId" | "canonicalUrl" | "contentHash" | "simhash" | "publishedAt" | "seenAt">;

interface Entry {
  ticket: number;
  keys: string[];
  id: string;
  storyId: string;
  simhash: string;
  /** The signature as two 32-bit halves (distances are computed on integers). */
  hi: number;
  lo: number;
  bands: number[];
  /** Sort time in seconds (published, else seen), as the store's band index keeps it. */
  seconds: number;
  /** The last candidates() call that saw this entry (each entry is compared once per call). */
  mark: number;
}

/** An in-flight near-duplicate candidate, with its distance from the probe. */
export interface PendingCandidate {
  id: string;
  storyId: string;
  simhash: string;
  distance: number;
}

/**
 * The in-flight set, keyed by a caller's ticket (e.g. the line number).
 *
 * @example
 * const pending = new PendingSet();
 * pending.add(17, write, story);
 * pending.remove(17); // once committed
 */
export class PendingSet {
  private readonly entries = new Map<number, Entry>();
  private readonly keys = new Map<string, number>();
  private readonly stories = new Map<string, { count: number; firstSeenAt: string }>();
  /** SimHash band key → in-flight articles with that band (like the store's band index). */
  private readonly bands = new Map<number, Set<Entry>>();
  private calls = 0;

  private keysOf(w: Keys): string[] {
    const out = [`i:${identityOf(w)}`, `h:${w.contentHash}`];
    if (w.canonicalUrl) out.push(`u:${w.canonicalUrl}`);
    return out;
  }

  /** True when an in-flight article has the same identity, text or canonical URL (it must be stored first). */
  conflicts(w: Keys): boolean {
    return this.keysOf(w).some((k) => this.keys.has(k));
  }

  add(ticket: number, w: Keys, story: Story, firstSeenAt: string): void {
    this.remove(ticket);
    const keys = this.keysOf(w);
    const [hi, lo] = signatureHalves(w.simhash);
    const bands = simhashBands(w.simhash);
    const entry: Entry = { ticket, keys, id: articleIdOf(identityOf(w)), storyId: story.id, simhash: w.simhash, hi, lo, bands, seconds: sortSeconds(w.publishedAt, w.seenAt), mark: 0 };
    this.entries.set(ticket, entry);
    for (const k of keys) this.keys.set(k, ticket);
    for (const b of bands) {
      let set = this.bands.get(b);
      if (!set) this.bands.set(b, (set = new Set()));
      set.add(entry);
    }
    const s = this.stories.get(story.id);
    if (s) s.count++;
    else this.stories.set(story.id, { count: 1, firstSeenAt: story.firstSeenAt ?? firstSeenAt });
  }

  remove(ticket: number): void {
    const e = this.entries.get(ticket);
    if (!e) return;
    this.entries.delete(ticket);
    for (const k of e.keys) if (this.keys.get(k) === ticket) this.keys.delete(k);
    for (const b of e.bands) {
      const set = this.bands.get(b);
      set?.delete(e);
      if (set?.size === 0) this.bands.delete(b);
    }
    const s = this.stories.get(e.storyId);
    if (s && --s.count === 0) this.stories.delete(e.storyId);
  }

  /**
   * In-flight articles sharing a SimHash band with `simhash`, at most `maxDistance` bits from it,
   * ordered at or after `sinceSeconds` (the store's rule), in ticket (line) order: the nearest
   * neighbour is chosen in candidate order on a tie, so this order must be the one the store gives
   * (storage order), or a parallel import would put an article equally near two stories in another
   * story than a sequential import does.
   */
  candidates(simhash: string, sinceSeconds: number, maxDistance = 64): PendingCandidate[] {
    const [hi, lo] = signatureHalves(simhash);
    const mark = ++this.calls;
    const found: Entry[] = [];
    for (const b of simhashBands(simhash)) {
      for (const e of this.bands.get(b) ?? []) {
        if (e.mark === mark) continue;
        e.mark = mark;
        if (e.seconds >= sinceSeconds && halvesDistance(hi, lo, e.hi, e.lo) <= maxDistance) found.push(e);
      }
    }
    found.sort((a, b) => a.ticket - b.ticket);
    return found.map((e) => ({ id: e.id, storyId: e.storyId, simhash: e.simhash, distance: halvesDistance(hi, lo, e.hi, e.lo) }));
  }

  /** In-flight articles of a story, and the story's first-seen time when it exists only in flight. */
  story(id: string): { count: number; firstSeenAt: string } | null {
    return this.stories.get(id) ?? null;
  }

  get size(): number {
    return this.entries.size;
  }
}
