/**
 * Near-duplicate candidates from memory: the SimHash signatures of the stored articles (from a time
 * floor on), grouped by band, so that a lookup compares a few hundred integers in JavaScript instead
 * of running a SQL function per candidate row.
 *
 * The index follows the database, never the writes it is told about: before each lookup it reads the
 * articles whose `seq` is above the last one it has seen (every create, revision and re-enrichment
 * takes a new `seq`), so writes by another process (`serve` beside `import`) are seen, and so are
 * this connection's uncommitted writes. A rollback (which also gives `seq` numbers back) empties the
 * index; it is rebuilt from the database at the next lookup.
 */
import { SIMHASH_BANDS, halvesDistance, signatureHalves, SLOTS_PER_SECOND } from "../keys.ts";
import type { Query } from "./query.ts";

interface Entry {
  pk: number;
  id: string;
  storyId: string;
  simhash: string;
  /** Sort time in whole seconds (sort_key / 2^20), the time the window is applied to. */
  ts: number;
  hi: number;
  lo: number;
  bands: number[];
  /** Number of the last lookup that looked at this entry (each is counted once per lookup). */
  mark: number;
}

interface Row {
  pk: number;
  id: string;
  story_id: string;
  simhash: string;
  sort_key: number;
  seq: number;
}

export interface SimilarRow {
  id: string;
  storyId: string;
  simhash: string;
}

/** Above this many entries, those older than the current lookup's window are dropped. */
const PRUNE_ABOVE = 60_000;
const COLUMNS = "pk, id, story_id, simhash, sort_key, seq";

function bandsOf(hi: number, lo: number): number[] {
  const out: number[] = [];
  for (let b = 0; b < SIMHASH_BANDS; b++) {
    const half = b < 4 ? hi : lo;
    out.push(b * 256 + ((half >>> (24 - 8 * (b % 4))) & 0xff));
  }
  return out;
}

/**
 * The in-memory band index of one connection.
 *
 * @example
 * const index = new SimilarIndex(q);
 * index.find("9f3c…", 1767225600, 13) // [{ id, storyId, simhash }]
 */
export class SimilarIndex {
  private readonly byPk = new Map<number, Entry>();
  private readonly bands = new Map<number, Set<Entry>>();
  /** Every article with ts ≥ floor is in the index (as of lastSeq). */
  private floor = Number.POSITIVE_INFINITY;
  private lastSeq = -1;
  private rollbacks = 0;
  private lookups = 0;
  private pruneAbove = PRUNE_ABOVE;

  constructor(private readonly q: Query) {}

  /**
   * Stored articles ordered at or after `sinceSeconds` whose signature is at most `maxDistance`
   * bits from `simhash` and shares a band with it (at most 1000, by article order of storage).
   */
  find(simhash: string, sinceSeconds: number, maxDistance: number): SimilarRow[] {
    this.sync(sinceSeconds);
    const [hi, lo] = signatureHalves(simhash);
    const mark = ++this.lookups;
    const out: Entry[] = [];
    for (const band of bandsOf(hi, lo)) {
      for (const e of this.bands.get(band) ?? []) {
        if (e.mark === mark || e.ts < sinceSeconds) continue;
        e.mark = mark;
        if (halvesDistance(hi, lo, e.hi, e.lo) <= maxDistance) out.push(e);
      }
    }
    out.sort((a, b) => a.pk - b.pk);
    return out.slice(0, 1000).map((e) => ({ id: e.id, storyId: e.storyId, simhash: e.simhash }));
  }

  /** Forgets everything (after a rollback); the next lookup reloads from the database. */
  reset(): void {
    this.byPk.clear();
    this.bands.clear();
    this.floor = Number.POSITIVE_INFINITY;
    this.lastSeq = -1;
    this.pruneAbove = PRUNE_ABOVE;
  }

  private sync(since: number): void {
    if (this.q.rollbacks !== this.rollbacks) {
      this.rollbacks = this.q.rollbacks;
      this.reset();
    }
    if (this.lastSeq < 0) this.lastSeq = this.q.value<number | null>("SELECT max(seq) FROM articles") ?? 0;
    else for (const r of this.q.all<Row>(`SELECT ${COLUMNS} FROM articles WHERE seq > ? ORDER BY seq`, this.lastSeq)) this.put(r);
    if (since < this.floor) {
      const upper = Number.isFinite(this.floor) ? this.floor * SLOTS_PER_SECOND : Number.MAX_SAFE_INTEGER;
      for (const r of this.q.all<Row>(`SELECT ${COLUMNS} FROM articles WHERE sort_key >= ? AND sort_key < ?`, since * SLOTS_PER_SECOND, upper)) this.put(r);
      this.floor = since;
    }
    if (this.byPk.size > this.pruneAbove) this.prune(since);
  }

  private put(r: Row): void {
    if (r.seq > this.lastSeq) this.lastSeq = r.seq;
    this.drop(r.pk);
    const [hi, lo] = signatureHalves(r.simhash);
    const e: Entry = { pk: r.pk, id: r.id, storyId: r.story_id, simhash: r.simhash, ts: Math.floor(r.sort_key / SLOTS_PER_SECOND), hi, lo, bands: bandsOf(hi, lo), mark: 0 };
    this.byPk.set(e.pk, e);
    for (const b of e.bands) {
      let set = this.bands.get(b);
      if (!set) this.bands.set(b, (set = new Set()));
      set.add(e);
    }
  }

  private drop(pk: number): void {
    const old = this.byPk.get(pk);
    if (!old) return;
    this.byPk.delete(pk);
    for (const b of old.bands) this.bands.get(b)?.delete(old);
  }

  private prune(since: number): void {
    for (const e of [...this.byPk.values()]) if (e.ts < since) this.drop(e.pk);
    this.floor = Math.max(this.floor, since);
    // When the window itself is that large, prune again only once it has doubled (not at every lookup).
    this.pruneAbove = Math.max(PRUNE_ABOVE, 2 * this.byPk.size);
  }
}
