/**
 * Daily bars from a CSV file with a header (`Date,Open,High,Low,Close,Adj Close,Volume`, Yahoo Finance's
 * layout; an optional `Symbol` column allows several symbols in one file) or from NDJSON lines
 * `{"symbol","day","open","high","low","close","adjClose","volume"}`.
 */
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import type { PriceBar } from "../../store/store.ts";
import type { PriceProblem, PriceSource } from "../source.ts";

const COLUMNS: Record<string, keyof PriceBar> = {
  date: "day", day: "day", symbol: "symbol", ticker: "symbol", open: "open", high: "high", low: "low",
  close: "close", "adj close": "adjClose", adjclose: "adjClose", adj_close: "adjClose", volume: "volume",
};

/**
 * Reads one CSV row into a bar, or explains why it cannot.
 *
 * @example
 * parseCsvRow(["2017-01-03","1","2","0.5","1.5","1.4","100"], ["day","open","high","low","close","adjClose","volume"], "AMZN")
 */
export function parseCsvRow(cells: string[], header: (keyof PriceBar | undefined)[], defaultSymbol: string | null): PriceBar | string {
  const row: Partial<Record<keyof PriceBar, string>> = {};
  header.forEach((key, i) => {
    if (key) row[key] = cells[i]?.trim();
  });
  const symbol = (row.symbol || defaultSymbol || "").toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9.^=-]{0,14}$/.test(symbol)) return `no valid symbol ("${symbol}")`;
  if (!row.day || !/^\d{4}-\d{2}-\d{2}$/.test(row.day)) return `date "${row.day ?? ""}" is not YYYY-MM-DD`;
  const num = (k: keyof PriceBar): number => (row[k] === undefined || row[k] === "" ? Number.NaN : Number(row[k]));
  const close = num("close");
  const bar: PriceBar = {
    symbol, day: row.day, open: num("open"), high: num("high"), low: num("low"), close,
    adjClose: Number.isFinite(num("adjClose")) ? num("adjClose") : close, volume: Number.isFinite(num("volume")) ? num("volume") : 0,
  };
  for (const k of ["open", "high", "low", "close", "adjClose"] as const) {
    if (!Number.isFinite(bar[k]) || bar[k] <= 0) return `${k} "${row[k] ?? ""}" is not a positive number`;
  }
  return bar;
}

function parseNdjsonLine(line: string, defaultSymbol: string | null): PriceBar | string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return "not valid JSON";
  }
  const keys = Object.keys(COLUMNS) as string[];
  const header = keys.map((k) => COLUMNS[k]);
  return parseCsvRow(keys.map((k) => (o[k] ?? o[COLUMNS[k]!] ?? "") as string).map(String), header, defaultSymbol);
}

/**
 * A PriceSource over one file; the symbol defaults to the file name (`AMZN.csv` → AMZN).
 *
 * @example
 * for await (const bar of fileSource("prices/AMZN.csv").bars(console.warn)) console.log(bar.close);
 */
export function fileSource(path: string, symbol?: string): PriceSource {
  const defaultSymbol = symbol ?? (basename(path).replace(/\.(csv|ndjson|jsonl|txt)$/i, "") || null);
  const ndjson = /\.(ndjson|jsonl)$/i.test(path);
  return {
    async *bars(onProblem: (p: PriceProblem) => void) {
      const stream = createReadStream(path, { encoding: "utf8" });
      const opened = new Promise<void>((resolve, reject) => stream.once("open", () => resolve()).once("error", reject));
      await opened.catch((err: unknown) => {
        throw new ImpactwireError("prices", "PRICES_UNREADABLE", `cannot read ${path}: ${(err as Error).message}`, { cause: err, exitCode: EXIT.input });
      });
      let header: (keyof PriceBar | undefined)[] | null = null;
      let n = 0;
      for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
        n++;
        const line = raw.replace(/^\ufeff/, "").trim();
        if (!line) continue;
        if (!ndjson && header === null) {
          header = line.split(",").map((h) => COLUMNS[h.trim().toLowerCase()]);
          if (!header.includes("day") || !header.includes("close")) throw new ImpactwireError("prices", "PRICES_BAD_HEADER", `${path}: the header needs Date and Close columns, got "${line}"`, { exitCode: EXIT.input });
          continue;
        }
        const bar = ndjson ? parseNdjsonLine(line, defaultSymbol) : parseCsvRow(line.split(","), header!, defaultSymbol);
        if (typeof bar === "string") onProblem({ line: n, message: bar });
        else yield bar;
      }
    },
  };
}
