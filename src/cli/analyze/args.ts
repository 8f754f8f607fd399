/**
 * Command-line options of `impactwire analyze [FILE|URL|-] [--format json|text] [--ndjson [FILE|-]] [--pretty]`.
 */
import { ImpactwireError, EXIT } from "../../core/errors.ts";

export interface AnalyzeArgs {
  /** FILE, URL or "-" (stdin); null: stdin when it is not a terminal. */
  source: string | null;
  format: "json" | "text";
  ndjson: boolean;
  pretty: boolean;
  help: boolean;
  /** --no-llm: the deterministic engine even when an LLM is configured. */
  noLlm: boolean;
}

export const USAGE = `Usage: impactwire analyze [FILE|URL|-] [--format json|text] [--pretty] [--no-llm]
       impactwire analyze --ndjson [FILE|-] [--no-llm]

One article (plain text or HTML, from a file, an http(s) URL or stdin) → its enrichment document (json)
or a readable report (text). For plain text, the first line is the title when a blank line follows it.
--ndjson: one JSON object per line {"id","title","text"|"html"|"url","publishedAt","source"} → one
enrichment per line, in order; a bad line gives {"id","line","error"} and the batch goes on.
With LLM_BASE_URL and LLM_MODEL set, the summary and analysis come from that OpenAI-compatible endpoint
(fact-checked against the article, heuristic fallback); --no-llm keeps the deterministic engine.
Exit codes: 0 ok, 1 internal, 2 usage, 3 bad input, 4 fetch failed, 5 some lines failed (see docs/cli.md).
`;

const usage = (message: string): never => {
  throw new ImpactwireError("analyze", "USAGE", `${message} (see impactwire analyze --help)`, { exitCode: EXIT.usage });
};

/**
 * Parses the arguments after `analyze`.
 *
 * @example
 * parseAnalyzeArgs(["a.html", "--format", "text"]) // { source: "a.html", format: "text", ndjson: false, pretty: false, help: false }
 */
export function parseAnalyzeArgs(argv: string[]): AnalyzeArgs {
  const args: AnalyzeArgs = { source: null, format: "json", ndjson: false, pretty: false, help: false, noLlm: false };
  let explicitFormat = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (flag === "--help" || flag === "-h") args.help = true;
    else if (flag === "--pretty") args.pretty = true;
    else if (flag === "--no-llm") args.noLlm = true;
    else if (flag === "--format" || flag === "-f") {
      const v = inline ?? argv[++i];
      if (v !== "json" && v !== "text") usage(`--format must be json or text, got ${v === undefined ? "nothing" : `"${v}"`}`);
      args.format = v as "json" | "text";
      explicitFormat = true;
    } else if (flag === "--ndjson") {
      args.ndjson = true;
      const next = inline ?? argv[i + 1];
      if (inline !== undefined) args.source = inline;
      else if (next !== undefined && (next === "-" || !next.startsWith("-"))) args.source = argv[++i]!;
    } else if (a !== "-" && a.startsWith("-")) usage(`unknown option ${a}`);
    else if (args.source === null) args.source = a;
    else usage(`one input at a time: got "${args.source}" and "${a}" (use --ndjson for batches)`);
  }
  if (args.ndjson && explicitFormat && args.format === "text") usage("--ndjson writes JSON lines: --format text cannot be combined with it");
  if (args.ndjson && args.pretty) usage("--ndjson writes one document per line: --pretty cannot be combined with it");
  if (args.format === "text" && args.pretty) usage("--pretty applies to --format json only");
  return args;
}
