/**
 * Word tokens for alias matching. The same tokenizer reads alias text (at build time) and article text
 * (at link time), so that an alias matches exactly the token sequence it was compiled from.
 *
 * A token is a run of letters/digits, possibly joined by `.`, `&`, `'` without spaces ("Amazon.com",
 * "AT&T", "O'Reilly"); a free-standing `&` and a hyphen between two words are tokens of their own, so
 * that "Microsoft-OpenAI" gives `microsoft - openai` and "meta-analysis" gives `meta - analysis`.
 * The key is lower-case with a trailing possessive removed ("Microsoft's" → `microsoft`).
 */

export interface Token {
  start: number;
  /** End of the token in the text (exclusive), possessive included. */
  end: number;
  /** Lower-case key, possessive stripped. */
  key: string;
  /** Surface form as written (possessive stripped). */
  raw: string;
  /** First character is an upper-case letter or a digit. */
  cap: boolean;
  /** At least two letters, all upper-case ("AMZN", "IBM"). */
  upper: boolean;
  /** Index of the sentence the token is in (set by the linker; -1 for alias text). */
  sentence: number;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:[.&'’][\p{L}\p{N}]+)*|&|(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu;
const POSSESSIVE_RE = /['’]s$/i;
const UPPER_RE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/**
 * Splits text into tokens with offsets.
 *
 * @example
 * tokenize("Microsoft's AWS-backed plan").map((t) => t.key) // ["microsoft", "aws", "-", "backed", "plan"]
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const re = new RegExp(TOKEN_RE.source, "gu");
  re.lastIndex = from;
  const slice = to === text.length ? text : text.slice(0, to);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    let raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (raw.length > 2 && POSSESSIVE_RE.test(raw)) raw = raw.slice(0, -2);
    const c = raw.charCodeAt(0);
    const first = raw[0]!;
    const cap = (c >= 48 && c <= 57) || (first !== first.toLowerCase() && first === first.toUpperCase());
    out.push({ start, end, key: raw.toLowerCase().replace(/’/g, "'"), raw, cap, upper: raw.length > 1 && UPPER_RE.test(raw), sentence: -1 });
  }
  return out;
}

/**
 * The token keys of an alias, joined by a space: the form aliases are compared and stored in.
 *
 * @example
 * aliasKey("Procter & Gamble") // "procter & gamble"
 */
export function aliasKey(alias: string): string {
  return tokenize(alias).map((t) => t.key).join(" ");
}

/** Words that may be lower-case inside a proper name ("Bank of America", "Procter & Gamble"). */
export const CONNECTIVES = new Set(["of", "and", "&", "the", "de", "la", "du", "der", "for", "-", "y", "di", "von", "van", "e"]);
