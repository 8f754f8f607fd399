/**
 * Turns what a user typed into a safe FTS5 query. The user's syntax is never passed through:
 * every whitespace-separated term becomes a quoted FTS5 string (so `a-b` is the phrase "a b",
 * `NEAR(`, `title:`, `AND`, `"` are plain words), terms are ANDed, and a trailing `*` asks for a
 * prefix match. Terms without a letter or digit are dropped.
 */

const MAX_TERMS = 16;
const MAX_TERM_CHARS = 64;

/**
 * The FTS5 MATCH expression for a user query; null when the query has no searchable word.
 *
 * @example
 * ftsQuery('apple "earnings" a-b NEAR( title:x') // '"apple" "earnings" "a-b" "NEAR" "title:x"'
 * ftsQuery("micro*") // '"micro"*'
 * ftsQuery("--") // null
 */
export function ftsQuery(q: string): string | null {
  const terms: string[] = [];
  for (const raw of q.normalize("NFC").split(/\s+/)) {
    if (terms.length >= MAX_TERMS) break;
    const prefix = /[\p{L}\p{N}]\*+$/u.test(raw);
    const cleaned = raw
      .replace(/["\u0000-\u001f]/g, " ")
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
      .slice(0, MAX_TERM_CHARS);
    if (!/[\p{L}\p{N}]/u.test(cleaned)) continue;
    terms.push(`"${cleaned}"${prefix ? "*" : ""}`);
  }
  return terms.length ? terms.join(" ") : null;
}

/**
 * The lower-cased words of a query, for matching outside FTS (point-in-time search over old revisions).
 *
 * @example
 * queryWords("Apple's a-b") // ["apple", "s", "a", "b"]
 */
export function queryWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS * 4);
}
