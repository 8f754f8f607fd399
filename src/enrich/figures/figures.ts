/**
 * Figures in news text: money, percentages, basis points, counts and per-share amounts, read into
 * normalised numbers so that "$38 billion" = "$38B" = "US$38bn" = 38e9 USD.
 *
 * Shared by events (amounts, EPS, premiums), impact (surprise, deal size) and summary (every figure of
 * a summary must be found in the source). One precompiled regular expression does one pass per call.
 */
import type { Amount } from "../../contract/enrichment.ts";

export type FigureKind = "money" | "percent" | "bps" | "count" | "number" | "year";

export interface Figure {
  /** Normalised value: 38e9 for "$38 billion", 12 for "12%", 0.23 for "23 cents". */
  value: number;
  /** ISO 4217 code for money. */
  currency?: string;
  /** "percent", "pp", "bps", "per_share", "people", "shares", "months"… */
  unit?: string;
  kind: FigureKind;
  /** The words the figure was read from, exactly as in the text. */
  text: string;
  start: number;
  end: number;
}

export interface TextSpan {
  start: number;
  end: number;
}

const SYMBOLS: Record<string, string> = {
  "$": "USD", "us$": "USD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD", "hk$": "HKD", "s$": "SGD",
  "nz$": "NZD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "chf": "CHF", "usd": "USD",
  "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rmb": "CNY", "cad": "CAD", "aud": "AUD", "inr": "INR",
  "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound": "GBP", "yen": "JPY",
  "yuan": "CNY", "rupees": "INR", "francs": "CHF",
};

const SCALES: Record<string, number> = {
  trillion: 1e12, tn: 1e12, tln: 1e12, t: 1e12, billion: 1e9, bn: 1e9, bln: 1e9, b: 1e9, million: 1e6, mln: 1e6,
  mn: 1e6, mm: 1e6, m: 1e6, thousand: 1e3, k: 1e3,
};

/** Nouns after a count that give its unit ("1,200 jobs" → people). */
const COUNT_NOUNS: Record<string, string> = {
  jobs: "people", job: "people", employees: "people", employee: "people", workers: "people", worker: "people",
  positions: "people", roles: "people", staff: "people", staffers: "people", people: "people", layoffs: "people",
  shares: "shares", share: "shares", units: "units", vehicles: "vehicles", cars: "vehicles", stores: "stores",
  locations: "stores", branches: "stores", customers: "customers", users: "users", subscribers: "users",
  months: "months", month: "months", years: "years", year: "years", weeks: "weeks", days: "days", barrels: "barrels",
  contracts: "contracts", deals: "deals", patients: "patients", countries: "countries", banks: "banks",
};

