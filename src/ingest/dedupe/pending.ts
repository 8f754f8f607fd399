/**
 * Articles placed in a story but not yet committed (a parallel import enriches several at once):
 * story placement of the next article must see them, as if they were already stored.
 */
import type { Story } from "../../contract/enrichment.ts";
import type { ArticleWrite } from "../../store/store.ts";
import { articleIdOf, identityOf, sortSeconds } from "../../store/keys.ts";

type Keys = Pick<ArticleWrite, "sourceId" | "source" | "externalId" | "canonicalUrl" | "contentHash" | "simhash" | "publishedAt" | "seenAt">;

interface Entry {
  keys: string[];
  id: string;
  storyId: string;
  simhash: string;
  /** Sort time in seconds (published, else seen), as the store's band index keeps it. */
  seconds: number;
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
    const keys = this.keysOf(w);
    this.entries.set(ticket, { keys, id: articleIdOf(identityOf(w)), storyId: story.id, simhash: w.simhash, seconds: sortSeconds(w.publishedAt, w.seenAt) });
    for (const k of keys) this.keys.set(k, ticket);
    const s = this.stories.get(story.id);
    if (s) s.count++;
    else this.stories.set(story.id, { count: 1, firstSeenAt: story.firstSeenAt ?? firstSeenAt });
  }

  remove(ticket: number): void {
    const e = this.entries.get(ticket);
    if (!e) return;
    this.entries.delete(ticket);
    for (const k of e.keys) if (this.keys.get(k) === ticket) this.keys.delete(k);
    const s = this.stories.get(e.storyId);
    if (s && --s.count === 0) this.stories.delete(e.storyId);
  }

  /** In-flight articles as near-duplicate candidates. */
  candidates(): { id: string; storyId: string; simhash: string; seconds: number }[] {
    return [...this.entries.values()].map((e) => ({ id: e.id, storyId: e.storyId, simhash: e.simhash, seconds: e.seconds }));
  }

  /** In-flight articles of a story, and the story's first-seen time when it exists only in flight. */
  story(id: string): { count: number; firstSeenAt: string } | null {
    return this.stories.get(id) ?? null;
  }

  get size(): number {
    return this.entries.size;
  }
}
