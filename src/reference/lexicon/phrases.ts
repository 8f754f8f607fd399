/**
 * Word tokens and a phrase trie: the matching machinery shared by the sentiment lexicon, the topic
 * taxonomy and the event triggers. A text is tokenised once (offsets, cached per document object) and
 * each token looked up once in the shared vocabulary (vocab.ts); every phrase list is then matched by
 * integer word and prefix ids, in one pass, longest phrase first. No string is made per token unless
 * `words` is read.
 *
 * Phrases are written as plain words ("raised guidance", "m&a"); a word ending in `*` matches by prefix
 * ("acqui*" matches "acquires", "acquisition"; at least three letters before the `*`).
 */
import { scanSpans, wordOf, type Spans } from "./scan.ts";
import { lookUp, prefixId, vocabVersion, wordId, type TokenIds } from "./vocab.ts";

/**
 * The word tokens of a text: offsets, vocabulary ids, and the words themselves (lower-cased, possessive
 * "'s" removed, curly apostrophes made straight), made only when asked for.
 */
export class Tokens implements Spans, TokenIds {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  src: string;
  wstart: Int32Array;
  wend: Int32Array;
  ids: Int32Array;
  preFrom: Int32Array;
  pre: Int32Array;
  version: number;
  private list: string[] | undefined;

  constructor(spans: Spans) {
    ({ count: this.count, starts: this.starts, ends: this.ends, src: this.src, wstart: this.wstart, wend: this.wend } = spans);
    ({ ids: this.ids, preFrom: this.preFrom, pre: this.pre, version: this.version } = lookUp(spans.src, spans.wstart, spans.wend, spans.count, spans.hashes));
  }

  /** The lower-cased words. */
  get words(): string[] {
    return (this.list ??= Array.from({ length: this.count }, (_, k) => wordOf(this, k)));
  }

  /** Looks the words up again when phrase lists compiled after the tokens added words to the vocabulary. */
  refresh(): this {
    if (this.version !== vocabVersion) ({ ids: this.ids, preFrom: this.preFrom, pre: this.pre, version: this.version } = lookUp(this.src, this.wstart, this.wend, this.count));
    return this;
  }
}

/**
 * Splits `text` into lower-cased word tokens with offsets ("M&A", "U.S", "3.5" and "didn't" stay whole;
 * hyphens split: "take-private" → "take", "private"), and looks them up in the vocabulary.
 *
 * @example
 * tokenize("Apple's shares fell").words // ["apple", "shares", "fell"]
 */
export function tokenize(text: string): Tokens {
  return new Tokens(scanSpans(text));
}

/**
 * The tokens, looked up again if the vocabulary grew since (see `Tokens.refresh`).
 *
 * @example
 * fresh(tokens).ids // ids under the current vocabulary
 */
export function fresh(tokens: Tokens): Tokens {
  return tokens.version === vocabVersion ? tokens : tokens.refresh();
}

const cache = new WeakMap<object, Tokens>();

/**
 * Tokens of a document, computed once per document object (stages share them).
 *
 * @example
 * tokensOf(doc) === tokensOf(doc) // true
 */
export function tokensOf(doc: { text: string }): Tokens {
  let t = cache.get(doc);
  if (!t) {
    t = tokenize(doc.text);
    cache.set(doc, t);
  }
  return fresh(t);
}

interface Node<T> {
  /** Exact-word edges by word id. */
  next: Map<number, Node<T>> | undefined;
  /** Bit `id & 31` set for each word id in `next`: most tokens take no edge, and this says so without the map. */
  mask: number;
  /** Prefix edges by prefix id. */
  pre: Map<number, Node<T>> | undefined;
  /** Creation order: prefix edges of one node are tried in the order they were added. */
  rank: number;
  out: T[] | undefined;
}

let ranks = 0;
/** Every node has every field from the start (one object shape, so the walk's property reads stay monomorphic). */
const newNode = <T>(): Node<T> => ({ next: undefined, mask: 0, pre: undefined, rank: ranks++, out: undefined });

