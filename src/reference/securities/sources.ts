/**
 * Reads the source files of the securities master: the SEC ticker file, the S&P 500 list, our curated
 * alias files and entity gazetteers. Everything lives under the repository's `data/` folder.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ImpactwireError, EXIT } from "../../core/errors.ts";

/** The repository's `data/` folder. */
export const DATA_DIR = fileURLToPath(new URL("../../../data/", import.meta.url));

export interface SecRow { cik: number; name: string; ticker: string; exchange: string | null }
export interface SpRow { symbol: string; name: string; sector: string; cik: number }
export interface CuratedRow { symbol: string; fields: Record<string, string[]>; file: string; line: number }
export interface GazetteerRow { cells: string[]; file: string; line: number }

/** The raw text of every source file, by path relative to `data/` (what the cache hash covers). */
export type SourceTexts = Map<string, string>;

function fail(message: string, cause?: unknown): never {
  throw new ImpactwireError("securities", "REFERENCE_INVALID", message, { exitCode: EXIT.config, status: 500, cause });
}

/**
 * The source files of the master, relative to `data/`.
 *
 * @example
 * sourceFiles() // ["securities/sec_company_tickers_exchange.csv", …, "aliases/us-tech.txt", …]
 */
export function sourceFiles(dataDir = DATA_DIR): string[] {
  const files = ["securities/sec_company_tickers_exchange.csv", "securities/sp500_constituents_current.csv"];
  for (const dir of ["aliases", "entities"]) {
    try {
      for (const f of readdirSync(join(dataDir, dir)).filter((f) => f.endsWith(".txt")).sort()) files.push(`${dir}/${f}`);
    } catch (e) {
      fail(`cannot list reference folder data/${dir}`, e);
    }
  }
  return files;
}

/**
 * Reads every source file of the master into memory.
 *
 * @example
 * const texts = readSources(); texts.get("securities/sp500_constituents_current.csv")
 */
export function readSources(dataDir = DATA_DIR, files = sourceFiles(dataDir)): SourceTexts {
  const out: SourceTexts = new Map();
  for (const rel of files) {
    try {
      out.set(rel, readFileSync(join(dataDir, rel), "utf8"));
    } catch (e) {
      fail(`cannot read reference file data/${rel}`, e);
    }
  }
  return out;
}

/**
 * Splits one CSV line (RFC 4180 quotes, no embedded newlines).
 *
 * @example
 * csvLine('1,"Block, Inc.",XYZ,NYSE') // ["1", "Block, Inc.", "XYZ", "NYSE"]
 */
export function csvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") cells.push(cur), (cur = "");
    else cur += ch;
  }
  cells.push(cur);
  return cells;
}

function dataLines(text: string): { line: string; n: number }[] {
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line && !l.line.startsWith("#"));
}

/**
 * Parses the SEC `cik,name,ticker,exchange` file.
 *
 * @example
 * parseSec("cik,name,ticker,exchange\n320193,Apple Inc.,AAPL,Nasdaq")[0].ticker // "AAPL"
 */
export function parseSec(text: string): SecRow[] {
  return dataLines(text)
    .slice(1)
    .map(({ line, n }) => {
      const [cik, name, ticker, exchange] = csvLine(line);
      if (!cik || !name || !ticker) fail(`sec_company_tickers_exchange.csv line ${n}: missing cik, name or ticker`);
      return { cik: Number(cik), name, ticker: ticker.toUpperCase(), exchange: exchange || null };
    });
}

/**
 * Parses the S&P 500 constituents file (`BRK.B` becomes the SEC form `BRK-B`).
 *
 * @example
 * parseSp("Symbol,Security,GICS Sector,x,y,z,CIK\nBRK.B,Berkshire Hathaway,Financials,x,y,z,1067983")[0].symbol // "BRK-B"
 */
export function parseSp(text: string): SpRow[] {
  return dataLines(text)
    .slice(1)
    .map(({ line }) => {
      const c = csvLine(line);
      return { symbol: c[0]!.replace(".", "-"), name: c[1]!, sector: c[2]!, cik: Number(c[6]) };
    });
}

/**
 * Parses a curated alias file: `SYMBOL | field: a, b | field: c`.
 *
 * @example
 * parseCurated("AMZN | name: ~Amazon | brand: AWS", "x.txt")[0].fields.brand // ["AWS"]
 */
export function parseCurated(text: string, file: string): CuratedRow[] {
  return dataLines(text).map(({ line, n }) => {
    const [symbol, ...parts] = line.split("|").map((s) => s.trim());
    if (!symbol || !/^[A-Z0-9.-]+$/.test(symbol)) fail(`${file} line ${n}: expected a ticker symbol first, got "${symbol}"`);
    const fields: Record<string, string[]> = {};
    for (const p of parts) {
      const m = /^(\w+):\s*(.*)$/.exec(p);
      if (!m) fail(`${file} line ${n}: expected "field: values", got "${p}"`);
      fields[m[1]!] = m[2]!.split(",").map((s) => s.trim()).filter(Boolean);
    }
    return { symbol, fields, file, line: n };
  });
}

/**
 * Parses a `|`-separated gazetteer file into cells.
 *
 * @example
 * parseGazetteer("OpenAI | ChatGPT | MSFT", "p.txt")[0].cells // ["OpenAI", "ChatGPT", "MSFT"]
 */
export function parseGazetteer(text: string, file: string): GazetteerRow[] {
  return dataLines(text).map(({ line, n }) => ({ cells: line.split("|").map((s) => s.trim()), file, line: n }));
}

/**
 * Splits a word-list file (words separated by spaces or lines) into a lower-case list.
 *
 * @example
 * parseWords("# c\nshares stock\nceo") // ["shares", "stock", "ceo"]
 */
export function parseWords(text: string, lower = true): string[] {
  return dataLines(text).flatMap(({ line }) => line.split(/\s+/).filter(Boolean).map((w) => (lower ? w.toLowerCase() : w)));
}