const CUR_PREFIX = String.raw`(?<cur>(?:US|C|CA|A|AU|HK|S|NZ)\$|[$€£¥₹₩]|(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|CAD|AUD|INR)\s?)`;
const NUMBER = String.raw`(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;
const SCALE = String.raw`(?:[\s-]?(?<scale>trillion|billion|million|thousand|tln|bln|mln|tn|bn|mn|mm)\b|(?<short>[bBmMkKtT])\b)?`;
const SUFFIX_CUR = String.raw`(?:\s(?<curWord>dollars?|euros?|pounds?|yen|yuan|rupees|francs|USD|EUR|GBP|JPY|CNY|CHF|CAD|AUD)\b)?`;
const PERCENT = String.raw`(?:\s?(?<pct>%)|\s(?<pctWord>percent|per\scent|pct|percentage\spoints?|basis\spoints?|bps|bp)\b|(?<bpsTight>bps|bp)\b)?`;
const CENTS = String.raw`(?:\s(?<cents>cents?)\b)?`;
const PER_SHARE = String.raw`(?:\s(?:a|per|each)\s(?:diluted\s|adjusted\s)?(?<ps>share|ADS|ADR|unit)\b)?`;

/**
 * A pattern's named groups as plain numbered groups (same matches, but no `groups` object is built
 * for each match) and the number of each name.
 */
function numbered(source: string): { source: string; group: Record<string, number> } {
  const group: Record<string, number> = {};
  let n = 0;
  const plain = source.replace(/\\.|\((\?<([A-Za-z]+)>|\?)?/g, (tok, prefix: string | undefined, name: string | undefined) => {
    if (!tok.startsWith("(")) return tok;
    if (prefix === undefined) return n++, tok;
    if (name === undefined) return tok;
    group[name] = ++n;
    return "(";
  });
  return { source: plain, group };
}

const FIGURE = numbered(
  String.raw`(?<![\p{L}\p{N}.,$€£¥])(?<sign>[-−](?=[\d$€£¥.]))?${CUR_PREFIX}?${NUMBER}${SCALE}${SUFFIX_CUR}${PERCENT}${CENTS}${PER_SHARE}(?![\p{L}\p{N}])`,
);
/** The one figure pattern (compiled once). */
const FIGURE_RE = new RegExp(FIGURE.source, "gu");
const G = FIGURE.group as Record<"sign" | "cur" | "num" | "scale" | "short" | "curWord" | "pct" | "pctWord" | "bpsTight" | "cents" | "ps", number>;
/** Most characters a figure can have before its first digit: sign, "USD ", "." (see FIGURE_RE), with margin. */
const MAX_LEAD = 8;

/** An ASCII digit (for `nextDigit`). */
const DIGIT_RE = /[0-9]/g;
/** From this many characters on, `nextDigit` asks the regular expression engine (faster per character, but it reads on past `end`). */
const LONG_RANGE = 256;

/** Offset of the first ASCII digit in `text[from, end)`, or -1. */
function nextDigit(text: string, from: number, end: number): number {
  if (end - from >= LONG_RANGE) {
    DIGIT_RE.lastIndex = from;
    if (!DIGIT_RE.test(text)) return -1;
    const at = DIGIT_RE.lastIndex - 1;
    return at < end ? at : -1;
  }
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return i;
  }
  return -1;
}

const NEXT_WORDS_RE = /^\s+(?:(?!and\b|or\b|to\b|of\b|the\b|in\b|a\b|from\b)[a-z-]+\s+)?([a-z]+)/;
const DIRECT_WORD_RE = /^\s+([a-z]+)/;
const RANGE_GAP_RE = /^\s*(?:to|and|-|–|—|or)\s*$/;

function unitOfPercent(word: string): { kind: FigureKind; unit: string } {
  const w = word.toLowerCase();
  if (w.startsWith("percentage")) return { kind: "percent", unit: "pp" };
  if (w.startsWith("b")) return { kind: "bps", unit: "bps" };
  return { kind: "percent", unit: "percent" };
}

/** The unit noun after a count and the length of the words up to it ("1,200 full-time jobs"). */
function countUnit(text: string, end: number): { unit: string; length: number } | undefined {
  const after = text.slice(end, end + 40);
  const direct = DIRECT_WORD_RE.exec(after);
  const d = direct && COUNT_NOUNS[direct[1]!];
  if (d) return { unit: d, length: direct[0].length };
  const m = NEXT_WORDS_RE.exec(after);
  const u = m && COUNT_NOUNS[m[1]!];
  return u ? { unit: u, length: m[0].length } : undefined;
}

function build(text: string, m: RegExpExecArray): Figure | null {
  const g = {
    num: m[G.num], cur: m[G.cur], curWord: m[G.curWord], scale: m[G.scale], short: m[G.short], cents: m[G.cents], sign: m[G.sign],
    pct: m[G.pct], pctWord: m[G.pctWord], bpsTight: m[G.bpsTight], ps: m[G.ps],
  };
  const digits = g.num!.replace(/,/g, "");
  let value = Number(digits);
  if (!Number.isFinite(value)) return null;
  const curRaw = g.cur?.trim().toLowerCase();
  let currency = curRaw ? SYMBOLS[curRaw] : g.curWord ? SYMBOLS[g.curWord.toLowerCase()] : undefined;
  const scaleWord = g.scale?.toLowerCase() ?? (currency ? g.short?.toLowerCase() : undefined);
  // Scale in decimal ("65.6e9"), not by multiplying floats (65.6 * 1e9 = 65599999999.99999).
  if (scaleWord) value = Number(`${digits}e${Math.log10(SCALES[scaleWord]!)}`);
  if (g.cents) {
    value /= 100;
    currency ??= "USD";
  }
  if (g.sign) value = -value;
  // A bare "5m" / "10K" without a currency is a measure or a form name, not a scale: keep the number only.
  const raw = g.short && !scaleWord ? m[0].slice(0, -1) : m[0];
  const out: Figure = { value, kind: "number", text: raw, start: m.index, end: m.index + raw.length };
  if (g.pct || g.pctWord || g.bpsTight) {
    const pu = g.pct ? { kind: "percent" as const, unit: "percent" } : unitOfPercent(g.pctWord ?? g.bpsTight!);
    out.kind = pu.kind;
    out.unit = pu.unit;
    return out;
  }
  if (currency) {
    out.kind = "money";
    out.currency = currency;
    if (g.ps) out.unit = "per_share";
    return out;
  }
  const noun = countUnit(text, out.end);
  if (noun) {
    out.kind = "count";
    out.unit = noun.unit;
    out.end += noun.length;
    out.text = text.slice(out.start, out.end);
  } else if (!scaleWord && /^\d{4}$/.test(g.num!) && value >= 1900 && value <= 2100) {
    out.kind = "year";
  }
  return out;
}

/** "$5 to $6 billion": the first figure takes the scale (and kind) of the second. */
function inheritRanges(text: string, figs: Figure[]): void {
  for (let i = 0; i + 1 < figs.length; i++) {
    const a = figs[i]!;
    const b = figs[i + 1]!;
    if (!RANGE_GAP_RE.test(text.slice(a.end, b.start))) continue;
    const aScaled = /[a-z]\s*$/i.test(a.text) && !/cents?$/i.test(a.text);
    if (!aScaled && b.kind === "money" && /(?:illion|[bmkt]n?|mln|bln)$/i.test(b.text) && (a.kind === "money" || a.kind === "number")) {
      const scale = /trillion|tn|tln|t$/i.test(b.text) ? 1e12 : /billion|bn|bln|b$/i.test(b.text) ? 1e9 : /thousand|k$/i.test(b.text) ? 1e3 : 1e6;
      if (Math.abs(a.value) < 1e4) a.value *= scale;
    }
    if (a.kind === "number" && b.kind !== "number" && b.kind !== "year") {
      a.kind = b.kind;
      if (b.unit) a.unit = b.unit;
      if (b.currency) a.currency = b.currency;
      if (b.kind === "money" && b.unit === "per_share") a.unit = "per_share";
    }
    if (a.kind === "money" && b.unit === "per_share" && a.unit === undefined) a.unit = "per_share";
  }
}

/**
 * Finds every figure in `text` (or in `span` of it), with offsets into `text`.
 *
 * @example
 * findFigures("Amazon will invest $50 billion; EPS of $1.23 a share beat by 12%.")
 * // [{ value: 5e10, currency: "USD", kind: "money", text: "$50 billion", … },
 * //  { value: 1.23, currency: "USD", unit: "per_share", kind: "money", … }, { value: 12, unit: "percent", … }]
 */
export function findFigures(text: string, span?: TextSpan): Figure[] {
  const start = span?.start ?? 0;
  const end = span?.end ?? text.length;
  const out: Figure[] = [];
  const re = FIGURE_RE;
  // Every figure has a digit, at most MAX_LEAD characters after its start ("-US$.5"): the pattern is
  // tried only from there (most sentences have no digit at all).
  for (let from = start; ; ) {
    const digit = nextDigit(text, from, end);
    if (digit < 0) break;
    re.lastIndex = Math.max(from, digit - MAX_LEAD);
    const m = re.exec(text);
    if (!m || m.index >= end || m.index + m[0].length > end) break;
    const f = build(text, m);
    if (f) out.push(f);
    from = re.lastIndex;
  }
  if (out.length > 1) inheritRanges(text, out);
  return out;
}

/**
 * Reads the first figure of a short string, or null.
 *
 * @example
 * parseFigure("€1.2bn")?.value // 1.2e9
 */
export function parseFigure(s: string): Figure | null {
  return findFigures(s)[0] ?? null;
}

/**
 * The contract's `Amount` for a figure.
 *
 * @example
 * toAmount(parseFigure("$38 billion")!) // { value: 38e9, currency: "USD", text: "$38 billion" }
 */
export function toAmount(f: Figure): Amount {
  const a: Amount = { value: f.value, text: f.text };
  if (f.currency) a.currency = f.currency;
  if (f.unit) a.unit = f.unit;
  return a;
}

/**
 * Whether two figures say the same thing, allowing for rounding of the shorter one
 * ("$38.2 billion" ~ "$38 billion", "$38B" = "$38 billion"). Kind, currency and unit must agree.
 *
 * @example
 * figuresMatch(parseFigure("$38B")!, parseFigure("US$38 billion")!) // true
 */
export function figuresMatch(a: Figure, b: Figure, relTolerance = 0.02): boolean {
  if (a.kind !== b.kind && !(isNumeric(a) && isNumeric(b))) return false;
  if ((a.currency ?? "") !== (b.currency ?? "")) return false;
  if ((a.unit ?? "") !== (b.unit ?? "") && a.kind !== "number" && b.kind !== "number") return false;
  if (a.value === b.value) return true;
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value));
  return scale > 0 && Math.abs(a.value - b.value) / scale <= relTolerance;
}

function isNumeric(f: Figure): boolean {
  return f.kind === "number" || f.kind === "count" || f.kind === "year";
}

/**
 * Whether a figure of `candidate` appears in `source` (its figures), for "every figure in the
 * summary is found in the source".
 *
 * @example
 * figureInSource(parseFigure("$38B")!, findFigures("a $38 billion AWS commitment")) // true
 */
export function figureInSource(candidate: Figure, source: readonly Figure[], relTolerance = 0.02): boolean {
  return source.some((s) => figuresMatch(candidate, s, relTolerance));
}

const SYMBOL_OF: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥", INR: "₹", CAD: "C$", AUD: "A$", HKD: "HK$" };

function compact(v: number): string {
  const abs = Math.abs(v);
  const [d, s] = abs >= 1e12 ? [1e12, "T"] : abs >= 1e9 ? [1e9, "B"] : abs >= 1e6 ? [1e6, "M"] : abs >= 1e4 ? [1e3, "K"] : [1, ""];
  const n = v / d;
  return `${Number.isInteger(n) ? n : Number(n.toFixed(2))}${s}`;
}

/**
 * A short display form: "$38B", "€1.2B", "12%", "250 bps", "$1.23/share", "1,200 people".
 *
 * @example
 * formatFigure(parseFigure("$38 billion")!) // "$38B"
 */
export function formatFigure(f: Pick<Figure, "value" | "kind" | "currency" | "unit">): string {
  if (f.kind === "percent") return f.unit === "pp" ? `${f.value} pp` : `${f.value}%`;
  if (f.kind === "bps") return `${f.value} bps`;
  if (f.kind === "money") {
    const sym = SYMBOL_OF[f.currency ?? ""] ?? `${f.currency} `;
    if (f.unit === "per_share") return `${sym}${f.value.toFixed(2)}/share`;
    return `${f.value < 0 ? "-" : ""}${sym}${compact(Math.abs(f.value))}`;
  }
  if (f.kind === "count") return `${f.value.toLocaleString("en-US")} ${f.unit ?? ""}`.trim();
  return String(f.value);
}
