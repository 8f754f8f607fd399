/**
 * One article through the engine for the CLI: `enrich()` with the configured size limit, then the
 * contract check (EnrichmentSchema) before anything is printed.
 */
import type { ArticleInput } from "../../contract/article.ts";
import { EnrichmentSchema, type Enrichment } from "../../contract/enrichment.ts";
import type { Config } from "../../core/config.ts";
import { ImpactwireError, EXIT } from "../../core/errors.ts";
import { enrich } from "../../enrich/enrich.ts";
import type { Reference } from "../../reference/reference.ts";
import type { LlmProvider } from "../../llm/provider.ts";
import { describeOutcome, enrichWithLlm } from "../../llm/enrich-llm.ts";

/**
 * Enriches and validates; a document that breaks the contract is an internal error, never printed.
 * With an LLM provider, the summary and analysis come from it (fact-checked, heuristic fallback); a
 * fallback is reported on `warn`.
 *
 * @example
 * const e = await enrichValidated({ title: "Fed holds", text: "The Federal Reserve…" }, loadReference(), loadConfig());
 */
export async function enrichValidated(
  article: ArticleInput,
  ref: Reference,
  config: Pick<Config, "maxArticleChars">,
  llm: LlmProvider | null = null,
  warn: (message: string) => void = () => {},
): Promise<Enrichment> {
  let enrichment: Enrichment;
  if (llm) {
    const result = await enrichWithLlm(article, ref, llm, { maxChars: config.maxArticleChars });
    const note = describeOutcome(result.llm);
    if (note && !result.llm.used) warn(`impactwire: llm: ${note}`);
    enrichment = result.enrichment;
  } else {
    enrichment = enrich(article, ref, { maxChars: config.maxArticleChars });
  }
  const checked = EnrichmentSchema.safeParse(enrichment);
  if (!checked.success) {
    const issues = checked.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ImpactwireError("analyze", "INVALID_ENRICHMENT", `the engine produced a document that breaks the contract (${issues})`, {
      exitCode: EXIT.internal,
      status: 500,
    });
  }
  return enrichment;
}
