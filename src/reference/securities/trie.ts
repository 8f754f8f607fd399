/**
 * A token trie: the multi-pattern automaton over all aliases. Each edge is one token key; a node that
 * ends an alias holds its pattern index. Matching walks the trie from each token of the text, so one
 * pass over the text finds every alias occurrence in O(tokens × longest alias).
 */

export interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  /** Pattern index ending here, or -1. */
  pattern: number;
}

/**
 * Builds the trie from the pattern keys (space-joined token keys).
 *
 * @example
 * const root = buildTrie(["amazon web services", "amazon"]);
 * matchAt(root, ["amazon", "web", "services"], 0) // [{ pattern: 1, length: 1 }, { pattern: 0, length: 3 }]
 */
export function buildTrie(keys: readonly string[]): TrieNode {
  const root: TrieNode = { next: new Map(), pattern: -1 };
  for (let p = 0; p < keys.length; p++) {
    let node = root;
    for (const part of keys[p]!.split(" ")) {
      node.next ??= new Map();
      let child = node.next.get(part);
      if (!child) {
        child = { next: undefined, pattern: -1 };
        node.next.set(part, child);
      }
      node = child;
    }
    if (node.pattern < 0) node.pattern = p;
  }
  return root;
}

export interface TrieMatch {
  pattern: number;
  /** Number of tokens matched. */
  length: number;
}

/**
 * All patterns that start at token `i` (shortest first).
 *
 * @example
 * matchAt(buildTrie(["bank of america"]), ["bank", "of", "america", "said"], 0) // [{ pattern: 0, length: 3 }]
 */
export function matchAt(root: TrieNode, keys: readonly string[], i: number): TrieMatch[] {
  let out: TrieMatch[] | undefined;
  let node: TrieNode | undefined = root;
  for (let j = i; j < keys.length && node?.next; j++) {
    node = node.next.get(keys[j]!);
    if (!node) break;
    if (node.pattern >= 0) (out ??= []).push({ pattern: node.pattern, length: j - i + 1 });
  }
  return out ?? NONE;
}

const NONE: TrieMatch[] = [];
