/**
 * The LLM provider the operator configured (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY), or null when none is.
 * These settings come from the operator's environment or config file only, never from a request or an
 * article: the endpoint may be local, so the provider has no private-network guard.
 */
import type { Config } from "../core/config.ts";
import { llmError } from "./openai/errors.ts";
import { OpenAiCompatibleProvider, type OpenAiOptions } from "./openai/openai.ts";
import type { LlmProvider } from "./provider.ts";

/**
 * Builds the configured provider; null when LLM_BASE_URL is empty. Throws LLM_CONFIG when the URL is set
 * without a model, or is not an http(s) URL.
 *
 * @example
 * const llm = llmFromConfig(loadConfig()); // null unless LLM_BASE_URL is set
 */
export function llmFromConfig(
  config: Pick<Config, "llmBaseUrl" | "llmModel" | "llmApiKey" | "userAgent">,
  extra: Partial<OpenAiOptions> = {},
): LlmProvider | null {
  const baseUrl = config.llmBaseUrl.trim();
  if (!baseUrl) return null;
  if (!config.llmModel.trim()) throw llmError("LLM_CONFIG", "LLM_BASE_URL is set but LLM_MODEL is empty: name the model to use");
  return new OpenAiCompatibleProvider({ baseUrl, model: config.llmModel, apiKey: config.llmApiKey, userAgent: config.userAgent, ...extra });
}