export interface PhraseHit<T> {
  /** First token index of the phrase. */
  from: number;
  /** Token index after the phrase. */
  to: number;
  payloads: T[];
}

/**
 * A trie of word phrases with payloads, keyed by vocabulary ids.
 *
 * @example
 * const m = new PhraseMatcher<number>();
 * m.add("raised guidance", 2);
 * m.longestAt(tokenize("it raised guidance"), 1) // { from: 1, to: 3, payloads: [2] }
 */
export class PhraseMatcher<T> {
  private readonly root: Node<T> = newNode();
  /** The root's exact edges as a dense table by word id (most tokens start no phrase: one array read). */
  private first: Array<Node<T> | null> = [];
  size = 0;

  /** Adds a phrase; words are split like the text is (so "take-private" = "take private"). */
  add(phrase: string, payload: T): void {
    const words = phraseWords(phrase);
    if (words.length === 0) throw new Error(`lexicon: empty phrase "${phrase}"`);
    let node = this.root;
    for (const w of words) {
      if (w.endsWith("*")) node = prefixChild(node, w.slice(0, -1), phrase);
      else if (node === this.root) node = this.firstChild(wordId(w));
      else node = child(node, wordId(w));
    }
    (node.out ??= []).push(payload);
    this.size++;
  }

  private firstChild(id: number): Node<T> {
    while (this.first.length <= id) this.first.push(null);
    return (this.first[id] ??= newNode());
  }

  /**
   * Whether a phrase can start at token `i` of fresh tokens (its word or one of its prefixes opens one):
   * a cheap test that lets scans skip most tokens without a walk.
   *
   * @example
   * if (matcher.canStart(tokens, i)) payloads = matcher.matchAt(tokens, i, limit);
   */
  canStart(tokens: Tokens, i: number): boolean {
    const id = tokens.ids[i]!;
    if (id < this.first.length && this.first[id] !== null) return true;
    return this.root.pre !== undefined && tokens.preFrom[i]! < tokens.preFrom[i + 1]!;
  }

  /** The longest phrase starting at token `i` (not crossing `limit`), or null. */
  longestAt(tokens: Tokens, i: number, limit = tokens.count): PhraseHit<T> | null {
    const payloads = this.matchAt(tokens, i, limit);
    return payloads ? { from: i, to: this.bestTo, payloads } : null;
  }

  /**
   * The payloads of the longest phrase starting at token `i` (not crossing `limit`), or null; the token
   * index after it is then `matchEnd`. Like `longestAt` without an object per match.
   *
   * @example
   * const payloads = matcher.matchAt(tokens, i, limit);
   * if (payloads) i = matcher.matchEnd;
   */
  matchAt(tokens: Tokens, i: number, limit: number): T[] | null {
    this.bestTo = -1;
    this.bestOut = null;
    this.walkRoot(fresh(tokens), i, limit, null);
    return this.bestOut;
  }

  /** Token index after the phrase the last `matchAt` found. */
  get matchEnd(): number {
    return this.bestTo;
  }

  /**
   * Every phrase starting at token `i` (a phrase and the shorter ones inside it: "stake in", "stake"):
   * writes their payload lists into `out` from index 0 (how many: `collected`; when `out` is reused, the
   * entries after them are stale) and returns the token index after the longest, or `i` when none.
   *
   * @example
   * const found: number[][] = [];
   * const next = matcher.collectAt(tokens, 0, tokens.count, found);
   * for (let k = 0; k < matcher.collected; k++) use(found[k]);
   */
  collectAt(tokens: Tokens, i: number, limit: number, out: T[][]): number {
    this.bestTo = i;
    this.bestOut = null;
    this.collected = 0;
    this.walkRoot(fresh(tokens), i, limit, out);
    return this.bestTo;
  }

