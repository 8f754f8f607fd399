/**
 * The optional LLM path of the enrichment engine. The deterministic `enrich()` always runs first; then an
 * LLM (any OpenAI-compatible endpoint the operator configured) writes the summary and the analysis from
 * the article and the heuristic findings. Impact, tickers, entities, topics, events and sentiment stay
 * deterministic. The answer replaces the heuristic summary and analysis only when it passes every check
 * (valid JSON, the contract's shape, no invented figure, winners/losers among the linked tickers);
 * otherwise the heuristic result is returned and `llm.fallbackReason` says why. It never throws for an
 * LLM problem; bad input still throws as `enrich()` does.
 */
import type { ArticleInput } from "../contract/article.ts";
import { AnalysisSchema, type Analysis, type Enrichment } from "../contract/enrichment.ts";
import { asImpactwireError } from "../core/errors.ts";
import { enrichDoc, prepare, type EnrichOptions } from "../enrich/enrich.ts";
import { findFigures } from "../enrich/figures/figures.ts";
import type { Doc } from "../enrich/normalize/normalize.ts";
import type { Reference } from "../reference/reference.ts";
import { parseAnswer } from "./answer.ts";
import { assertFiguresFound, linkedSides } from "./checks.ts";
import { llmError } from "./openai/errors.ts";
import { buildUserMessage } from "./prompt/context.ts";
import { PROMPT_VERSION, SYSTEM_PROMPT } from "./prompt/enrich-v1.ts";
import type { LlmProvider, LlmUsage } from "./provider.ts";

export interface LlmEnrichOptions extends EnrichOptions {
  /** Aborts the LLM call (the heuristic result is returned, reason LLM_ABORTED). */
  signal?: AbortSignal;
  /** Article budget in the prompt, in tokens (about 4 characters each). Default 6000. */
  maxArticleTokens?: number;
  /** Most tokens of the answer. Default 1500. */
  maxTokens?: number;
  /** Default 0 (most repeatable). */
  temperature?: number;
  /** Ask the LLM only when the heuristic impact score is at least this (cost control). Default 0: always. */
  minImpact?: number;
}

export interface LlmOutcome {
  /** Whether the summary and analysis were written by the LLM. */
  used: boolean;
  promptVersion: string;
  /** The model that answered (when one did). */
  model?: string;
  /** Stable code of the reason for falling back: LLM_TIMEOUT, LLM_INVALID_JSON, LLM_INVENTED_FIGURE… */
  fallbackCode?: string;
  /** Human-readable reason for falling back, e.g. `the summary writes "$88 billion", not found in the article`. */
  fallbackReason?: string;
  /** Why the LLM was not asked at all (e.g. impact below `minImpact`); not a failure. */
  skipped?: string;
  /** Winners/losers removed from the answer because they are not linked tickers. */
  dropped?: string[];
  /** Whether the article was cut to fit the prompt budget. */
  truncated?: boolean;
  usage?: LlmUsage;
  elapsedMs: number;
}

export interface LlmEnrichResult {
  enrichment: Enrichment;
  llm: LlmOutcome;
}

function analysisTexts(a: Omit<Analysis, "generator">): string[] {
  return [a.takeaway, ...a.sections.map((s) => `${s.heading}. ${s.text}`), ...a.risks, a.contrarian, a.outlook];
}

/** Asks the LLM and applies every check; throws an ImpactwireError("llm", …) on the first failure. */
async function ask(doc: Doc, heuristic: Enrichment, llm: LlmProvider, o: LlmEnrichOptions, out: LlmOutcome): Promise<Enrichment> {
  const { user, truncated } = buildUserMessage(doc.text, heuristic, o.maxArticleTokens ?? 6_000);
  out.truncated = truncated;
  const res = await llm.complete({ system: SYSTEM_PROMPT, user, maxTokens: o.maxTokens ?? 1_500, temperature: o.temperature ?? 0, responseFormat: "json" }, o.signal);
  out.model = res.model;
  if (res.usage) out.usage = res.usage;
  if (res.finishReason === "length") throw llmError("LLM_TRUNCATED", `the answer was cut at ${o.maxTokens ?? 1_500} tokens`);
  const answer = parseAnswer(res.text);
  assertFiguresFound(answer.summary, analysisTexts(answer.analysis), findFigures(doc.text));
  const sides = linkedSides(answer.analysis.winners, answer.analysis.losers, heuristic.tickers);
  if (sides.dropped.length) out.dropped = sides.dropped;
  const analysis = AnalysisSchema.parse({ ...answer.analysis, winners: sides.winners, losers: sides.losers, generator: `llm:${res.model}` });
  return { ...heuristic, summary: answer.summary, analysis };
}

