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
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    let w = m[0].toLowerCase();
    if (w.includes("’")) w = w.replace(/’/g, "'");
    if (w.endsWith("'s")) w = w.slice(0, -2);
    words.push(w);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { words, starts, ends };
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
  /** Prefix edges, keyed by their first three letters. */
  pre?: Map<string, Array<[string, Node<T>]>>;
  out?: T[];
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
    const key = prefix.slice(0, 3);
    let list = node.pre.get(key);
    if (!list) node.pre.set(key, (list = []));
    let found = list.find(([p]) => p === prefix);
    if (!found) list.push((found = [prefix, {}]));
    return found[1];
  }

  /** The longest phrase starting at token `i` (not crossing `limit`), or null. */
  longestAt(tokens: Tokens, i: number, limit = tokens.words.length): PhraseHit<T> | null {
    let best: PhraseHit<T> | null = null;
    const walk = (node: Node<T>, j: number): void => {
      if (node.out && (!best || j > best.to)) best = { from: i, to: j, payloads: node.out };
      if (j >= limit) return;
      const w = tokens.words[j]!;
      const exact = node.next?.get(w);
      if (exact) walk(exact, j + 1);
      const list = node.pre?.get(w.slice(0, 3));
      if (list) for (const [p, n] of list) if (w.startsWith(p)) walk(n, j + 1);
    };
    walk(this.root, i);
    return best;
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
    let longest = i;
    const walk = (node: Node<T>, j: number): void => {
      if (node.out && j > i) {
        out.push(node.out);
        if (j > longest) longest = j;
      }
      if (j >= limit) return;
      const w = tokens.words[j]!;
      const exact = node.next?.get(w);
      if (exact) walk(exact, j + 1);
      const list = node.pre?.get(w.slice(0, 3));
      if (list) for (const [p, n] of list) if (w.startsWith(p)) walk(n, j + 1);
    };
    walk(this.root, i);
    return longest;
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
