/**
 * `impactwire import FILE.ndjson [--restart] [--quiet]`: imports articles through the ingest
 * pipeline (enrich + store), resumably. Exit code 0, or 5 (partial) when some lines were bad.
 */
import { EXIT, ImpactwireError } from "../../core/errors.ts";
import { loadConfig } from "../../core/config.ts";
import { loadReference } from "../../reference/reference.ts";
import { openStore } from "../../store/open.ts";
import { Pipeline } from "../../ingest/pipeline/pipeline.ts";
import { importFile } from "../../ingest/import/import.ts";
import { EnrichPool, defaultWorkers } from "../../ingest/import/pool.ts";
import { registerCommand } from "../main.ts";
import { progressReporter } from "./progress.ts";

const HELP = `Usage: impactwire import FILE.ndjson [--restart] [--quiet] [--progress-ms N]

Imports one article per line: {"id", "title", "text" | "html", "url", "publishedAt", "source"}.
Re-running the same file resumes after the last acknowledged line; importing again changes nothing.
  --restart   read the file from the start (already stored articles stay unchanged)
  --quiet     no progress output
  --progress-ms N  least time between two progress reports (default 1000; 0: after every batch)
  --workers N      enrichment worker threads (default: one per core; 0: enrich in the main thread)
`;

function usage(message: string): ImpactwireError {
  return new ImpactwireError("import", "USAGE", `${message}\n\n${HELP}`, { exitCode: EXIT.usage });
}

/**
 * Runs the import command; resolves to the exit code.
 *
 * @example
 * await runImport(["articles.ndjson"]);
 */
export async function runImport(args: string[]): Promise<number> {
  const flags = new Set<string>();
  const files: string[] = [];
  let progressMs = 1000;
  let workers = defaultWorkers();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--progress-ms") {
      progressMs = Number(args[++i]);
      if (!Number.isInteger(progressMs) || progressMs < 0) throw usage("--progress-ms needs a whole number of milliseconds");
    } else if (a === "--workers") {
      workers = Number(args[++i]);
      if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw usage("--workers needs a whole number from 0 to 64");
    } else if (a.startsWith("-")) flags.add(a);
    else files.push(a);
  }
  if (flags.has("--help") || flags.has("-h")) return process.stdout.write(HELP), EXIT.ok;
  for (const f of flags) if (!["--restart", "--quiet"].includes(f)) throw usage(`unknown option ${f}`);
  if (files.length !== 1) throw usage(files.length ? "give one file" : "missing FILE.ndjson");
  const config = loadConfig();
  const store = await openStore(config);
  const report = progressReporter(process.stderr);
  const pool = workers > 0 ? new EnrichPool(workers) : null;
  try {
    const pipeline = new Pipeline({ store, reference: loadReference(), maxChars: config.maxArticleChars });
    const stats = await importFile({
      file: files[0]!,
      store,
      ingestor: pipeline,
      restart: flags.has("--restart"),
      onBadLine: (line, e) => {
        report.clear();
        process.stderr.write(`impactwire: import: line ${line}: ${e.message.replace(/^import: /, "")}\n`);
      },
      onProgress: flags.has("--quiet") ? undefined : report.update,
      progressEveryMs: progressMs,
      ...(pool ? { parallel: { pool, pipeline, store, maxChars: config.maxArticleChars } } : {}),
    });
    report.done();
    const secs = stats.elapsedMs / 1000;
    const done = stats.created + stats.revised + stats.unchanged + stats.duplicate;
    const skipped = stats.resumedFrom ? `, resumed after line ${stats.resumedFrom}` : "";
    process.stdout.write(
      `imported ${stats.file}: ${stats.created} new, ${stats.revised} revised, ${stats.unchanged} unchanged, ${stats.duplicate} duplicates, ${stats.bad} bad lines${skipped}; ${done} articles in ${secs.toFixed(1)}s (${secs > 0 ? Math.round(done / secs) : done}/s)\n`,
    );
    return stats.bad ? EXIT.partial : EXIT.ok;
  } finally {
    report.done();
    await pool?.close();
    await store.close();
  }
}

registerCommand("import", "import articles from an NDJSON file (resumable, idempotent)", runImport);
