/**
 * Compiles the source files into the securities master's compact form: one list of securities and one
 * list of patterns (alias key → security or entity, with its kind and flags), plus the small word lists
 * the linker reads. The compiled form is plain JSON, cached on disk by `cache.ts`.
 */
import { aliasKey } from "./tokens.ts";
import { displayCase, stripLegal } from "./names.ts";
import { parseCurated, parseGazetteer, parseSec, parseSp, parseWords, type SourceTexts } from "./sources.ts";
import { ImpactwireError, EXIT } from "../../core/errors.ts";

export const COMPILER_VERSION = 6;

export const KIND = { name: 0, brand: 1, former: 2, person: 3, auto: 4, entity: 5 } as const;
export const FLAG = { word: 1, strict: 2, exact: 4, upper: 8, tail: 16 } as const;
export const SEC_FLAG = { sp500: 1, curated: 2 } as const;

/** [symbol, display name, exchange, cik, sector, flags] */
export type CompiledSecurity = [string, string, string | null, number, string | null, number];
/** [key, target (security index ≥ 0, or -(entity index) - 1), kind, flags, alias text] */
export type CompiledPattern = [string, number, number, number, string];
/** [name, type, listed proxies] */
export type CompiledEntity = [string, string, string[]];

export interface Compiled {
  version: number;
  hash: string;
  securities: CompiledSecurity[];
  patterns: CompiledPattern[];
  entities: CompiledEntity[];
  /** Extra tickers accepted in explicit forms (former tickers, S&P dot forms): [ticker, security index]. */
  tickers: [string, number][];
  vetoes: Record<string, { before: string[]; after: string[] }>;
  context: string[];
  acronyms: string[];
  firstNames: string[];
  /** Cashtags that mean a crypto asset ($BTC), not a security. */
  crypto: string[];
}

const GENERIC = new Set(
  ("american first national united global general international financial bank bancorp bancshares energy capital industrial " +
    "industries technologies technology partners resources systems solutions services trust income growth value digital health " +
    "healthcare real estate properties realty investment investors community citizens security securities insurance life power water " +
    "gas oil royalty the of and & new york america china us u.s world one data ai acquisition advisors equity credit municipal " +
    "opportunities strategic dividend infrastructure media entertainment brands products group holdings inc corp enterprise " +
    "federal savings home first mutual pacific atlantic southern northern western eastern central midwest texas california " +
    "florida green blue red gold silver river valley mountain lake park union standard premier pioneer liberty freedom").split(" "),
);
const SKIP_AUTO = /\b(ETF|FUND|FUNDS|TRUST|ACQUISITION|ISHARES|SPDR|PROSHARES|PORTFOLIO|INDEX|NOTES|DEBENTURES|WARRANTS?|UNITS?)\b/i;

function fail(message: string): never {
  throw new ImpactwireError("securities", "REFERENCE_INVALID", message, { exitCode: EXIT.config, status: 500 });
}

class Builder {
  readonly out: Compiled;
  private readonly keys = new Set<string>();
  readonly index = new Map<string, number>();

  constructor(hash: string) {
    this.out = { version: COMPILER_VERSION, hash, securities: [], patterns: [], entities: [], tickers: [], vetoes: {}, context: [], acronyms: [], firstNames: [], crypto: [] };
  }

  /** Adds a pattern unless its key is taken already (earlier sources win: curated > gazetteers > S&P > SEC). */
  add(text: string, target: number, kind: number, extraFlags = 0, caseFromText = true): void {
    let t = text.trim();
    let flags = extraFlags;
    if (t.startsWith("~")) (flags |= FLAG.word), (t = t.slice(1));
    else if (t.startsWith("!")) (flags |= FLAG.strict), (t = t.slice(1));
    const key = aliasKey(t);
    if (!key || key.length < 2 || this.keys.has(key)) return;
    if (caseFromText && /^\p{Ll}/u.test(t)) flags |= FLAG.exact;
    if (caseFromText && /(^|[\s-])\p{Lu}[\p{Lu}\d&.]*\p{Lu}(?=$|[\s-])/u.test(t)) flags |= FLAG.upper;
    this.keys.add(key);
    this.out.patterns.push([key, target, kind, flags, t]);
  }
}

function autoFlags(name: string, sp: boolean): number {
  const words = aliasKey(name).split(" ");
  if (words.every((w) => GENERIC.has(w) || /^\d+$/.test(w))) return FLAG.strict;
  if (words.length === 1 && !sp) return FLAG.tail;
  return 0;
}

function addSecurities(b: Builder, texts: SourceTexts): { sec: ReturnType<typeof parseSec>; spBySymbol: Map<string, ReturnType<typeof parseSp>[number]> } {
  const sec = parseSec(texts.get("securities/sec_company_tickers_exchange.csv")!);
  const sp = parseSp(texts.get("securities/sp500_constituents_current.csv")!);
  const spBySymbol = new Map(sp.map((r) => [r.symbol, r]));
  for (const r of sec) {
    if (b.index.has(r.ticker)) continue;
    const s = spBySymbol.get(r.ticker);
    const name = s ? stripLegal(s.name) : displayCase(stripLegal(r.name));
    b.index.set(r.ticker, b.out.securities.length);
    b.out.securities.push([r.ticker, name || r.name, r.exchange, r.cik, s?.sector ?? null, s ? SEC_FLAG.sp500 : 0]);
  }
  return { sec, spBySymbol };
}