  /** How many payload lists the last `collectAt` wrote. */
  collected = 0;
  private bestTo = -1;
  private bestOut: T[] | null = null;

  private walkRoot(tokens: Tokens, i: number, limit: number, all: T[][] | null): void {
    if (i >= limit) return;
    const id = tokens.ids[i]!;
    const c = id < this.first.length ? this.first[id] : null;
    if (c) this.walk(c, tokens, i + 1, limit, all);
    if (this.root.pre && tokens.preFrom[i]! < tokens.preFrom[i + 1]!) this.walkPre(this.root.pre, tokens, i, limit, all);
  }

  /** Depth-first walk of the trie along the tokens (no closures: this runs for every token). */
  private walk(node: Node<T>, tokens: Tokens, j: number, limit: number, all: T[][] | null): void {
    if (node.out) {
      if (all) all[this.collected++] = node.out;
      if (j > this.bestTo) {
        this.bestTo = j;
        this.bestOut = node.out;
      }
    }
    if (j >= limit) return;
    const id = tokens.ids[j]!;
    if (((node.mask >>> (id & 31)) & 1) !== 0) {
      const exact = node.next!.get(id);
      if (exact) this.walk(exact, tokens, j + 1, limit, all);
    }
    if (node.pre && tokens.preFrom[j]! < tokens.preFrom[j + 1]!) this.walkPre(node.pre, tokens, j, limit, all);
  }

  /** The prefix edges token `j` takes, in the order they were added. */
  private walkPre(pre: Map<number, Node<T>>, tokens: Tokens, j: number, limit: number, all: T[][] | null): void {
    const a = tokens.preFrom[j]!;
    const b = tokens.preFrom[j + 1]!;
    if (b - a === 1) {
      const c = pre.get(tokens.pre[a]!);
      if (c) this.walk(c, tokens, j + 1, limit, all);
      return;
    }
    const kids: Array<Node<T>> = [];
    for (let k = a; k < b; k++) {
      const c = pre.get(tokens.pre[k]!);
      if (c) kids.push(c);
    }
    if (kids.length > 1) kids.sort((x, y) => x.rank - y.rank);
    for (const c of kids) this.walk(c, tokens, j + 1, limit, all);
  }

  /**
   * Every longest match in tokens [from, to), left to right, without overlaps.
   *
   * @example
   * matcher.scan(tokens, 0, tokens.count, (hit) => console.log(hit.payloads));
   */
  scan(tokens: Tokens, from: number, to: number, onHit: (hit: PhraseHit<T>) => void): void {
    for (let i = from; i < to; ) {
      const hit = this.longestAt(tokens, i, to);
      if (hit) {
        onHit(hit);
        i = hit.to;
      } else i++;
    }
  }
}

function child<T>(node: Node<T>, id: number): Node<T> {
  node.next ??= new Map();
  let n = node.next.get(id);
  if (!n) node.next.set(id, (n = newNode()));
  node.mask |= 1 << (id & 31);
  return n;
}

function prefixChild<T>(node: Node<T>, prefix: string, phrase: string): Node<T> {
  if (prefix.length < 3) throw new Error(`lexicon: prefix too short in "${phrase}" (three letters at least before *)`);
  node.pre ??= new Map();
  const id = prefixId(prefix);
  let n = node.pre.get(id);
  if (!n) node.pre.set(id, (n = newNode()));
  return n;
}

/**
 * The words of a phrase as the tokenizer would produce them, keeping a trailing `*`.
 *
 * @example
 * phraseWords("Take-private*") // ["take", "private*"]
 */
export function phraseWords(phrase: string): string[] {
  const out: string[] = [];
  for (const part of phrase.trim().split(/[\s-]+/)) {
    if (!part) continue;
    const star = part.endsWith("*");
    const body = star ? part.slice(0, -1) : part;
    const toks = tokenize(body).words;
    if (toks.length === 0) continue;
    if (star) toks[toks.length - 1] += "*";
    out.push(...toks);
  }
  return out;
}
