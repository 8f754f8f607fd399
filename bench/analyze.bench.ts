/**
 * Throughput benchmark of `impactwire analyze --ndjson` (issue 2, must-show 4).
 *
 * Generates N (default 10,000) ~700-word news articles of our own writing (seeded, varied companies,
 * events and figures) into an NDJSON file, then runs the batch path:
 *   1. in-process (runBatch, output discarded): articles/s, p50/p99 per-article latency, peak RSS after
 *      1,000 and after N articles (flat memory = the two are close);
 *   2. through the real CLI (`node bin/impactwire.js analyze --ndjson FILE`, pinned to one core with
 *      taskset when available): articles/s including start-up, and the child's peak RSS (VmHWM) for
 *      1,000 and N articles.
 * Prints the machine (CPU model, cores, Node version). Target: ≥ 300 articles/s on one core.
 *
 * Usage: npx tsx bench/analyze.bench.ts [N] [--no-cli]
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, createReadStream, existsSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { runBatch } from "../src/cli/analyze/ndjson.ts";
import { loadConfig } from "../src/core/config.ts";
import { ENGINE_VERSION } from "../src/core/version.ts";
import { loadReference } from "../src/reference/reference.ts";

const N = Number((process.argv[2] ?? "10000").replace(/_/g, "")) || 10_000;
const WITH_CLI = !process.argv.includes("--no-cli");
const ROOT = join(import.meta.dirname, "..");

// ---------------------------------------------------------------- article generator (seeded)
let seed = 20261128;
const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const num = (lo: number, hi: number, digits = 1): string => (lo + rand() * (hi - lo)).toFixed(digits);

const COMPANIES = [
  "Apple", "Microsoft", "Amazon", "Alphabet", "Meta Platforms", "Nvidia", "Tesla", "JPMorgan Chase", "Bank of America",
  "Exxon Mobil", "Chevron", "Pfizer", "Johnson & Johnson", "Merck", "Walmart", "Costco", "Home Depot", "Boeing",
  "Caterpillar", "Intel", "Advanced Micro Devices", "Oracle", "Salesforce", "Netflix", "Walt Disney", "Coca-Cola",
  "PepsiCo", "Procter & Gamble", "Nike", "Starbucks", "McDonald's", "Ford Motor", "General Motors", "Delta Air Lines",
  "FedEx", "Goldman Sachs", "Morgan Stanley", "Wells Fargo", "Citigroup", "Visa", "Mastercard", "PayPal", "Adobe",
  "Qualcomm", "Broadcom", "Micron Technology", "Eli Lilly", "AbbVie", "Moderna", "Gilead Sciences", "Amgen", "Verizon",
  "Comcast", "Target", "UnitedHealth Group", "Harborline Logistics", "Solvane", "Crestmoor Bank",
] as const;
const PEOPLE = ["Maria Lindqvist", "Tomas Heller", "Priya Raman", "Leonard Fitch", "Helen Marsh", "Dana Okafor", "Rahul Mehta", "Anne Carver"];
const BROKERS = ["Brookfield Street Securities", "Ostrander & Co.", "Graystone Partners", "Kellerman Research", "Northbridge Capital"];

const LEADS: ((a: string, b: string) => [string, string])[] = [
  (a) => [`${a} beats quarterly estimates and raises outlook`, `${a} reported quarterly earnings on Tuesday that beat Wall Street expectations, earning $${num(0.8, 4, 2)} a share on an adjusted basis against the $${num(0.5, 3, 2)} analysts had expected. Revenue rose ${num(3, 20)}% from a year earlier to $${num(2, 90)} billion, and the company raised its full-year forecast.`],
  (a) => [`${a} misses estimates as demand slows`, `${a} reported weaker-than-expected results on Thursday, earning $${num(0.2, 2, 2)} a share against the $${num(1, 3, 2)} analysts had forecast. Revenue fell ${num(1, 12)}% to $${num(1, 40)} billion as customers delayed orders, and the company cut its guidance for the rest of the year.`],
  (a, b) => [`${a} agrees to buy ${b} for $${num(5, 80)} billion`, `${a} said on Monday it had agreed to acquire ${b} in a cash-and-stock deal valued at $${num(5, 80)} billion, or a premium of about ${num(15, 45, 0)}% to the target's closing price on Friday. The boards of both companies approved the transaction, which is expected to close in the second half of next year subject to regulatory approval.`],
  (a) => [`${a} to cut ${num(1, 12, 0)},000 jobs in restructuring`, `${a} said it would eliminate about ${num(1, 12, 0)},000 jobs, roughly ${num(2, 9)}% of its workforce, as part of a restructuring meant to save $${num(0.5, 4)} billion a year. The company expects to record charges of up to $${num(200, 900, 0)} million over the next two quarters.`],
  (a) => [`${BROKERS[0]} upgrades ${a} to buy`, `Analysts at ${pick(BROKERS)} upgraded ${a} to buy from hold on Wednesday and raised their price target to $${num(60, 400, 0)} from $${num(40, 300, 0)}, saying margins had bottomed and that the market underestimated the company's pricing power. The shares rose ${num(1, 6)}% in morning trading.`],
  (a) => [`${a} wins FDA approval for new treatment`, `The U.S. Food and Drug Administration approved ${a}'s treatment for moderate to severe plaque psoriasis on Friday, clearing the way for a launch early next year. Analysts expect peak annual sales of about $${num(1, 6)} billion.`],
  (a) => [`${a} sued over alleged antitrust violations`, `${a} was sued by a group of state attorneys general who accuse the company of abusing its dominant position to raise prices and shut out rivals. The lawsuit seeks damages of more than $${num(1, 10)} billion and changes to the company's contracts with suppliers.`],
  () => ["Fed holds rates steady, signals patience", `The Federal Reserve kept its benchmark interest rate unchanged in a range of 4.25% to 4.50% on Wednesday, saying inflation remained somewhat elevated. Two-year Treasury yields rose ${num(2, 12, 0)} basis points after the statement, and the dollar gained against the euro and the yen.`],
  (a) => [`${a} names new chief executive`, `${a} said on Monday that ${pick(PEOPLE)}, its chief operating officer, would become chief executive on January 1, succeeding ${pick(PEOPLE)}, who is retiring after ${num(5, 15, 0)} years in the role. The board said the transition had been planned for more than a year.`],
  (a) => [`${a} launches new product line`, `${a} unveiled a new line of products at an event in San Francisco on Tuesday, including devices and software services it said would be available in more than ${num(20, 60, 0)} countries by the spring. The company did not disclose pricing for all models.`],
];

const BODY: ((a: string, b: string) => string)[] = [
  (a) => `Shares of ${a} rose ${num(0.5, 8)}% in early trading in New York, while the broader S&P 500 index was little changed. The stock has gained about ${num(5, 40, 0)}% so far this year, outperforming most of its peers.`,
  (a) => `"We are seeing steady demand across our largest markets, and we are investing for the long term," chief executive ${pick(PEOPLE)} told analysts on a conference call. "We are not assuming a straight line from here, but the trend is clearly better than it was in the spring."`,
  () => `Analysts at ${pick(BROKERS)} said the results removed some of the doubt that had built up after a disappointing previous quarter. They kept their rating on the stock and a price target of $${num(50, 350, 0)}, citing stronger cash flow and a healthier balance sheet.`,
  (a) => `Not every division improved. ${a}'s smaller consumer unit posted an operating loss as costs for freight and materials stayed high, and management said it would close two underused facilities by the end of the year to cut expenses.`,
  () => `The company said capital spending would rise to about $${num(1, 30)} billion next year, most of it for data centers, new factories and software, up from $${num(1, 20)} billion this year. Free cash flow for the quarter came in at $${num(0.3, 9)} billion.`,
  (a, b) => `${b}, which competes with ${a} in several of its markets, said last month that it expected demand to remain uneven through the first half of next year, pointing to cautious spending by large corporate customers and slower hiring.`,
  () => `Economists expect growth to slow next year as higher borrowing costs weigh on consumers and businesses. Retail sales were flat in October, and a survey of purchasing managers showed factory activity contracting for a third month in a row.`,
  () => `Investors will watch the company's investor day in December, when it is expected to give targets for the next three years and an update on its plans to return cash to shareholders through dividends and buybacks.`,
  (a) => `${a} also said its board had approved a new share repurchase program of up to $${num(1, 25)} billion and raised its quarterly dividend by ${num(2, 10, 0)}% to $${num(0.2, 1.5, 2)} a share.`,
  () => `The results come as the industry faces a slower economy, new export rules and rising competition from lower-cost producers in Asia. Several rivals have warned in recent weeks that orders would take longer to recover than they had hoped.`,
  () => `Some analysts were more cautious. "The easy part of the recovery may be behind us, and valuations leave little room for disappointment," said ${pick(PEOPLE)}, who manages a fund at ${pick(BROKERS)}. "You are paying for perfection at these prices."`,
  () => `Regulators in Washington and Brussels have been reviewing the sector's pricing practices, and officials said last week that they would publish their findings early next year. The companies involved have said they comply with all applicable rules.`,
  () => `Trading volumes were about ${num(1.2, 3)} times the 30-day average, according to exchange data, as options traders bought contracts that would profit from further gains over the next month.`,
];

function article(i: number): { id: string; title: string; text: string; publishedAt: string; source: string } {
  const a = pick(COMPANIES);
  let b = pick(COMPANIES);
  if (b === a) b = COMPANIES[(COMPANIES.indexOf(a) + 7) % COMPANIES.length]!;
  const [title, lead] = pick(LEADS)(a, b);
  const paras = [lead];
  let words = lead.split(" ").length;
  while (words < 690) {
    const p = pick(BODY)(a, b);
    paras.push(p);
    words += p.split(" ").length;
  }
  return { id: `bench-${i}`, title, text: paras.join("\n\n"), publishedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(), source: "bench" };
}

const NAV = Array.from({ length: 40 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join("");
const TRACKER = `<script>${"window.dataLayer=window.dataLayer||[];dataLayer.push({event:'view',id:Math.random()});".repeat(60)}</script>`;

/** The same article as a news page: head metadata, navigation, ad slots, share bar, comments, scripts. */
function asPage(a: ReturnType<typeof article>): string {
  const paras = a.text.split("\n\n").map((p, i) => `${i === 3 ? '<div class="ad-slot"><p>Advertisement</p></div>' : ""}<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.title} | Bench Wire</title><meta property="og:site_name" content="Bench Wire"><meta property="article:published_time" content="${a.publishedAt}">${TRACKER}</head><body><header><nav><ul>${NAV}</ul></nav></header><main><article><h1>${a.title}</h1><div class="share-bar"><a href="#">Share</a></div>${paras.join("")}</article><section class="comments"><p>First comment on this story, with an opinion about the stock.</p></section></main><footer><ul>${NAV}</ul><p>© 2026 Bench Wire</p></footer>${TRACKER}</body></html>`;
}

function writeCorpus(n: number, html = false): { path: string; avgWords: number } {
  const path = join(os.tmpdir(), `impactwire-bench-${n}${html ? "-html" : ""}.ndjson`);
  seed = 20261128;
  let words = 0;
  const fd = openSync(path, "w"); // written line by line: the generator must not inflate the RSS measured later
  for (let i = 0; i < n; i++) {
    const a = article(i);
    words += a.text.split(/\s+/).length + a.title.split(" ").length;
    const { text, ...rest } = a;
    writeSync(fd, `${JSON.stringify(html ? { id: rest.id, html: asPage(a) } : { ...rest, text })}\n`);
  }
  closeSync(fd);
  return { path, avgWords: Math.round(words / n) };
}

// ---------------------------------------------------------------- measurements
const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function inProcess(path: string): Promise<{ n: number; secs: number; cpuSecs: number; p50: number; p99: number; failed: number; peakRss: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await runBatch(createReadStream(path, { highWaterMark: 256 * 1024 }), {
    config: loadConfig(),
    ref: loadReference(),
    stdout: sink,
    stderr: process.stderr,
    concurrency: 4,
    onLine: ({ ms, ok }) => {
      latencies.push(ms);
      if (!ok) failed++;
    },
  });
  const secs = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  latencies.sort((x, y) => x - y);
  return { n: latencies.length, secs, cpuSecs: (c.user + c.system) / 1e6, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), failed, peakRss: process.resourceUsage().maxRSS * 1024 };
}

