/**
 * Classify, sentiment and events benchmark: per-stage throughput on ~700-word articles on one core
 * (each call gets a fresh copy of the document, so the per-document caches do not help), and the load
 * time of the taxonomy and the lexicon. Each figure is the best of five rounds, with the process's CPU
 * time per article in that round. "all three" runs events twice (classify reads them through the
 * per-document cache, `findEvents` does not use it); the last line is the order `enrichDoc` uses.
 *
 *   npx tsx bench/stages.bench.ts [N]
 */
import { cpus } from "node:os";
import { readdirSync, readFileSync } from "node:fs";
import { normalize, type Doc } from "../src/enrich/normalize/normalize.ts";
import { loadReference } from "../src/reference/reference.ts";
import { compileTaxonomy } from "../src/reference/taxonomy/taxonomy.ts";
import { parseLexicon } from "../src/reference/lexicon/lexicon.ts";
import { link } from "../src/enrich/link/link.ts";
import { classify } from "../src/enrich/classify/classify.ts";
import { sentiment } from "../src/enrich/sentiment/sentiment.ts";
import { extractEvents, findEvents } from "../src/enrich/events/events.ts";

const N = Number(process.argv[2] ?? 3000);
const caseDir = new URL("../src/enrich/events/cases/", import.meta.url);
const bodies = readdirSync(caseDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(new URL(f, caseDir), "utf8"));

/** ~700 words: one case article followed by paragraphs of the others. */
function article(i: number): Doc {
  const [title, ...rest] = bodies[i % bodies.length]!.split("\n");
  const parts = [rest.join("\n").trim()];
  for (let k = 1; parts.join(" ").split(/\s+/).length < 700; k++) parts.push(bodies[(i + k) % bodies.length]!.split("\n").slice(1).join("\n").trim());
  return normalize({ title: title!, body: parts.join("\n\n") });
}

let t = performance.now();
const taxonomyJson = JSON.parse(readFileSync(new URL("../data/taxonomy.json", import.meta.url), "utf8"));
const tax = compileTaxonomy(taxonomyJson);
const taxMs = performance.now() - t;
t = performance.now();
parseLexicon(readFileSync(new URL("../data/lexicon/finance.tsv", import.meta.url), "utf8"), readFileSync(new URL("../data/lexicon/modifiers.tsv", import.meta.url), "utf8"));
const lexMs = performance.now() - t;

const ref = loadReference();
const docs = Array.from({ length: 100 }, (_, i) => article(i));
const links = docs.map((d) => link(d, ref));
const words = docs.reduce((s, d) => s + d.wordCount, 0) / docs.length;

/**
 * Throughput of `run`: N calls in five rounds; the best round counts (the machine is often shared, and a
 * busy neighbour only ever slows a round down), with the CPU time the process spent per article in it.
 */
function time(name: string, run: (d: Doc, i: number) => unknown): number {
  for (let i = 0; i < 200; i++) run({ ...docs[i % docs.length]! }, i % docs.length); // warm-up
  const lat: number[] = [];
  const rounds = 5;
  let best = 0;
  let cpuMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    const n = Math.ceil(N / rounds);
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const copy = { ...docs[i % docs.length]! };
      const t0 = performance.now();
      run(copy, i % docs.length);
      lat.push(performance.now() - t0);
    }
    const cpu = process.cpuUsage(cpu0);
    best = Math.max(best, n / ((performance.now() - start) / 1000));
    cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000 / n);
  }
  lat.sort((a, b) => a - b);
  const p = (q: number) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))]!.toFixed(3);
  console.log(`${name.padEnd(28)} ${Math.round(best).toLocaleString("en-US").padStart(7)} articles/s   p50 ${p(0.5)} ms   p99 ${p(0.99)} ms   cpu ${cpuMs.toFixed(3)} ms/article`);
  return best;
}

console.log(`machine: ${cpus()[0]?.model ?? "unknown"} (${cpus().length} cores), node ${process.version}`);
console.log(`taxonomy: ${tax.topics.length} topics, ${tax.matcher.size} cues, compiled in ${taxMs.toFixed(1)} ms; lexicon parsed in ${lexMs.toFixed(1)} ms`);
console.log(`${N} runs over ${docs.length} articles of ~${Math.round(words)} words, one core`);
time("sentiment", (d, i) => sentiment(d, ref, links[i]!));
time("events (incl. sentence tone)", (d, i) => findEvents(d, ref, links[i]!));
time("classify (incl. events)", (d, i) => classify(d, ref, links[i]!));
time("all three, shared caches", (d, i) => {
  classify(d, ref, links[i]!);
  sentiment(d, ref, links[i]!);
  findEvents(d, ref, links[i]!);
});
time("all three as enrichDoc does", (d, i) => {
  classify(d, ref, links[i]!);
  sentiment(d, ref, links[i]!);
  extractEvents(d, ref, links[i]!);
});
