/**
 * `impactwire prices import FILE… [--symbol SYM]`: loads daily bars (CSV or NDJSON) into the store.
 * Bad lines are reported with their line number and skipped; re-importing replaces the same days.
 */
import { EXIT, ImpactwireError } from "../../core/errors.ts";
import { loadConfig } from "../../core/config.ts";
import { openStore } from "../../store/open.ts";
import type { PriceBar, Store } from "../../store/store.ts";
import { fileSource } from "../../prices/csv/csv.ts";
import { registerCommand } from "../main.ts";

const HELP = `Usage: impactwire prices import FILE... [--symbol SYM]

Loads daily bars into the store. CSV with a header (Date,Open,High,Low,Close,Adj Close,Volume[,Symbol]);
the symbol defaults to the file name (AMZN.csv → AMZN). NDJSON lines {"symbol","day","open",…} also work.
`;

/**
 * Imports the files' bars into the store; resolves to { bars, problems }.
 *
 * @example
 * await importPriceFiles(store, ["data/AMZN.csv"], undefined, console.error);
 */
export async function importPriceFiles(store: Store, files: string[], symbol: string | undefined, warn: (msg: string) => void): Promise<{ bars: number; problems: number }> {
  let bars = 0;
  let problems = 0;
  for (const file of files) {
    let batch: PriceBar[] = [];
    const source = fileSource(file, symbol);
    for await (const bar of source.bars((p) => {
      problems++;
      warn(`prices: ${file}:${p.line}: ${p.message} (skipped)`);
    })) {
      batch.push(bar);
      if (batch.length >= 5_000) {
        bars += await store.putPrices(batch);
        batch = [];
      }
    }
    if (batch.length) bars += await store.putPrices(batch);
  }
  return { bars, problems };
}

async function runPrices(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === "--help" || sub === "-h") return process.stdout.write(HELP), sub ? EXIT.ok : EXIT.usage;
  if (sub !== "import") throw new ImpactwireError("prices", "USAGE", `unknown sub-command "${sub}"\n\n${HELP}`, { exitCode: EXIT.usage });
  const files: string[] = [];
  let symbol: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === "--symbol") symbol = rest[++i];
    else if (a.startsWith("-")) throw new ImpactwireError("prices", "USAGE", `unknown option ${a}\n\n${HELP}`, { exitCode: EXIT.usage });
    else files.push(a);
  }
  if (!files.length) throw new ImpactwireError("prices", "USAGE", `no file given\n\n${HELP}`, { exitCode: EXIT.usage });
  const store = await openStore(loadConfig());
  try {
    const r = await importPriceFiles(store, files, symbol, (m) => process.stderr.write(`${m}\n`));
    process.stdout.write(`imported ${r.bars} bars from ${files.length} file(s)${r.problems ? `, ${r.problems} bad line(s) skipped` : ""}\n`);
    return r.problems ? EXIT.partial : EXIT.ok;
  } finally {
    await store.close();
  }
}

registerCommand("prices", "prices import FILE…: load daily bars (CSV/NDJSON) for charts and event studies", runPrices);
