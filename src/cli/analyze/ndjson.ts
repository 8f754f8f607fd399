/**
 * `impactwire analyze --ndjson`: one JSON article per input line → one enrichment per output line, in
 * input order, each carrying the input's id. A line that cannot be processed gives
 * `{"id", "line", "error": {code, module, message}}` on stdout and one message on stderr; the batch goes
 * on. Constant memory: lines are read with a byte cap, at most `concurrency` lines are in flight (URL
 * lines are fetched concurrently, output order is kept), and stdout backpressure pauses the reading.
 */
import type { Writable } from "node:stream";
import { ArticleInputSchema, type ArticleInput } from "../../contract/article.ts";
import type { Config } from "../../core/config.ts";
import { ImpactwireError, EXIT, asImpactwireError } from "../../core/errors.ts";
import type { Reference } from "../../reference/reference.ts";
import { articleFromHtml } from "./input.ts";
import { readLines, type Line } from "./lines.ts";
import { articleFromUrl } from "./url.ts";
import { enrichValidated } from "./run.ts";
import type { LlmProvider } from "../../llm/provider.ts";

export interface BatchOptions {
  config: Config;
  ref: Reference;
  stdout: Writable;
  stderr: Writable;
  /** URL lines fetched at once; also the number of lines held in flight. */
  concurrency: number;
  /** The configured LLM (summary and analysis), or none for the deterministic engine. */
  llm?: LlmProvider | null;
  /** Called once per processed line with its processing time (used by bench/analyze.bench.ts). */
  onLine?: (line: { n: number; ms: number; ok: boolean }) => void;
}

export interface BatchResult {
  lines: number;
  ok: number;
  failed: number;
}

interface Outcome {
  out: string;
  error?: ImpactwireError;
  id: string | null;
  n: number;
}

const lineError = (code: string, message: string): ImpactwireError => new ImpactwireError("analyze", code, message, { exitCode: EXIT.input, status: 422 });

const utf8 = new TextDecoder("utf-8", { fatal: true });

function parseLine(line: Line, maxBytes: number): { record: Record<string, unknown>; id: string | null } | null {
  if (line.bytes === null) throw lineError("TOO_LARGE", `line is ${line.size} bytes; the limit is ${maxBytes} (MAX_INPUT_BYTES)`);
  let text: string;
  try {
    text = utf8.decode(line.bytes);
  } catch {
    throw lineError("INVALID_UTF8", "line is not valid UTF-8");
  }
  if (!text.trim()) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw lineError("INVALID_JSON", `line is not valid JSON (${(cause as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw lineError("NOT_AN_OBJECT", "line must be a JSON object like {\"id\", \"title\", \"text\"}");
  const record = value as Record<string, unknown>;
  if (typeof record.id === "number" && Number.isFinite(record.id)) record.id = String(record.id);
  return { record, id: typeof record.id === "string" ? record.id : null };
}

async function toArticle(record: Record<string, unknown>, n: number, config: Config): Promise<ArticleInput> {
  const parsed = ArticleInputSchema.safeParse(record);
  if (!parsed.success) {
    throw lineError("INVALID_FIELD", parsed.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; "));
  }
  const a = parsed.data;
  const given = { ...(a.id ? { id: a.id } : {}), ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}), ...(a.source ? { source: a.source } : {}) };
  const limits = { maxBytes: config.maxInputBytes, maxChars: config.maxArticleChars };
  if (a.text !== undefined) return { ...given, title: a.title, text: a.text, ...(a.url ? { url: a.url } : {}) };
  if (a.html !== undefined) {
    const page = articleFromHtml(a.html, `line ${n}`, limits, a.url);
    return { ...page, ...given, title: a.title || page.title };
  }
  if (a.url !== undefined) {
    const page = await articleFromUrl(a.url, config);
    return { ...page, ...given, title: a.title || (page.title ?? "") };
  }
  throw lineError("NO_CONTENT", 'line has none of "text", "html" or "url"');
}

async function processLine(line: Line, options: BatchOptions): Promise<Outcome | null> {
  const started = options.onLine ? performance.now() : 0;
  const outcome = await processLineInner(line, options);
  if (outcome && options.onLine) options.onLine({ n: line.n, ms: performance.now() - started, ok: !outcome.error });
  return outcome;
}

async function processLineInner(line: Line, options: BatchOptions): Promise<Outcome | null> {
  let id: string | null = null;
  try {
    const parsed = parseLine(line, options.config.maxInputBytes);
    if (!parsed) return null;
    id = parsed.id;
    const article = await toArticle(parsed.record, line.n, options.config);
    const enrichment = await enrichValidated(article, options.ref, options.config, options.llm ?? null, (m) => options.stderr.write(`${m} (line ${line.n})\n`));
    return { out: JSON.stringify(enrichment), id, n: line.n };
  } catch (err) {
    const error = err instanceof ImpactwireError ? err : asImpactwireError(err, "enrich", "INTERNAL");
    return { out: JSON.stringify({ id, line: line.n, error: error.toJSON() }), error, id, n: line.n };
  }
}

/** Resolves when the stream can take more, or is gone (an "error" such as EPIPE ends the wait, not the batch). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off("drain", done).off("close", done).off("error", done);
      resolve();
    };
    stream.on("drain", done).on("close", done).on("error", done);
  });
}

/**
 * Runs the batch over an input stream, writing NDJSON to `options.stdout`.
 *
 * @example
 * const r = await runBatch(createReadStream("in.ndjson"), { config, ref, stdout: process.stdout, stderr: process.stderr, concurrency: 4 });
 * process.exitCode = r.failed ? EXIT.partial : EXIT.ok;
 */
export async function runBatch(input: AsyncIterable<Buffer | string>, options: BatchOptions): Promise<BatchResult> {
  const result: BatchResult = { lines: 0, ok: 0, failed: 0 };
  const { stdout, stderr } = options;
  let closed = false;
  const onError = (): void => {
    closed = true; // EPIPE: the reader went away (`| head`); stop quietly
  };
  stdout.on("error", onError);
  const pending: Promise<Outcome | null>[] = [];
  const flushOne = async (): Promise<void> => {
    const outcome = await pending.shift()!;
    if (!outcome || closed) return;
    result.lines++;
    if (outcome.error) {
      result.failed++;
      const where = `line ${outcome.n}${outcome.id !== null ? `, id ${JSON.stringify(outcome.id)}` : ""}`;
      stderr.write(`impactwire: ${outcome.error.message} (${where})\n`);
    } else result.ok++;
    if (!stdout.write(`${outcome.out}\n`) && !closed) await drained(stdout);
  };
  try {
    for await (const line of readLines(input, options.config.maxInputBytes)) {
      pending.push(processLine(line, options));
      while (pending.length >= Math.max(1, options.concurrency) && !closed) await flushOne();
      if (closed) break;
    }
    while (pending.length > 0 && !closed) await flushOne();
  } finally {
    stdout.off("error", onError);
  }
  return result;
}