/**
 * Enriches an already normalised `Doc` with the LLM writing the summary and analysis (see the module comment).
 *
 * @example
 * const { enrichment, llm: outcome } = await enrichDocWithLlm(prepare(input), ref, llm);
 */
export async function enrichDocWithLlm(doc: Doc, ref: Reference, llm: LlmProvider | null | undefined, options: LlmEnrichOptions = {}): Promise<LlmEnrichResult> {
  const heuristic = enrichDoc(doc, ref, options);
  const started = Date.now();
  const outcome: LlmOutcome = { used: false, promptVersion: PROMPT_VERSION, elapsedMs: 0 };
  if (!llm) return { enrichment: heuristic, llm: outcome };
  if (heuristic.impact.score < (options.minImpact ?? 0)) {
    outcome.skipped = `impact ${heuristic.impact.score.toFixed(2)} is below the LLM threshold ${options.minImpact}`;
    return { enrichment: heuristic, llm: outcome };
  }
  try {
    const enrichment = await ask(doc, heuristic, llm, options, outcome);
    outcome.used = true;
    outcome.elapsedMs = Date.now() - started;
    return { enrichment, llm: outcome };
  } catch (err) {
    const e = asImpactwireError(err, "llm", "LLM_FAILED");
    outcome.fallbackCode = e.code;
    outcome.fallbackReason = e.message;
    delete outcome.dropped;
    outcome.elapsedMs = Date.now() - started;
    return { enrichment: heuristic, llm: outcome };
  }
}

/**
 * Enriches one article; the LLM (when given) writes the summary and analysis, with the heuristic ones as fallback.
 *
 * @example
 * const llm = llmFromConfig(loadConfig());
 * const { enrichment, llm: outcome } = await enrichWithLlm({ title: "…", text: "…" }, loadReference(), llm);
 * enrichment.analysis.generator // "llm:gpt-4o-mini-2024-07-18" or "heuristic@0.1.0"
 * outcome.fallbackReason        // why the heuristic text was kept, when it was
 */
export async function enrichWithLlm(input: ArticleInput, ref: Reference, llm: LlmProvider | null | undefined, options: LlmEnrichOptions = {}): Promise<LlmEnrichResult> {
  return enrichDocWithLlm(prepare(input, options), ref, llm, options);
}

/**
 * One line for logs and the CLI's stderr about what the LLM did, or null when no LLM was configured.
 *
 * @example
 * const line = describeOutcome(outcome); if (line) process.stderr.write(`analyze: ${line}\n`);
 * // "llm: fell back to the heuristic summary and analysis (LLM_TIMEOUT): llm: 127.0.0.1:11434: headers deadline of 55000 ms passed"
 */
export function describeOutcome(o: LlmOutcome): string | null {
  if (o.used) {
    const dropped = o.dropped?.length ? `; dropped ${o.dropped.join(", ")}` : "";
    return `llm: summary and analysis by ${o.model} (${o.promptVersion}, ${o.elapsedMs} ms${o.truncated ? ", article cut to the budget" : ""})${dropped}`;
  }
  if (o.skipped) return `llm: not asked: ${o.skipped}`;
  if (!o.fallbackCode) return null;
  return `llm: fell back to the heuristic summary and analysis (${o.fallbackCode}): ${o.fallbackReason ?? "no reason given"}`;
}