/** Runs the real CLI on the file; samples the child's VmHWM (peak RSS) from /proc while it runs. */
function throughCli(path: string): Promise<{ secs: number; cpuSecs: number; lines: number; peakRss: number; code: number | null; pinned: boolean; along: string[] }> {
  const pinned = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
  const argv = [process.execPath, join(ROOT, "bin", "impactwire.js"), "analyze", "--ndjson", path];
  const [cmd, ...args] = pinned ? ["taskset", "-c", "0", ...argv] : argv;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd!, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let lines = 0;
    let peak = 0;
    let cpuTicks = 0;
    const along: string[] = []; // current RSS each time another tenth of the input has been written
    const total = readFileSync(path, "utf8").split("\n").length - 1;
    let nextMark = Math.ceil(total / 10);
    child.stdout.on("data", (d: Buffer) => {
      for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) lines++;
    });
    const sample = setInterval(() => {
      const status = existsSync(`/proc/${child.pid}/status`) ? readFileSync(`/proc/${child.pid}/status`, "utf8") : "";
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
      if (lines >= nextMark && status) {
        along.push(`${lines}: ${mb(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024)}`);
        while (nextMark <= lines) nextMark += Math.ceil(total / 10);
      }
      // /proc/PID/stat fields 14 and 15: user and system CPU time in clock ticks (100 per second)
      const stat = existsSync(`/proc/${child.pid}/stat`) ? readFileSync(`/proc/${child.pid}/stat`, "utf8") : "";
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (fields.length > 13) cpuTicks = Math.max(cpuTicks, Number(fields[11]) + Number(fields[12]));
    }, 50);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sample);
      resolve({ secs: (performance.now() - t0) / 1000, cpuSecs: cpuTicks / 100, lines, peakRss: peak, code, pinned, along });
    });
  });
}

