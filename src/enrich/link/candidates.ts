/**
 * Finds every candidate mention in a document: explicit ticker forms ($AMZN, NASDAQ: AMZN, "Microsoft
 * (MSFT)"), alias occurrences found by the token trie, and bare upper-case tickers. Nothing is decided
 * here; `evidence.ts` decides which candidates are linked.
 */
import type { Doc } from "../normalize/normalize.ts";
import type { Pattern, Security, SecurityMaster } from "../../reference/securities/master.ts";
import { CONNECTIVES, tokenize, type Token } from "../../reference/securities/tokens.ts";
import { matchAt } from "../../reference/securities/trie.ts";

export type CandidateForm = "cashtag" | "exchange" | "parenthesis" | "alias" | "bare";

export interface Candidate {
  form: CandidateForm;
  start: number;
  end: number;
  text: string;
  security: Security | undefined;
  pattern: Pattern | undefined;
  /** Token range [first, last) for alias and bare candidates; -1 for explicit forms. */
  first: number;
  last: number;
  sentence: number;
}

export interface Scan {
  tokens: Token[];
  candidates: Candidate[];
}

const TICKER = String.raw`[A-Z][A-Z0-9]{0,5}(?:[.-][A-Z]{1,2})?`;
const CASHTAG_RE = new RegExp(String.raw`(?<![\w$])\$(${TICKER})(?![\w])`, "g");
/** Exchange names as they prefix a ticker ("NYSE: IBM"), as regex alternatives. */
const EXCHANGE_NAMES = ["NASDAQ", "Nasdaq", "NYSE(?: American| Arca| MKT)?", "AMEX", "NYSEAMERICAN", "OTC(?:QX|QB|MKTS)?", "Cboe", "CBOE", "BATS"];
const EXCHANGE_RE = new RegExp(String.raw`\b(?:${EXCHANGE_NAMES.join("|")})\s*:\s*(${TICKER})\b`, "g");
const PAREN_RE = new RegExp(String.raw`\(\s*(${TICKER})\s*\)`, "g");

/** Literal text in every match of EXCHANGE_RE: each name up to its first group ("NYSE" covers "NYSE Arca"). */
const EXCHANGES = EXCHANGE_NAMES.map((n) => n.split("(")[0]!);

/**
 * Whether a "$" is followed by a capital letter somewhere (every cashtag starts so; "$3.5 billion" does not).
 *
 * @example
 * mayHaveCashtag("$AMZN rose") // true
 * mayHaveCashtag("a $3.5 billion deal") // false
 */
