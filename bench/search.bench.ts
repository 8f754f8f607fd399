/**
 * Search benchmark (issue 4, must-show 5): p50/p99 latency of `store.listArticles({ q })` over the
 * database left by bench/import.bench.ts (100,000 articles), for rare, mid and common two-word
 * queries (first page and a later page through the cursor), plus filtered lists for reference.
 * Queries are chosen from the index itself (fts5vocab, so words show as their Porter stems, e.g.
 * "compani"): pairs of words whose AND-matches fall in each band.
 *
 * Usage: npx tsx bench/search.bench.ts [--dir /tmp/impactwire-bench] [--repeat 200]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSqliteStore } from "../src/store/sqlite/store.ts";
import { SQLITE_FILE } from "../src/store/open.ts";
import type { ArticleQuery } from "../src/store/store.ts";
import { arg } from "./args.ts";


const DIR = arg("dir", path.join(os.tmpdir(), "impactwire-bench"));
const REPEAT = arg("repeat", 200);
const file = path.join(DIR, SQLITE_FILE);
if (!fs.existsSync(file)) {
  console.error(`no database at ${file}: run npx tsx bench/import.bench.ts first`);
  process.exit(2);
}

const cpus = os.cpus();
console.log(`impactwire search bench\nmachine: ${cpus[0]?.model ?? "unknown CPU"} × ${cpus.length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
const store = openSqliteStore(file);
const total = await store.countArticles();
console.log(`database: ${file}, ${total.toLocaleString("en-US")} articles`);

const db = store.db;
db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, articles_fts, 'row')");
const terms = db.prepare("SELECT term, doc FROM temp.vocab WHERE length(term) > 3 AND term NOT GLOB '*[0-9]*' ORDER BY doc DESC").all() as { term: string; doc: number }[];
const matches = (q: string): number => db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?").pluck().get(q) as number;

/** Two-word queries whose AND-match count falls in [lo, hi] (as a share of all articles). */
function pairs(lo: number, hi: number, want: number): { q: string; n: number }[] {
  const out: { q: string; n: number }[] = [];
  const pool = terms.filter((t) => t.doc >= lo * total);
  for (let i = 0; i < pool.length && out.length < want; i += 1 + (i % 3)) {
    for (let j = pool.length - 1 - (i % 7); j > i && out.length < want; j -= 5 + (j % 11)) {
      const q = `${pool[i]!.term} ${pool[j]!.term}`;
      const n = matches(`"${pool[i]!.term}" "${pool[j]!.term}"`);
      if (n >= Math.max(1, lo * total) && n <= hi * total) out.push({ q, n });
      if (out.length >= want) break;
    }
  }
  return out;
}

async function measure(label: string, queries: ArticleQuery[]): Promise<void> {
  if (queries.length === 0) return void console.log(`${label.padEnd(44)} (no query in this band)`);
  const first: number[] = [];
  const second: number[] = [];
  const per = Math.max(5, Math.ceil(REPEAT / queries.length));
  for (const q of queries) {
    await store.listArticles(q);
    for (let r = 0; r < per; r++) {
      let t0 = performance.now();
      const page = await store.listArticles({ ...q, limit: 20 });
      first.push(performance.now() - t0);
      if (page.nextCursor) {
        t0 = performance.now();
        await store.listArticles({ ...q, limit: 20, cursor: page.nextCursor });
        second.push(performance.now() - t0);
      }
    }
  }
  const pct = (xs: number[], p: number): string => {
    if (xs.length === 0) return "   -";
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2);
  };
  console.log(`${label.padEnd(44)} page 1 p50 ${pct(first, 50)} ms  p99 ${pct(first, 99)} ms | page 2 p50 ${pct(second, 50)} ms  p99 ${pct(second, 99)} ms  (${first.length} runs)`);
}

const bands = [
  { label: "rare (≤ 0.1% of articles)", lo: 0, hi: 0.001 },
  { label: "mid (0.5–5%)", lo: 0.005, hi: 0.05 },
  { label: "common (≥ 20%)", lo: 0.2, hi: 1 },
];
for (const b of bands) {
  const qs = pairs(b.lo, b.hi, 10);
  console.log(`\n${b.label}: ${qs.map((x) => `"${x.q}" (${x.n})`).join(", ")}`);
  await measure(`  search, newest first`, qs.map((x) => ({ q: x.q })));
  await measure(`  search + ticker filter`, qs.map((x) => ({ q: x.q, tickers: ["AAPL", "MSFT"] })));
  await measure(`  search, by impact`, qs.map((x) => ({ q: x.q, sort: "impact" as const })));
}
console.log("\nfiltered lists (no text query):");
const top = await store.listTickers(5);
await measure("  ticker", top.map((t) => ({ tickers: [t.symbol] })));
await measure("  ticker + minImpact 0.3", top.map((t) => ({ tickers: [t.symbol], minImpact: 0.3 })));
await measure("  ticker, by impact", top.map((t) => ({ tickers: [t.symbol], sort: "impact" as const })));
const topics = (await store.listTopics()).slice(0, 5);
await measure("  topic + sentiment negative", topics.map((t) => ({ topics: [t.id], sentiment: "negative" as const })));
await measure("  all, by impact", [{ sort: "impact" }]);
await store.close();
console.log("\ntarget (API bench): search p99 ≤ 50 ms, filtered list p99 ≤ 5 ms");
