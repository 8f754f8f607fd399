/**
 * Near-duplicate candidates from memory: the SimHash signatures of the stored articles (from a time
 * floor on), grouped by band, so that a lookup compares integers in typed arrays instead of running
 * a SQL function per candidate row (a band of the generated corpus holds ~160 articles of 12,000:
 * ~1,300 candidates per lookup).
 *
 * The index follows the database, never the writes it is told about: before each lookup it reads the
 * articles whose `seq` is above the last one it has seen (every create, revision and re-enrichment
 * takes a new `seq`), so writes by another process (`serve` beside `import`) are seen, and so are
 * this connection's uncommitted writes. A rollback (which also gives `seq` numbers back) empties the
 * index; it is rebuilt from the database at the next lookup.
 */
import { SIMHASH_BANDS, signatureHalves, SLOTS_PER_SECOND } from "../keys.ts";
import type { Query } from "./query.ts";

interface Row {
  pk: number;
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
const BAND_KEYS = SIMHASH_BANDS * 256;
const COLUMNS = "pk, simhash, sort_key, seq";

function popcount32(v: number): number {
  let x = v >>> 0;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function bandKey(hi: number, lo: number, b: number): number {
  return b * 256 + (((b < 4 ? hi : lo) >>> (24 - 8 * (b % 4))) & 0xff);
}

function grow(a: Uint32Array, need: number): Uint32Array {
  if (need <= a.length) return a;
  const out = new Uint32Array(Math.max(need, a.length * 2, 16));
  out.set(a);
  return out;
}

/** Signatures and their metadata by slot (columns), and for each band key the slots holding it. */
class Slots {
  ts = new Uint32Array(1024);
  hi = new Uint32Array(1024);
  lo = new Uint32Array(1024);
  mark = new Uint32Array(1024);
  /** Article pk of each slot; 0 once the slot is dead (pks start at 1). */
  pk = new Uint32Array(1024);
  /** Slots used (live and dead). */
  used = 0;
  readonly bySlot = new Map<number, number>();
  buckets: Uint32Array[] = Array.from({ length: BAND_KEYS }, () => new Uint32Array(0));
  lengths = new Uint32Array(BAND_KEYS);

  add(pk: number, ts: number, hi: number, lo: number): void {
    const slot = this.used++;
    if (slot >= this.ts.length) this.widen(slot * 2);
    this.ts[slot] = ts;
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.pk[slot] = pk;
    this.bySlot.set(pk, slot);
    for (let b = 0; b < SIMHASH_BANDS; b++) {
      const k = bandKey(hi, lo, b);
      const n = this.lengths[k]!;
      this.buckets[k] = grow(this.buckets[k]!, n + 1);
      this.buckets[k]![n] = slot;
      this.lengths[k] = n + 1;
    }
  }

  remove(pk: number): void {
    const slot = this.bySlot.get(pk);
    if (slot === undefined) return;
    this.bySlot.delete(pk);
    this.pk[slot] = 0;
  }

  private widen(size: number): void {
    for (const k of ["ts", "hi", "lo", "mark", "pk"] as const) {
      const a = new Uint32Array(size);
      a.set(this[k]);
      this[k] = a;
    }
  }
}

/**
 * The in-memory band index of one connection.
 *
 * @example
 * const index = new SimilarIndex(q);
 * index.find("9f3c…", 1767225600, 13) // [{ id, storyId, simhash }]
 */
export class SimilarIndex {
  private s = new Slots();
  /** Every article with ts ≥ floor is in the index (as of lastSeq). */
  private floor = Number.POSITIVE_INFINITY;
  private lastSeq = -1;
  private rollbacks = 0;
  private lookups = 0;
  private pruneAbove = PRUNE_ABOVE;

  constructor(private readonly q: Query) {}

  /**
   * Stored articles ordered at or after `sinceSeconds` whose signature is at most `maxDistance`
   * bits from `simhash` and shares a band with it (at most 1000, in storage order).
   */
  find(simhash: string, sinceSeconds: number, maxDistance: number): SimilarRow[] {
    this.sync(sinceSeconds);
    const [hi, lo] = signatureHalves(simhash);
    const { ts, mark, pk, buckets, lengths } = this.s;
    const his = this.s.hi;
    const los = this.s.lo;
    const m = ++this.lookups >>> 0;
    const found: number[] = [];
    for (let b = 0; b < SIMHASH_BANDS; b++) {
      const k = bandKey(hi, lo, b);
      const slots = buckets[k]!;
      for (let i = 0, n = lengths[k]!; i < n; i++) {
        const slot = slots[i]!;
        if (mark[slot] === m || ts[slot]! < sinceSeconds || pk[slot] === 0) continue;
        mark[slot] = m;
        if (popcount32(hi ^ his[slot]!) + popcount32(lo ^ los[slot]!) <= maxDistance) found.push(pk[slot]!);
      }
    }
    found.sort((x, y) => x - y);
    // Only the matches are read (a few per lookup): the index keeps no strings, ~60 bytes per article.
    return found.slice(0, 1000).map((k) => this.q.get<SimilarRow>("SELECT id, story_id AS storyId, simhash FROM articles WHERE pk = ?", k)!);
  }

  /** Forgets everything (after a rollback); the next lookup reloads from the database. */
  reset(): void {
    this.s = new Slots();
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
    if (this.s.used > this.pruneAbove) this.prune(since);
  }

  private put(r: Row): void {
    if (r.seq > this.lastSeq) this.lastSeq = r.seq;
    this.s.remove(r.pk);
    const [hi, lo] = signatureHalves(r.simhash);
    this.s.add(r.pk, Math.floor(r.sort_key / SLOTS_PER_SECOND), hi, lo);
  }

  /** Rebuilds the slots from the live entries in the window (drops older ones and dead slots). */
  private prune(since: number): void {
    const old = this.s;
    this.s = new Slots();
    for (let slot = 0; slot < old.used; slot++) {
      if (old.pk[slot] !== 0 && old.ts[slot]! >= since) this.s.add(old.pk[slot]!, old.ts[slot]!, old.hi[slot]!, old.lo[slot]!);
    }
    this.floor = Math.max(this.floor, since);
    // When the window itself is that large, prune again only once it has doubled (not at every lookup).
    this.pruneAbove = Math.max(PRUNE_ABOVE, 2 * this.s.used);
  }
}
