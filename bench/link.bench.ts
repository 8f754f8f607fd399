/**
 * Linking benchmark: index build (compile) time, index load time (from the cache, in a fresh process),
 * heap used by the master, and linking throughput on ~700-word articles on one core.
 *
 *   npx tsx bench/link.bench.ts
 */
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { compile } from "../src/reference/securities/compile.ts";
import { readSources } from "../src/reference/securities/sources.ts";
import { sourceHash } from "../src/reference/securities/cache.ts";
import { loadSecurityMaster } from "../src/reference/securities/master.ts";
import { linkWith } from "../src/enrich/link/link.ts";
import { normalize } from "../src/enrich/normalize/normalize.ts";

const PARAGRAPHS = [
  "Amazon said on Thursday that AWS revenue grew 19% to $33 billion, beating analyst estimates, as demand for Bedrock and Trainium capacity rose. Chief executive Andy Jassy told analysts that the company would spend more on data centres next year.",
  "Microsoft, which reports next week, is expected to show Azure growth of about 35%. Investors will watch for signs that OpenAI is moving workloads to other providers after the renegotiated partnership.",
  "Shares of Nvidia rose 2% while AMD and Intel were little changed. Broadcom gained after it said custom AI chip orders from Alphabet and Meta Platforms had doubled.",
  "The Federal Reserve kept rates unchanged, and Treasury yields edged lower. The S&P 500 rose 0.4% and the Nasdaq Composite gained 0.6%, led by technology and consumer stocks.",
  "Target cut its outlook for the year, saying shoppers were buying fewer discretionary items, while Walmart and Costco gained share in groceries. The gap between higher- and lower-income households keeps widening.",
  "In Europe, Shell and BP rose with oil prices, UBS gained after results, and ASML slipped after a weak order report. Novo Nordisk fell as sales of Wegovy slowed in the United States.",
  "Analysts said the market was still driven by a handful of large companies. JPMorgan Chase and Goldman Sachs will report results next week, followed by Apple, which faces questions about iPhone demand in China.",
  "The regulator opened an inquiry into the deal, and the Justice Department said it was reviewing whether the combination would reduce competition in cloud computing and online advertising.",
];

function article(i: number): string {
  const parts: string[] = [];
  for (let k = 0; parts.join(" ").split(/\s+/).length < 700; k++) parts.push(PARAGRAPHS[(i + k) % PARAGRAPHS.length]!);
  return parts.join("\n\n");
}

function loadInFreshProcess(): { loadMs: number; heapMb: number } {
  const script = `import { loadSecurityMaster } from ${JSON.stringify(fileURLToPath(new URL("../src/reference/securities/master.ts", import.meta.url)))};
const before = process.memoryUsage().heapUsed; const t = performance.now(); const m = loadSecurityMaster(); const ms = performance.now() - t;
globalThis.gc?.(); console.log(JSON.stringify({ loadMs: ms, heapMb: (process.memoryUsage().heapUsed - before) / 1e6, fromCache: m.stats.fromCache }));`;
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!);
}

const texts = readSources();
const hash = sourceHash(texts);
let t = performance.now();
const compiled = compile(texts, hash);
const buildMs = performance.now() - t;
loadSecurityMaster(); // make sure the cache exists
const fresh = [loadInFreshProcess(), loadInFreshProcess(), loadInFreshProcess()].sort((a, b) => a.loadMs - b.loadMs)[1]!;

const master = loadSecurityMaster();
const docs = Array.from({ length: 200 }, (_, i) => normalize({ title: `Markets wrap ${i}: Amazon, Microsoft lead gains`, body: article(i) }));
const words = docs.reduce((s, d) => s + d.wordCount, 0) / docs.length;
for (let i = 0; i < 300; i++) linkWith(docs[i % docs.length]!, master); // warm-up
const n = 3000;
t = performance.now();
let tickers = 0;
for (let i = 0; i < n; i++) tickers += linkWith(docs[i % docs.length]!, master).tickers.length;
const secs = (performance.now() - t) / 1000;

console.log(`machine: ${cpus()[0]?.model ?? "unknown"} (${cpus().length} cores), node ${process.version}`);
console.log(`master: ${master.stats.securities} securities, ${compiled.patterns.length} patterns, compiled JSON ${(JSON.stringify(compiled).length / 1e6).toFixed(2)} MB`);
console.log(`index build (compile from data/): ${buildMs.toFixed(0)} ms`);
console.log(`index load (fresh process, from cache, median of 3): ${fresh.loadMs.toFixed(1)} ms, heap ${fresh.heapMb.toFixed(1)} MB (target ≤ 100 ms, ≤ 32 MB)`);
console.log(`linking: ${n} articles of ~${Math.round(words)} words in ${secs.toFixed(2)} s = ${Math.round(n / secs)} articles/s on one core (target ≥ 3,000); ${(tickers / n).toFixed(1)} tickers/article`);
