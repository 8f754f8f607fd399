/**
 * `impactwire analyze` (DESIGN §6): one article from a file, an http(s) URL or stdin — plain text or
 * HTML, main text extracted — to its enrichment document (`--format json`, validated against the
 * contract) or a readable report (`--format text`); `--ndjson` runs the streaming batch mode.
 * Every failure is one line `impactwire: <module>: <message>` with an exit code from EXIT (docs/cli.md).
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable, Writable } from "node:stream";
import { loadConfig, type Config } from "../../core/config.ts";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import type { ArticleInput } from "../../contract/article.ts";
import { loadReference } from "../../reference/reference.ts";
import { renderTextReport } from "../../enrich/report/report.ts";
import { registerCommand } from "../main.ts";
import { parseAnalyzeArgs, USAGE } from "./args.ts";
import { articleFromBytes, readFileLimited, readStreamLimited } from "./input.ts";
import { runBatch } from "./ndjson.ts";
import { enrichValidated } from "./run.ts";
import { llmFromConfig } from "../../llm/from-config.ts";
import { articleFromUrl, isUrlArgument } from "./url.ts";

export interface AnalyzeIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

const processIO = (): AnalyzeIO => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });

function needStdin(io: AnalyzeIO): void {
  if (io.stdin.isTTY) {
    throw new ImpactwireError("analyze", "USAGE", "give a FILE, a URL, or - to read the article from stdin (see impactwire analyze --help)", { exitCode: EXIT.usage });
  }
}

async function batchInput(source: string | null, io: AnalyzeIO): Promise<AsyncIterable<Buffer | string>> {
  if (source === null || source === "-") {
    needStdin(io);
    return io.stdin;
  }
  const info = await stat(source).catch((cause: NodeJS.ErrnoException) => {
    const why = cause.code === "ENOENT" ? "no such file" : cause.message;
    throw new ImpactwireError("analyze", "CANNOT_READ", `cannot read ${source}: ${why}`, { cause, exitCode: EXIT.input });
  });
  if (info.isDirectory()) throw new ImpactwireError("analyze", "CANNOT_READ", `${source} is a directory, not an NDJSON file`, { exitCode: EXIT.input });
  return createReadStream(source, { highWaterMark: 256 * 1024 });
}

async function readArticle(source: string | null, config: Config, io: AnalyzeIO): Promise<ArticleInput> {
  const limits = { maxBytes: config.maxInputBytes, maxChars: config.maxArticleChars };
  if (source !== null && isUrlArgument(source)) return articleFromUrl(source, config);
  if (source === null || source === "-") {
    needStdin(io);
    return articleFromBytes(await readStreamLimited(io.stdin, limits.maxBytes, "standard input"), "standard input", limits);
  }
  return articleFromBytes(await readFileLimited(source, limits.maxBytes), source, limits);
}

/**
 * Runs `impactwire analyze` with its arguments; resolves to the exit code (throws ImpactwireError on failure).
 *
 * @example
 * process.exitCode = await runAnalyze(["article.html", "--format", "text"]);
 */
export async function runAnalyze(argv: string[], io: AnalyzeIO = processIO()): Promise<number> {
  const args = parseAnalyzeArgs(argv);
  if (args.help) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const config = loadConfig(io.env);
  // A reader that goes away (`| head`) is not an error: stop writing quietly instead of crashing on EPIPE.
  io.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") io.stderr.write(`impactwire: analyze: cannot write the output: ${err.message}\n`);
  });
  const llm = args.noLlm ? null : llmFromConfig(config);
  try {
    if (args.ndjson) {
      const input = await batchInput(args.source, io);
      const result = await runBatch(input, { config, ref: loadReference(), stdout: io.stdout, stderr: io.stderr, concurrency: config.analyzeConcurrency, llm });
      if (result.failed === 0) return EXIT.ok;
      io.stderr.write(`impactwire: analyze: ${result.failed} of ${result.lines} lines failed; the others were enriched\n`);
      return EXIT.partial;
    }
    // Input is read and checked before the reference data is loaded: bad input fails fast.
    const article = await readArticle(args.source, config, io);
    const enrichment = await enrichValidated(article, loadReference(), config, llm, (m) => io.stderr.write(`${m}\n`));
    const out = args.format === "text" ? renderTextReport(enrichment) : `${JSON.stringify(enrichment, null, args.pretty ? 2 : undefined)}\n`;
    io.stdout.write(out);
    return EXIT.ok;
  } finally {
    await llm?.close?.();
  }
}

registerCommand("analyze", "analyse an article (file, URL or stdin; text or HTML) or an NDJSON batch", (argv) => runAnalyze(argv));
