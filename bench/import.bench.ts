/**
 * Import benchmark (issue 4, must-show 5): bulk import of N generated articles (default 100,000)
 * through the real ingest path — parse, normalise, dedupe into stories, enrich (all stages), store
 * (article, revision, enrichment, ticker/topic rows, SimHash bands, FTS) in batched transactions —
 * and the articles/s it reaches, sequential (workers 0) and with enrichment worker threads.
 * Also measures the two query-layer options for the store's hot path (kysely vs prepared statements).
 *
 * The database is kept for bench/search.bench.ts.
 *
 * The main thread's share is reported two ways: its event-loop busy time per article during the real
 * import, and `--writer-only N`: the first N articles prepared and enriched beforehand (in the
 * workers), then placed in stories and written by the main thread alone (CPU ms/article, no
 * competition from the workers).
 *
 * Usage: npx tsx bench/import.bench.ts [--n 100000] [--workers 1] [--dir /tmp/impactwire-bench] [--compare-sequential 5000] [--writer-only 0 --repeat 1] [--skip-full 0]
 */
import fs from "node:fs";
import v8 from "node:v8";
import { performance } from "node:perf_hooks";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { openSqliteStore } from "../src/store/sqlite/store.ts";
import { SQLITE_FILE } from "../src/store/open.ts";
import { loadReference } from "../src/reference/reference.ts";
import { Pipeline } from "../src/ingest/pipeline/pipeline.ts";
import { importFile, type ImportStats } from "../src/ingest/import/import.ts";
import { EnrichPool, defaultWorkers } from "../src/ingest/import/pool.ts";
import { ENGINE_VERSION } from "../src/core/version.ts";
import { corpusArticle } from "../test/ingest/corpus.ts";
import { arg } from "./args.ts";
import { parseLine } from "../src/ingest/import/item.ts";
import { PendingSet } from "../src/ingest/dedupe/pending.ts";
import { storyContext } from "../src/ingest/dedupe/dedupe.ts";
import { encodeDoc, rememberEncoded } from "../src/store/sqlite/rows.ts";
import type { Prepared } from "../src/ingest/pipeline/pipeline.ts";
import type { Enrichment } from "../src/contract/enrichment.ts";