function addCurated(b: Builder, texts: SourceTexts): void {
  for (const [file, text] of texts) {
    if (!file.startsWith("aliases/") || /vetoes|context|acronyms|first-names|crypto-cashtags/.test(file)) continue;
    for (const row of parseCurated(text, file)) {
      const i = b.index.get(row.symbol);
      if (i === undefined) fail(`${row.file} line ${row.line}: ${row.symbol} is not in the securities master`);
      const s = b.out.securities[i]!;
      s[5] |= SEC_FLAG.curated;
      if (row.fields.display?.[0]) s[1] = row.fields.display[0];
      for (const a of row.fields.name ?? []) b.add(a, i, KIND.name);
      for (const a of row.fields.brand ?? []) b.add(a, i, KIND.brand);
      for (const a of row.fields.former ?? []) b.add(a, i, KIND.former);
      for (const a of row.fields.person ?? []) b.add(a, i, KIND.person);
      for (const t of row.fields.ticker ?? []) b.out.tickers.push([t.toUpperCase(), i]);
    }
  }
}

function addEntities(b: Builder, texts: SourceTexts): void {
  const files: [string, string | null][] = [
    ["entities/private.txt", "private_company"],
    ["entities/public-unlisted.txt", "public_company"],
    ["entities/regulators.txt", null],
    ["entities/countries.txt", "country"],
    ["entities/people.txt", "person"],
  ];
  for (const [file, fixedType] of files) {
    const text = texts.get(file);
    if (text === undefined) continue;
    for (const { cells } of parseGazetteer(text, file)) {
      const [name, second = "", third = ""] = cells;
      if (!name) continue;
      const type = fixedType ?? second;
      const aliases = (fixedType ? second : third).split(",").map((s) => s.trim()).filter(Boolean);
      const proxies = fixedType === "private_company" ? third.split(",").map((s) => s.trim()).filter(Boolean) : [];
      for (const p of proxies) if (!b.index.has(p)) fail(`${file}: proxy ${p} of ${name} is not in the securities master`);
      const target = -b.out.entities.length - 1;
      b.out.entities.push([name, type, proxies]);
      for (const a of [name, ...aliases]) b.add(a, target, KIND.entity);
    }
  }
}

function addAuto(b: Builder, sec: ReturnType<typeof parseSec>, spBySymbol: Map<string, ReturnType<typeof parseSp>[number]>): void {
  for (const [symbol, s] of spBySymbol) {
    const i = b.index.get(symbol);
    if (i === undefined || SKIP_AUTO.test(s.name)) continue;
    for (const n of new Set([stripLegal(s.name), stripLegal(s.name, true)])) b.add(n, i, KIND.auto, autoFlags(n, true));
  }
  const seenCik = new Set<number>();
  for (const r of sec) {
    if (seenCik.has(r.cik)) continue;
    seenCik.add(r.cik);
    if (SKIP_AUTO.test(r.name)) continue;
    const i = b.index.get(r.ticker)!;
    const sp = (b.out.securities[i]![5] & SEC_FLAG.sp500) !== 0;
    const full = displayCase(stripLegal(r.name));
    const core = displayCase(stripLegal(r.name, true));
    b.add(full, i, KIND.auto, autoFlags(full, sp), false);
    // "Hub Group" → "Hub": a one-word core of a small company is too often an ordinary word.
    if (core !== full && (sp || core.includes(" "))) b.add(core, i, KIND.auto, autoFlags(core, sp), false);
  }
}

function addWordLists(b: Builder, texts: SourceTexts): void {
  for (const { cells } of parseGazetteer(texts.get("aliases/vetoes.txt") ?? "", "vetoes.txt")) {
    const [alias, ...parts] = cells;
    if (!alias) continue;
    const v = { before: [] as string[], after: [] as string[] };
    for (const p of parts) {
      const m = /^(before|after|phrase):\s*(.*)$/.exec(p);
      if (m && m[1] !== "phrase") v[m[1] as "before" | "after"] = m[2]!.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
    }
    b.out.vetoes[aliasKey(alias)] = v;
  }
  b.out.context = parseWords(texts.get("aliases/context.txt") ?? "");
  b.out.acronyms = parseWords(texts.get("aliases/acronyms.txt") ?? "", false).map((w) => w.toUpperCase());
  b.out.firstNames = parseWords(texts.get("aliases/first-names.txt") ?? "");
  b.out.crypto = parseWords(texts.get("aliases/crypto-cashtags.txt") ?? "", false).map((w) => w.toUpperCase());
}

/**
 * Compiles the master from the source texts.
 *
 * @example
 * const compiled = compile(readSources(), "abc123");
 * compiled.patterns.find((p) => p[0] === "aws") // ["aws", <AMZN index>, 1, 8, "AWS"]
 */
export function compile(texts: SourceTexts, hash: string): Compiled {
  const b = new Builder(hash);
  const { sec, spBySymbol } = addSecurities(b, texts);
  for (const [symbol, s] of spBySymbol) {
    if (!b.index.has(symbol)) {
      b.index.set(symbol, b.out.securities.length);
      b.out.securities.push([symbol, stripLegal(s.name), null, s.cik, s.sector, SEC_FLAG.sp500]);
    }
  }
  addCurated(b, texts);
  addEntities(b, texts);
  addAuto(b, sec, spBySymbol);
  addWordLists(b, texts);
  return b.out;
}
