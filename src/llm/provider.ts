/**
 * The LLM seam of the enrichment engine (DESIGN §1 "optionally, an LLM"). impactwire runs offline and
 * deterministic by default; when the operator configures an endpoint (LLM_BASE_URL, LLM_MODEL,
 * LLM_API_KEY), a provider writes the summary and analysis and the heuristic result is the fallback.
 *
 * A provider is one chat completion: a system and a user message in, text out. Implementations live in
 * their own folder (src/llm/openai/ for any OpenAI-compatible `POST {baseUrl}/chat/completions`).
 */

export interface LlmRequest {
  /** Instructions: what to write and the rules it must keep. */
  system: string;
  /** The material: article text and the heuristic findings. */
  user: string;
  /** Most tokens the answer may have. */
  maxTokens: number;
  /** Sampling temperature (0 for the most repeatable answer). */
  temperature: number;
  /** "json": ask the endpoint for a JSON object (`response_format: {type: "json_object"}`) when it supports it. */
  responseFormat?: "json" | "text";
}

export interface LlmUsage {
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
}

export interface LlmResponse {
  /** The answer's text (the assistant message's content). */
  text: string;
  /** The model that answered, as the endpoint reports it (else the configured one). */
  model: string;
  usage?: LlmUsage;
  /** "stop", "length" (cut at maxTokens)… as the endpoint reports it. */
  finishReason?: string;
}

export interface LlmProvider {
  /** The configured model name, e.g. "gpt-4o-mini" or "llama3.1:8b". */
  readonly model: string;
  /**
   * Runs one completion. Rejects with ImpactwireError("llm", CODE) — LLM_TIMEOUT, LLM_HTTP_STATUS,
   * LLM_BAD_RESPONSE, LLM_RESPONSE_TOO_LARGE, LLM_NETWORK, LLM_ABORTED.
   *
   * @example
   * const r = await llm.complete({ system: "Answer in JSON.", user: "…", maxTokens: 800, temperature: 0, responseFormat: "json" });
   * JSON.parse(r.text);
   */
  complete(request: LlmRequest, signal?: AbortSignal): Promise<LlmResponse>;
  /** Releases connections (keep-alive sockets). */
  close?(): Promise<void>;
}
