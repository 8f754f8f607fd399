/**
 * Word tokens and a phrase trie: the matching machinery shared by the sentiment lexicon and the topic
 * taxonomy. A text is tokenised once (lower-cased words with offsets, cached per text object holder) and
 * every phrase list is matched against the tokens in one pass, longest phrase first.
 *
 * Phrases are written as plain words ("raised guidance", "m&a"); a word ending in `*` matches by prefix
 * ("acqui*" matches "acquires", "acquisition"; at least three letters before the `*`).
 */

export interface Tokens {
  /** Lower-cased words, possessive "'s" removed, curly apostrophes made straight. */
  words: string[];
  starts: number[];
  ends: number[];
  /** Per token: `head(word)` (0 for words under three letters), the key of every prefix table. */
  heads: Float64Array;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’&.][\p{L}\p{N}]+)*/gu;

/**
 * Splits `text` into lower-cased word tokens with offsets ("M&A", "U.S", "3.5" and "didn't" stay whole;
 * hyphens split: "take-private" → "take", "private").
 *
 * @example
 * tokenize("Apple's shares fell").words // ["apple", "shares", "fell"]
 */
export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length; // lower-casing rarely changes length ("İ")
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const end = m.index + m[0].length;
    let w = sameLength ? lower.slice(m.index, end) : m[0].toLowerCase();
    if (w.includes("’")) w = w.replace(/’/g, "'");
    if (w.endsWith("'s")) w = w.slice(0, -2);
    words.push(w);
    starts.push(m.index);
    ends.push(end);
  }
  const heads = new Float64Array(words.length);
  for (let i = 0; i < words.length; i++) if (words[i]!.length >= 3) heads[i] = head(words[i]!);
  return { words, starts, ends, heads };
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
  return t;
}

interface Node<T> {
  next?: Map<string, Node<T>>;
  /** Prefix edges, keyed by their first three letters (as a number: no string is made per lookup). */
  pre?: Map<number, Array<[string, Node<T>]>>;
  out?: T[];
}

/**
 * The first three UTF-16 units of a word as one number (words of three letters or more), a key for
 * prefix tables that needs no string per lookup.
 *
 * @example
 * head("acquires") === head("acquisition") // true
 */
export function head(w: string): number {
  return w.charCodeAt(0) * 4294967296 + w.charCodeAt(1) * 65536 + w.charCodeAt(2);
}

export interface PhraseHit<T> {
  /** First token index of the phrase. */
  from: number;
  /** Token index after the phrase. */
  to: number;
  payloads: T[];
}

/**
 * A trie of word phrases with payloads.
 *
 * @example
 * const m = new PhraseMatcher<number>();
 * m.add("raised guidance", 2);
 * m.longestAt(tokenize("it raised guidance"), 1) // { from: 1, to: 3, payloads: [2] }
 */
export class PhraseMatcher<T> {
  private readonly root: Node<T> = {};
  size = 0;

  /** Adds a phrase; words are split like the text is (so "take-private" = "take private"). */
  add(phrase: string, payload: T): void {
    const words = phraseWords(phrase);
    if (words.length === 0) throw new Error(`lexicon: empty phrase "${phrase}"`);
    let node = this.root;
    for (const w of words) node = w.endsWith("*") ? this.prefixChild(node, w.slice(0, -1), phrase) : child(node, w);
    (node.out ??= []).push(payload);
    this.size++;
  }

  private prefixChild(node: Node<T>, prefix: string, phrase: string): Node<T> {
    if (prefix.length < 3) throw new Error(`lexicon: prefix too short in "${phrase}" (three letters at least before *)`);
    node.pre ??= new Map();
    const key = head(prefix);
    let list = node.pre.get(key);
    if (!list) node.pre.set(key, (list = []));
    let found = list.find(([p]) => p === prefix);
    if (!found) list.push((found = [prefix, {}]));
    return found[1];
  }

  /** The longest phrase starting at token `i` (not crossing `limit`), or null. */
  longestAt(tokens: Tokens, i: number, limit = tokens.words.length): PhraseHit<T> | null {
    this.bestTo = -1;
    this.bestOut = null;
    this.walk(this.root, tokens, i, limit, null);
    return this.bestOut ? { from: i, to: this.bestTo, payloads: this.bestOut } : null;
  }

  /**
   * Every phrase starting at token `i` (a phrase and the shorter ones inside it: "stake in", "stake"):
   * pushes their payload lists into `out` and returns the token index after the longest, or `i` when none.
   *
   * @example
   * const found: number[][] = [];
   * const next = matcher.collectAt(tokens, 0, tokens.words.length, found);
   */
  collectAt(tokens: Tokens, i: number, limit: number, out: T[][]): number {
    this.bestTo = i;
    this.bestOut = null;
    this.walk(this.root, tokens, i, limit, out);
    return this.bestTo;
  }

  private bestTo = -1;
  private bestOut: T[] | null = null;

  /** Depth-first walk of the trie along the tokens (no closures: this runs for every token). */
  private walk(node: Node<T>, tokens: Tokens, j: number, limit: number, all: T[][] | null): void {
    if (node.out) {
      if (all) all.push(node.out);
      if (j > this.bestTo) {
        this.bestTo = j;
        this.bestOut = node.out;
      }
    }
    if (j >= limit) return;
    const w = tokens.words[j]!;
    if (node.next) {
      const exact = node.next.get(w);
      if (exact) this.walk(exact, tokens, j + 1, limit, all);
    }
    if (node.pre && w.length >= 3) {
      const list = node.pre.get(tokens.heads[j]!);
      if (list) for (let k = 0; k < list.length; k++) if (w.startsWith(list[k]![0])) this.walk(list[k]![1], tokens, j + 1, limit, all);
    }
  }

  /**
   * Every longest match in tokens [from, to), left to right, without overlaps.
   *
   * @example
   * matcher.scan(tokens, 0, tokens.words.length, (hit) => console.log(hit.payloads));
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

function child<T>(node: Node<T>, w: string): Node<T> {
  node.next ??= new Map();
  let n = node.next.get(w);
  if (!n) node.next.set(w, (n = {}));
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