// ---------------------------------------------------------------- main
const cpu = os.cpus()[0];
console.log(`impactwire ${ENGINE_VERSION} — analyze --ndjson benchmark`);
console.log(`machine: ${cpu?.model ?? "unknown CPU"} (${os.cpus().length} cores visible), ${mb(os.totalmem())} RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`);
console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (figures are only clean when this is below 1)`);
const small = writeCorpus(Math.min(1_000, N));
const big = writeCorpus(N);
console.log(`corpus: ${N} articles, ${big.avgWords} words on average (${big.path})`);

const t0 = performance.now();
loadReference();
console.log(`reference data loaded in ${(performance.now() - t0).toFixed(0)} ms`);

const warm = await inProcess(small.path);
const full = await inProcess(big.path);
console.log("\nin-process (runBatch, one thread, output discarded):");
const perCpu = (r: { n: number; cpuSecs: number }): string => `${(r.n / r.cpuSecs).toFixed(0)} per CPU-second`;
console.log(`  ${warm.n} articles: ${(warm.n / warm.secs).toFixed(0)} articles/s (${perCpu(warm)}), p50 ${warm.p50.toFixed(2)} ms, p99 ${warm.p99.toFixed(2)} ms, peak RSS ${mb(warm.peakRss)}`);
console.log(`  ${full.n} articles: ${(full.n / full.secs).toFixed(0)} articles/s (${perCpu(full)}), p50 ${full.p50.toFixed(2)} ms, p99 ${full.p99.toFixed(2)} ms, peak RSS ${mb(full.peakRss)}${full.failed ? `, ${full.failed} FAILED` : ""}`);

const pages = writeCorpus(Math.min(1_000, N), true);
const html = await inProcess(pages.path);
console.log(`  ${html.n} HTML pages (same articles with navigation, ads, comments, scripts; ~${(statSync(pages.path).size / html.n / 1024).toFixed(0)} KB each): ${(html.n / html.secs).toFixed(0)} pages/s (${perCpu(html)}), p50 ${html.p50.toFixed(2)} ms, p99 ${html.p99.toFixed(2)} ms${html.failed ? `, ${html.failed} FAILED` : ""}`);

if (WITH_CLI) {
  const c1 = await throughCli(small.path);
  const cN = await throughCli(big.path);
  console.log(`\nthrough the CLI (node bin/impactwire.js analyze --ndjson FILE${cN.pinned ? ", taskset -c 0: one core" : ""}; includes start-up):`);
  console.log(`  ${c1.lines} articles: ${c1.secs.toFixed(1)} s (${c1.cpuSecs.toFixed(1)} s CPU), ${(c1.lines / c1.secs).toFixed(0)} articles/s, peak RSS ${mb(c1.peakRss)}, exit ${c1.code}`);
  console.log(`  ${cN.lines} articles: ${cN.secs.toFixed(1)} s (${cN.cpuSecs.toFixed(1)} s CPU), ${(cN.lines / cN.secs).toFixed(0)} articles/s, peak RSS ${mb(cN.peakRss)}, exit ${cN.code}`);
  console.log(`  RSS along the ${cN.lines}-article run (lines written: RSS): ${cN.along.join(", ")}`);
  console.log(`  memory: peak RSS ${mb(c1.peakRss)} at ${c1.lines} vs ${mb(cN.peakRss)} at ${cN.lines} articles (${(cN.peakRss / Math.max(1, c1.peakRss)).toFixed(2)}×)`);
}
const rate = full.n / full.secs;
const cpuRate = full.n / full.cpuSecs;
console.log(`\ntarget ≥ 300 articles/s on one core: ${rate >= 300 ? "met" : "NOT met"} on the wall clock (${rate.toFixed(0)}/s in-process), ${cpuRate >= 300 ? "met" : "NOT met"} per CPU-second (${cpuRate.toFixed(0)}); product goal > 1,000/s`);
