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

/**
 * Enriches and validates; a document that breaks the contract is an internal error, never printed.
 *
 * @example
 * const e = enrichValidated({ title: "Fed holds", text: "The Federal Reserve…" }, loadReference(), loadConfig());
 */
export function enrichValidated(article: ArticleInput, ref: Reference, config: Pick<Config, "maxArticleChars">): Enrichment {
  const enrichment = enrich(article, ref, { maxChars: config.maxArticleChars });
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
