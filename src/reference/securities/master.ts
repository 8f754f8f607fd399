/**
 * The securities master: every US-listed security of the SEC ticker file (with exchange), S&P 500
 * sectors, our curated aliases (short names, brands, products, subsidiaries, former names and tickers,
 * executives) and entity gazetteers (private companies, regulators, countries, people), with the token
 * trie that finds all of them in a text in one pass.
 *
 * Loaded from the compiled cache (see `cache.ts`); compiled from `data/` on first use.
 */
import { compile, FLAG, KIND, SEC_FLAG, type Compiled } from "./compile.ts";
import { readCache, statKey, writeCache } from "./cache.ts";
import { readSources, sourceFiles, DATA_DIR } from "./sources.ts";
import { buildTrie, type TrieNode } from "./trie.ts";
import type { Token } from "./tokens.ts";

export interface Security {
  symbol: string;
  name: string;
  exchange: string | null;
  cik: number;
  sector: string | null;
  sp500: boolean;
  /** Has curated aliases (one of the large companies we know by name). */
  curated: boolean;
}

export type AliasKind = "name" | "brand" | "former" | "person" | "auto" | "entity";
const KIND_NAMES: AliasKind[] = ["name", "brand", "former", "person", "auto", "entity"];

export interface Pattern {
  /** Space-joined token keys. */
  key: string;
  /** The alias as written in the data. */
  text: string;
  kind: AliasKind;
  /** Security, when the alias names one. */
  security: Security | undefined;
  /** Entity, when the alias names a private company, regulator, country or person. */
  entity: EntityInfo | undefined;
  /** An ordinary word too: needs evidence. */
  wordLike: boolean;
  /** Needs an explicit ticker, a legal suffix or another unambiguous mention. */
  strict: boolean;
  /** A one-word name of a small company we know nothing more about: needs context away from other capitals, or stronger evidence. */
  tail: boolean;
  /** Must match case exactly ("iPhone"). */
  exact: boolean;
  /** Its upper-case tokens must be upper-case in the text ("GE", "BP"). */
  upper: boolean;
  /** The alias's own tokens, computed on first use. */
  tokens?: Token[];
}

export interface EntityInfo {
  name: string;
  type: "person" | "private_company" | "public_company" | "regulator" | "government" | "country" | "organization";
  proxies: string[];
}

export interface SecurityMaster {
  bySymbol: Map<string, Security>;
  /** Symbols and extra tickers (former tickers like FB, dot forms like BRK.B) → security. */
  byTicker: Map<string, Security>;
  patterns: Pattern[];
  trie: TrieNode;
  /** First-token keys of patterns that may start with a word that is not capitalised ("iPhone", "the Fed"). */
  lowerStarts: Set<string>;
  vetoes: Map<string, { before: Set<string>; after: Set<string> }>;
  context: Set<string>;
  acronyms: Set<string>;
  firstNames: Set<string>;
  /** Cashtags that mean a crypto asset ($BTC), not a security. */
  crypto: Set<string>;
  stats: { hash: string; securities: number; patterns: number; fromCache: boolean; compileMs: number; loadMs: number };
}

export interface LoadOptions {
  dataDir?: string;
  cacheDirs?: string[];
  /** Skip the disk cache (always compile). */
  noCache?: boolean;
}

function hydrate(c: Compiled): Omit<SecurityMaster, "stats"> {
  const securities: Security[] = c.securities.map(([symbol, name, exchange, cik, sector, f]) => ({
    symbol, name, exchange, cik, sector, sp500: (f & SEC_FLAG.sp500) !== 0, curated: (f & SEC_FLAG.curated) !== 0,
  }));
  const entities: EntityInfo[] = c.entities.map(([name, type, proxies]) => ({ name, type: type as EntityInfo["type"], proxies }));
  const bySymbol = new Map(securities.map((s) => [s.symbol, s]));
  const byTicker = new Map(bySymbol);
  for (const [t, i] of c.tickers) if (!byTicker.has(t)) byTicker.set(t, securities[i]!);
  for (const s of securities) if (s.symbol.includes("-")) byTicker.set(s.symbol.replace("-", "."), s);
  const patterns: Pattern[] = c.patterns.map(([key, target, kind, flags, text]) => ({
    key, text, kind: KIND_NAMES[kind] ?? "auto",
    security: target >= 0 ? securities[target] : undefined,
    entity: target < 0 ? entities[-target - 1] : undefined,
    wordLike: (flags & FLAG.word) !== 0, strict: (flags & FLAG.strict) !== 0, tail: (flags & FLAG.tail) !== 0,
    exact: (flags & FLAG.exact) !== 0, upper: (flags & FLAG.upper) !== 0,
  }));
  const vetoes = new Map(Object.entries(c.vetoes).map(([k, v]) => [k, { before: new Set(v.before), after: new Set(v.after) }]));
  return {
    bySymbol, byTicker, patterns, trie: buildTrie(c.patterns.map((p) => p[0])), vetoes,
    lowerStarts: new Set(c.patterns.filter((p) => !/^[\p{Lu}\d]/u.test(p[4])).map((p) => p[0].split(" ")[0]!)),
    context: new Set(c.context), acronyms: new Set(c.acronyms), firstNames: new Set(c.firstNames), crypto: new Set(c.crypto ?? []),
  };
}

/**
 * Loads the securities master: from the compiled cache when its hash matches the data, else compiles
 * `data/` and writes the cache.
 *
 * @example
 * const master = loadSecurityMaster();
 * master.bySymbol.get("AMZN")?.name // "Amazon"
 */
export function loadSecurityMaster(options: LoadOptions = {}): SecurityMaster {
  const t0 = performance.now();
  const dataDir = options.dataDir ?? DATA_DIR;
  const files = sourceFiles(dataDir);
  const hash = statKey(dataDir, files);
  let compiled = options.noCache ? undefined : readCache(hash, options.cacheDirs);
  const fromCache = compiled !== undefined;
  let compileMs = 0;
  if (!compiled) {
    const tc = performance.now();
    compiled = compile(readSources(dataDir, files), hash);
    compileMs = performance.now() - tc;
    if (!options.noCache) writeCache(compiled, options.cacheDirs);
  }
  const master = hydrate(compiled);
  const stats = { hash, securities: master.bySymbol.size, patterns: master.patterns.length, fromCache, compileMs, loadMs: performance.now() - t0 };
  return { ...master, stats };
}

export { KIND };