export function mayHaveCashtag(text: string): boolean {
  for (let i = text.indexOf("$"); i >= 0; i = text.indexOf("$", i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

function sentenceIndexer(doc: Doc): (offset: number) => number {
  const starts = doc.sentences.map((s) => s.start);
  let i = 0;
  return (offset) => {
    if (i > 0 && starts[i]! > offset) i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    return i;
  };
}

function shapeOk(p: Pattern, tokens: Token[], from: number, aliasTokens: Token[]): boolean {
  for (let k = 0; k < aliasTokens.length; k++) {
    const t = tokens[from + k]!;
    const a = aliasTokens[k]!;
    if (p.exact) {
      if (t.raw !== a.raw) return false;
    } else if (!CONNECTIVES.has(a.key) && a.cap) {
      if (p.upper && a.upper && !t.upper) return false;
      if (p.tail && t.upper && !a.upper && /\p{Ll}/u.test(a.raw)) return false;
      if (!t.cap) return false;
    }
  }
  return true;
}

function explicit(doc: Doc, master: SecurityMaster, sentenceOf: (o: number) => number): Candidate[] {
  const out: Candidate[] = [];
  const push = (form: CandidateForm, m: RegExpExecArray, symbol: string) => {
    const security = master.byTicker.get(symbol);
    if (!security) return;
    out.push({ form, start: m.index, end: m.index + m[0].length, text: m[0], security, pattern: undefined, first: -1, last: -1, sentence: sentenceOf(m.index) });
  };
  // Each pattern needs its literal text ("$" before a capital, an exchange name and ":", a parenthesis): most texts lack some of them.
  const text = doc.text;
  if (mayHaveCashtag(text)) for (const m of text.matchAll(CASHTAG_RE)) if (!master.crypto.has(m[1]!)) push("cashtag", m, m[1]!);
  if (text.includes(":") && EXCHANGES.some((e) => text.includes(e))) for (const m of text.matchAll(EXCHANGE_RE)) push("exchange", m, m[1]!);
  out.sort((a, b) => a.start - b.start);
  const taken = out.slice();
  let k = 0;
  for (const m of text.includes("(") ? text.matchAll(PAREN_RE) : []) {
    while (k < taken.length && taken[k]!.end < m.index) k++;
    if (k < taken.length && taken[k]!.start <= m.index) continue;
    const before = doc.text.slice(Math.max(0, m.index - 40), m.index);
    if (!/[\p{Lu}\d][\p{L}\d.&'’-]*[.,]?\s*$/u.test(before)) continue;
    if (master.acronyms.has(m[1]!) && !/\b(?:Inc|Corp|Co|Ltd|plc|Group|Holdings)\.?,?\s*$/.test(before)) continue;
    push("parenthesis", m, m[1]!);
  }
  return out;
}

/** For each first code unit of a `lowerStarts` key, the key lengths there (bit `min(length, 31)`). */
const lowerShapes = new WeakMap<Set<string>, { size: number; shapes: Uint32Array }>();

function shapesOf(lowerStarts: Set<string>): Uint32Array {
  const known = lowerShapes.get(lowerStarts);
  if (known && known.size === lowerStarts.size) return known.shapes;
  const shapes = new Uint32Array(65_536);
  for (const k of lowerStarts) if (k.length) shapes[k.charCodeAt(0)]! |= 1 << Math.min(k.length, 31);
  lowerShapes.set(lowerStarts, { size: lowerStarts.size, shapes });
  return shapes;
}

/** `lowerStarts.has(key)`, most keys turned away by their first character and length without hashing them. */
function startsLower(lowerStarts: Set<string>, shapes: Uint32Array, key: string): boolean {
  const lengths = shapes[key.charCodeAt(0)]!;
  return lengths !== 0 && (lengths & (1 << Math.min(key.length, 31))) !== 0 && lowerStarts.has(key);
}

/** Walks the (sorted) explicit candidates alongside the tokens: is token `t` inside one of them? */
function coverage(explicitC: Candidate[]): (t: Token) => boolean {
  let k = 0;
  return (t) => {
    while (k < explicitC.length && explicitC[k]!.end <= t.start) k++;
    const c = explicitC[k];
    return !!c && t.start < c.end && t.end > c.start;
  };
}

/**
 * Scans a document for candidate mentions of securities and entities.
 *
 * @example
 * const { candidates } = scan(doc, loadSecurityMaster());
 * candidates.map((c) => c.text) // ["Amazon", "AWS", "$MSFT", …]
 */
export function scan(doc: Doc, master: SecurityMaster): Scan {
  const sentenceOf = sentenceIndexer(doc);
  const tokens = tokenize(doc.text);
  for (const t of tokens) t.sentence = sentenceOf(t.start);
  const candidates = explicit(doc, master, sentenceOf);
  const explicitC = candidates.slice().sort((a, b) => a.start - b.start);
  const covered = coverage(explicitC);
  const keys = tokens.map((t) => t.key);
  const shapes = shapesOf(master.lowerStarts);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cap && !startsLower(master.lowerStarts, shapes, t.key)) continue;
    if (explicitC.length && covered(t)) continue;
    const matches = matchAt(master.trie, keys, i);
    let taken = 0;
    for (let m = matches.length - 1; m >= 0 && !taken; m--) {
      const { pattern, length } = matches[m]!;
      const p = master.patterns[pattern]!;
      if (!shapeOk(p, tokens, i, (p.tokens ??= tokenize(p.text)))) continue;
      const last = tokens[i + length - 1]!;
      const end = last.start + last.raw.length;
      candidates.push({ form: "alias", start: t.start, end, text: doc.text.slice(t.start, end), security: p.security, pattern: p, first: i, last: i + length, sentence: t.sentence });
      taken = length;
    }
    if (taken) {
      i += taken - 1;
      continue;
    }
    if (t.upper && t.raw.length >= 2 && t.raw.length <= 6 && !master.acronyms.has(t.raw)) {
      const security = master.byTicker.get(t.raw);
      if (security) candidates.push({ form: "bare", start: t.start, end: t.start + t.raw.length, text: t.raw, security, pattern: undefined, first: i, last: i + 1, sentence: t.sentence });
    }
  }
  candidates.sort((a, b) => a.start - b.start);
  return { tokens, candidates };
}
