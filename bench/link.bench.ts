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

/** Narrative paragraphs without company names: most of a typical article. */
const NARRATIVE = [
  "Economists said the figures pointed to a gradual slowdown rather than a sharp downturn. Hiring has cooled from last year's pace, wage growth has eased, and households are spending more carefully on items they can postpone, such as furniture, electronics and travel.",
  "The company did not give a timetable for the project, but people familiar with the plans said construction could begin early next year if local permits are approved. The site would employ about 1,200 people once it is running at full capacity.",
  "Investors have become more selective after a long rally. Valuations in several sectors are above their ten-year averages, and strategists warn that any disappointment in earnings or a rise in bond yields could trigger a pullback in the most crowded trades.",
  "Executives told analysts on a conference call that pricing remained firm in most regions, although demand from smaller customers had softened. They expect margins to improve in the second half as cost savings from last year's restructuring take effect.",
  "Regulators have stepped up their scrutiny of the sector, and lawmakers in several countries are debating rules on data, competition and consumer protection. Lawyers said the outcome of those debates could shape the industry for a decade.",
  "Supply chains have largely recovered from the disruptions of recent years, but shipping costs rose again in the summer as vessels were rerouted. Some manufacturers are keeping larger inventories as a buffer against future shocks.",
];

function article(i: number, dense: boolean): string {
  const parts: string[] = [];
  for (let k = 0; parts.join(" ").split(/\s+/).length < 700; k++) {
    const named = dense || k % 3 === 0;
    parts.push(named ? PARAGRAPHS[(i + k) % PARAGRAPHS.length]! : NARRATIVE[(i + k) % NARRATIVE.length]!);
  }
  return parts.join("\n\n");
}

function loadInFreshProcess(): { loadMs: number; cpuMs: number; heapMb: number; rssMb: number } {
  const script = `import { loadSecurityMaster } from ${JSON.stringify(fileURLToPath(new URL("../src/reference/securities/master.ts", import.meta.url)))};
globalThis.gc?.(); const before = process.memoryUsage(); const c = process.cpuUsage(); const t = performance.now(); const m = loadSecurityMaster(); const ms = performance.now() - t; const cu = process.cpuUsage(c);
globalThis.gc?.(); const after = process.memoryUsage();
console.log(JSON.stringify({ loadMs: ms, cpuMs: (cu.user + cu.system) / 1000, heapMb: (after.heapUsed - before.heapUsed) / 1e6, rssMb: (after.rss - before.rss) / 1e6, fromCache: m.stats.fromCache }));`;
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!);
}

const texts = readSources();
const hash = sourceHash(texts);
let t = performance.now();
const buildCpu = process.cpuUsage();
const compiled = compile(texts, hash);
const buildMs = performance.now() - t;
const buildCpuMs = ((u) => (u.user + u.system) / 1000)(process.cpuUsage(buildCpu));
loadSecurityMaster(); // make sure the cache exists
const fresh = [loadInFreshProcess(), loadInFreshProcess(), loadInFreshProcess()].sort((a, b) => a.loadMs - b.loadMs)[1]!;

const master = loadSecurityMaster();

function throughput(dense: boolean): { words: number; perSec: number; perCpuSec: number; tickers: number } {
  const docs = Array.from({ length: 200 }, (_, i) => normalize({ title: `Markets ${i}: Amazon and Microsoft lead gains`, body: article(i, dense) }));
  for (let i = 0; i < 300; i++) linkWith(docs[i % docs.length]!, master); // warm-up
  const n = 3000;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  let tickers = 0;
  for (let i = 0; i < n; i++) tickers += linkWith(docs[i % docs.length]!, master).tickers.length;
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  return { words: docs.reduce((s, d) => s + d.wordCount, 0) / docs.length, perSec: n / wall, perCpuSec: n / ((used.user + used.system) / 1e6), tickers: tickers / n };
}

const typical = throughput(false);
const dense = throughput(true);
const load = (os: typeof import("node:os")) => os.loadavg().map((x) => x.toFixed(1)).join(" ");
const os = await import("node:os");

console.log(`machine: ${cpus()[0]?.model ?? "unknown"} (${cpus().length} cores), node ${process.version}, load average ${load(os)}`);
console.log(`master: ${master.stats.securities} securities, ${compiled.patterns.length} patterns, compiled JSON ${(JSON.stringify(compiled).length / 1e6).toFixed(2)} MB`);
console.log(`index build (compile from data/, first run after a data change): ${buildMs.toFixed(0)} ms wall, ${buildCpuMs.toFixed(0)} ms CPU`);
console.log(`index load (fresh process, from cache, median of 3): ${fresh.loadMs.toFixed(1)} ms wall, ${fresh.cpuMs.toFixed(1)} ms CPU; retained heap ${fresh.heapMb.toFixed(1)} MB, RSS +${fresh.rssMb.toFixed(1)} MB (target ≤ 100 ms, ≤ 32 MB)`);
for (const [name, r] of [["typical", typical], ["dense (every paragraph names companies)", dense]] as const) {
  console.log(`linking, ${name}: ~${Math.round(r.words)} words, ${r.tickers.toFixed(1)} tickers/article: ${Math.round(r.perSec)} articles/s wall, ${Math.round(r.perCpuSec)} articles per CPU-second (one core; target ≥ 3,000)`);
}

/** Worst cases at the 2 MB input limit: linking must stay linear (no quadratic scans on huge sentences). */
const WORST: Record<string, string> = {
  "one huge Title Case sentence": "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta, ",
  "cashtags only": "$AAPL ",
  "parenthesised words": "Foo (BAR) ",
  "word-like names and vetoes": "Apple and Microsoft and Target and Amazon rainforest and Delta ",
  "people and titles": "CEO John Smith, the head of Apple, said. ",
};
for (const [name, unit] of Object.entries(WORST)) {
  const body = unit.repeat(Math.floor(2_000_000 / unit.length));
  const t1 = performance.now();
  linkWith(normalize({ title: "worst case", body }), master);
  console.log(`worst case, ${name} (${(body.length / 1e6).toFixed(1)} MB): ${(performance.now() - t1).toFixed(0)} ms`);
}