const N = arg("n", 100_000);
const WORKERS = arg("workers", defaultWorkers());
const DIR = arg("dir", path.join(os.tmpdir(), "impactwire-bench"));
const COMPARE = arg("compare-sequential", 5_000);
const WRITER_ONLY = arg("writer-only", 0);
const SKIP_FULL = arg("skip-full", 0);
const REPEAT = arg("repeat", 1);

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "unknown CPU"} × ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`;
}

function corpus(file: string, n: number): void {
  if (fs.existsSync(file)) return;
  const out = fs.openSync(file, "w");
  let buf = "";
  for (let i = 0; i < n; i++) {
    buf += `${JSON.stringify(corpusArticle(i, 11, "long"))}\n`;
    if (buf.length > 1 << 20) fs.writeSync(out, buf), (buf = "");
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
}

function fresh(dbFile: string): void {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
}

let busyMsPerArticle = 0;
let cpuNote = "";

/** CPU time (ms) of the main thread (Linux: /proc/self/task/<pid>/stat), or NaN elsewhere. */
function mainThreadCpuMs(): number {
  try {
    const f = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

async function run(file: string, dbFile: string, workers: number): Promise<ImportStats> {
  fresh(dbFile);
  const store = openSqliteStore(dbFile);
  const pipeline = new Pipeline({ store, reference: loadReference() });
  const pool = workers > 0 ? new EnrichPool(workers) : null;
  const elu = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  try {
    const stats = await importFile({
      file,
      store,
      ingestor: pipeline,
      progressEveryMs: 10_000,
      onProgress: (s) => process.stderr.write(`  … line ${s.acknowledged} (${Math.round(((s.created + s.duplicate + s.unchanged) * 1000) / Math.max(1, s.elapsedMs))}/s)\n`),
      ...(pool ? { parallel: { pool, pipeline, store } } : {}),
    });
    const n = Math.max(1, stats.lines - stats.resumedFrom);
    busyMsPerArticle = performance.eventLoopUtilization(elu).active / n;
    const cpu = process.cpuUsage(cpu0);
    cpuNote = `; CPU: main thread ${((mainThreadCpuMs() - main0) / n).toFixed(3)} ms/article, whole process ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms/article; load ${os.loadavg()[0]!.toFixed(1)}`;
    return stats;
  } finally {
    await pool?.close();
    await store.close();
  }
}

function report(label: string, s: ImportStats): void {
  const n = s.created + s.duplicate + s.unchanged + s.revised;
  console.log(`${label}: ${n.toLocaleString("en-US")} articles (${s.created} new, ${s.duplicate} duplicates, ${s.bad} bad) in ${(s.elapsedMs / 1000).toFixed(1)} s = ${Math.round((n * 1000) / s.elapsedMs)} articles/s; main thread busy ${busyMsPerArticle.toFixed(3)} ms/article${cpuNote}`);
}

type Precomputed = { prepared: Pick<Prepared, "write">[]; enriched: Enrichment[] };

/** The first n articles prepared and enriched by the workers (cached in the bench directory: the writer is measured, not the engine). */
async function precompute(file: string, n: number, workers: number): Promise<Precomputed> {
  const cache = path.join(path.dirname(file), `writer-input-${n}.v8`);
  if (fs.existsSync(cache)) return v8.deserialize(fs.readFileSync(cache)) as Precomputed;
  const lines = fs.readFileSync(file, "utf8").split("\n").slice(0, n).filter((l) => l.trim() !== "");
  const pool = new EnrichPool(workers);
  const placeholder = storyContext("st_bench", 1, "2026-01-01T00:00:00.000Z", 0);
  const prepared = await Promise.all(lines.map((l) => pool.prepare(parseLine(l))));
  const enriched = await Promise.all(prepared.map((p) => pool.enrich(p.doc, placeholder)));
  await pool.close();
  fs.writeFileSync(cache, v8.serialize({ prepared, enriched }));
  return { prepared, enriched };
}

/** The main thread's part alone: placement and writes of articles enriched beforehand; the best of `repeat` runs. */
async function writerOnly(file: string, dbFile: string, n: number, workers: number, repeat: number): Promise<void> {
  const { prepared, enriched } = await precompute(file, n, workers);
  const encoded = enriched.map((e) => encodeDoc(e));
  for (let run = 0; run < repeat; run++) {
    fresh(dbFile);
    const store = openSqliteStore(dbFile);
    const pipeline = new Pipeline({ store, reference: loadReference() });
    const pending = new PendingSet();
    const t = { place: 0, write: 0 };
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    for (let from = 0; from < prepared.length; from += 250) {
      const to = Math.min(prepared.length, from + 250);
      await pipeline.batch(async () => {
        for (let i = from; i < to; i++) {
          const a = performance.now();
          const r = await pipeline.placeInStory(prepared[i]!, pending, i + 1);
          const b = performance.now();
          if (r !== "retry" && "story" in r) {
            const e = { ...enriched[i]!, story: r.story };
            rememberEncoded(e, encoded[i]!);
            await store.writeArticle({ ...prepared[i]!.write, enrichment: e }, { checkpoint: { key: "bench", line: i + 1 } });
          }
          t.place += b - a;
          t.write += performance.now() - b;
        }
      });
      for (let i = from; i < to; i++) pending.remove(i + 1);
    }
    const wall = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    await store.close();
    const per = (ms: number): string => (ms / prepared.length).toFixed(3);
    console.log(`writer only, ${prepared.length} articles: ${per(wall)} ms/article wall (place ${per(t.place)}, write ${per(t.write)}, commit ${per(wall - t.place - t.write)}), CPU ${per((used.user + used.system) / 1000)} ms/article = ${Math.round((prepared.length * 1000) / wall)} articles/s; load ${os.loadavg()[0]!.toFixed(1)}`);
  }
}

async function queryLayer(): Promise<void> {
  const rows = 20_000;
  const db = new Database(":memory:");
  db.exec("CREATE TABLE t (pk INTEGER PRIMARY KEY, symbol TEXT, sort_key INTEGER, impact REAL); CREATE INDEX t_s ON t (symbol, sort_key)");
  const k = new Kysely<{ t: { pk: number; symbol: string; sort_key: number; impact: number } }>({ dialect: new SqliteDialect({ database: db }) });
  let t0 = performance.now();
  await k.transaction().execute(async (tx) => {
    for (let i = 0; i < rows; i++) await tx.insertInto("t").values({ pk: i + 1, symbol: `S${i % 50}`, sort_key: i, impact: (i % 100) / 100 }).execute();
  });
  const kIns = ((performance.now() - t0) * 1000) / rows;
  db.exec("DELETE FROM t");
  const ins = db.prepare("INSERT INTO t (pk, symbol, sort_key, impact) VALUES (?, ?, ?, ?)");
  t0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows; i++) ins.run(i + 1, `S${i % 50}`, i, (i % 100) / 100);
  })();
  const pIns = ((performance.now() - t0) * 1000) / rows;
  t0 = performance.now();
  for (let i = 0; i < 5000; i++) await k.selectFrom("t").select(["pk", "sort_key"]).where("symbol", "=", `S${i % 50}`).where("sort_key", "<", rows - i).orderBy("sort_key", "desc").limit(21).execute();
  const kSel = ((performance.now() - t0) * 1000) / 5000;
  const sel = db.prepare("SELECT pk, sort_key FROM t WHERE symbol = ? AND sort_key < ? ORDER BY sort_key DESC LIMIT 21");
  t0 = performance.now();
  for (let i = 0; i < 5000; i++) sel.all(`S${i % 50}`, rows - i);
  const pSel = ((performance.now() - t0) * 1000) / 5000;
  console.log(`query layer: insert ${kIns.toFixed(1)} µs (kysely) vs ${pIns.toFixed(1)} µs (prepared) per row; keyset page ${kSel.toFixed(1)} µs vs ${pSel.toFixed(1)} µs per query`);
  await k.destroy();
}

console.log(`impactwire import bench — engine ${ENGINE_VERSION}\nmachine: ${machine()}`);
fs.mkdirSync(DIR, { recursive: true });
const file = path.join(DIR, `corpus-long-${N}.ndjson`);
corpus(file, N);
const words = Math.round(fs.readFileSync(file, "utf8").slice(0, 2_000_000).split("\n").slice(0, 1000).reduce((n, l) => n + (l ? (JSON.parse(l) as { text: string }).text.split(/\s+/).length : 0), 0) / 1000);
console.log(`corpus: ${file} (${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB, ${N.toLocaleString("en-US")} generated articles of ~${words} words; own templates, seeded)`);
if (WRITER_ONLY > 0) {
  const dbFile = path.join(DIR, "writer.db");
  fresh(dbFile);
  await writerOnly(file, dbFile, WRITER_ONLY, WORKERS, REPEAT);
}
if (SKIP_FULL) process.exit(0);
await queryLayer();
if (COMPARE > 0) {
  const small = path.join(DIR, `corpus-${COMPARE}.ndjson`);
  fs.writeFileSync(small, fs.readFileSync(file, "utf8").split("\n").slice(0, COMPARE).join("\n"));
  report(`sequential (workers 0), first ${COMPARE}`, await run(small, path.join(DIR, "seq.db"), 0));
  report(`parallel (workers ${WORKERS}), first ${COMPARE}`, await run(small, path.join(DIR, "par.db"), WORKERS));
}
const dbFile = path.join(DIR, SQLITE_FILE);
const stats = await run(file, dbFile, WORKERS);
report(`full import (workers ${WORKERS})`, stats);
const db = new Database(dbFile, { readonly: true });
const stories = db.prepare("SELECT count(*) AS n, sum(size > 1) AS multi FROM stories").get() as { n: number; multi: number };
db.close();
console.log(`stories: ${stories.n.toLocaleString("en-US")} (${stories.multi} with more than one article); database ${(fs.statSync(dbFile).size / 2 ** 20).toFixed(0)} MiB at ${dbFile}`);
console.log(`target: ≥ 1,000 articles/s on this 2-core machine — ${Math.round(((stats.created + stats.duplicate) * 1000) / stats.elapsedMs) >= 1000 ? "met" : "not met"}`);
