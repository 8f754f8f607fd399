/**
 * An LlmProvider for any OpenAI-compatible `POST {baseUrl}/chat/completions` (OpenAI, Azure-style proxies,
 * vLLM, llama.cpp server, Ollama's /v1, LM Studio…), over undici with connect/headers/body deadlines, a
 * total deadline, a response-size limit and bounded retries with backoff on 429/5xx and dropped connections.
 *
 * The endpoint is OPERATOR-CONFIGURED (LLM_BASE_URL), never user-supplied, and is often local
 * (http://127.0.0.1:11434/v1): so there is deliberately no private-network guard here, unlike safeFetch.
 * Never build a provider from a URL that came from a request, a feed or an article.
 */
import { Agent, request, type Dispatcher } from "undici";
import { ImpactwireError } from "../../core/errors.ts";
import type { LlmProvider, LlmRequest, LlmResponse } from "../provider.ts";
import { isRetryableNetwork, isTimeout, llmError } from "./errors.ts";
import { errorMessage, parseCompletion, readLimited, ResponseTooLarge } from "./response.ts";
import { isRetryableStatus, retryDelay, sleep } from "./retry.ts";

export interface OpenAiOptions {
  /** Endpoint root, e.g. "https://api.openai.com/v1" or "http://127.0.0.1:11434/v1". */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when not empty. */
  apiKey?: string;
  model: string;
  /** Total deadline of one `complete()` call, retries included (ms). Default 60000. */
  timeoutMs?: number;
  /** Default 5000. */
  connectTimeoutMs?: number;
  /** Deadline for the answer's headers: a non-streamed answer's headers come after the whole generation. Default 55000. */
  headersTimeoutMs?: number;
  /** Longest silence while the body arrives (ms). Default 30000. */
  bodyTimeoutMs?: number;
  /** Largest answer accepted, in bytes. Default 1 MiB. */
  maxResponseBytes?: number;
  /** Extra attempts after a 408/429/5xx or a dropped connection. Default 2 (3 attempts at most). */
  maxRetries?: number;
  /** First backoff delay (ms), doubled each retry, with jitter. Default 500. */
  retryBaseMs?: number;
  /** Cap of one backoff delay, Retry-After included (ms). Default 8000. */
  retryMaxMs?: number;
  /** "auto" (default): send `response_format: json_object` for JSON requests, and stop sending it once the endpoint rejects it with a 400. */
  jsonMode?: "auto" | "always" | "never";
  userAgent?: string;
  /** Connection pool to use instead of the provider's own (tests, shared agents). */
  dispatcher?: Dispatcher;
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function checkBaseUrl(baseUrl: string): URL {
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch (cause) {
    throw llmError("LLM_CONFIG", `LLM_BASE_URL is not a URL: ${JSON.stringify(baseUrl.slice(0, 100))}`, { cause });
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw llmError("LLM_CONFIG", `LLM_BASE_URL must be http or https, got ${u.protocol}`);
  if (u.username || u.password) throw llmError("LLM_CONFIG", "LLM_BASE_URL must not carry credentials: put the key in LLM_API_KEY");
  return u;
}

/** The OpenAI-compatible provider; see the module comment. */
export class OpenAiCompatibleProvider implements LlmProvider {
  readonly model: string;
  private readonly url: string;
  private readonly host: string;
  private readonly o: Required<Omit<OpenAiOptions, "dispatcher" | "apiKey">> & { apiKey: string };
  private readonly dispatcher: Dispatcher;
  private readonly ownDispatcher: boolean;
  private jsonSupported = true;

  constructor(options: OpenAiOptions) {
    const u = checkBaseUrl(options.baseUrl);
    if (!options.model.trim()) throw llmError("LLM_CONFIG", "LLM_MODEL is empty: name the model the endpoint should use");
    this.model = options.model.trim();
    this.url = `${u.href.replace(/\/+$/, "")}/chat/completions`;
    this.host = u.host;
    this.o = {
      baseUrl: options.baseUrl,
      apiKey: options.apiKey ?? "",
      model: this.model,
      timeoutMs: options.timeoutMs ?? 60_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      headersTimeoutMs: options.headersTimeoutMs ?? 55_000,
      bodyTimeoutMs: options.bodyTimeoutMs ?? 30_000,
      maxResponseBytes: options.maxResponseBytes ?? 1024 * 1024,
      maxRetries: Math.max(0, Math.min(options.maxRetries ?? 2, 5)),
      retryBaseMs: options.retryBaseMs ?? 500,
      retryMaxMs: options.retryMaxMs ?? 8_000,
      jsonMode: options.jsonMode ?? "auto",
      userAgent: options.userAgent ?? "impactwire/0.1",
    };
    this.ownDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new Agent({ connect: { timeout: this.o.connectTimeoutMs }, headersTimeout: this.o.headersTimeoutMs, bodyTimeout: this.o.bodyTimeoutMs });
  }

  /**
   * One chat completion, retried (bounded) on 429/5xx and dropped connections.
   *
   * @example
   * const llm = new OpenAiCompatibleProvider({ baseUrl: "http://127.0.0.1:11434/v1", model: "llama3.1:8b" });
   * const r = await llm.complete({ system: "Reply in JSON.", user: "Say hi.", maxTokens: 50, temperature: 0, responseFormat: "json" });
   */
  async complete(req: LlmRequest, signal?: AbortSignal): Promise<LlmResponse> {
    const started = Date.now();
    const deadline = AbortSignal.timeout(this.o.timeoutMs);
    const sig = signal ? AbortSignal.any([signal, deadline]) : deadline;
    let json = req.responseFormat === "json" && this.o.jsonMode !== "never" && (this.jsonSupported || this.o.jsonMode === "always");
    for (let retries = 0; ; ) {
      let raw: Raw;
      try {
        raw = await this.send(this.body(req, json), sig);
      } catch (err) {
        const e = this.transportError(err, signal, deadline);
        if (e.code !== "LLM_NETWORK" || !isRetryableNetwork(err) || retries >= this.o.maxRetries) throw e;
        await this.backoff(retries++, undefined, started, sig, signal, deadline, e);
        continue;
      }
      if (raw.status >= 200 && raw.status < 300) return parseCompletion(raw.text, this.model);
      if (json && raw.status === 400 && this.o.jsonMode === "auto" && /response_format|json_object|json mode/i.test(raw.text)) {
        this.jsonSupported = false;
        json = false;
        continue;
      }
      const e = llmError("LLM_HTTP_STATUS", `${this.host} answered ${raw.status}: ${errorMessage(raw.text) || "(no message)"}`, {
        detail: { status: raw.status, attempts: retries + 1 },
        httpStatus: raw.status,
      });
      if (!isRetryableStatus(raw.status) || retries >= this.o.maxRetries) throw e;
      const retryAfter = raw.headers["retry-after"];
      await this.backoff(retries++, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, started, sig, signal, deadline, e);
    }
  }

  /** Closes the provider's own connection pool. */
  async close(): Promise<void> {
    if (this.ownDispatcher) await this.dispatcher.close();
  }

  private body(req: LlmRequest, json: boolean): string {
    return JSON.stringify({
      model: this.model,
      messages: [
        { role: "system", content: req.system },
        { role: "user", content: req.user },
      ],
      max_tokens: req.maxTokens,
      temperature: req.temperature,
      stream: false,
      ...(json ? { response_format: { type: "json_object" } } : {}),
    });
  }

  private async send(body: string, signal: AbortSignal): Promise<Raw> {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json", "user-agent": this.o.userAgent };
    if (this.o.apiKey) headers.authorization = `Bearer ${this.o.apiKey}`;
    const res = await request(this.url, {
      method: "POST",
      headers,
      body,
      signal,
      dispatcher: this.dispatcher,
      headersTimeout: this.o.headersTimeoutMs,
      bodyTimeout: this.o.bodyTimeoutMs,
    });
    const declared = Number(res.headers["content-length"] ?? NaN);
    if (declared > this.o.maxResponseBytes) {
      res.body.destroy();
      throw new ResponseTooLarge(`answer declares ${declared} bytes`);
    }
    const text = await readLimited(res.body, this.o.maxResponseBytes);
    return { status: res.statusCode, headers: res.headers, text };
  }

  /** Waits before the next attempt, unless the wait would pass the total deadline (then `last` is thrown). */
  private async backoff(
    attempt: number,
    retryAfter: string | undefined,
    started: number,
    sig: AbortSignal,
    caller: AbortSignal | undefined,
    deadline: AbortSignal,
    last: ImpactwireError,
  ): Promise<void> {
    const delay = retryDelay(attempt, retryAfter, this.o.retryBaseMs, this.o.retryMaxMs);
    if (Date.now() - started + delay >= this.o.timeoutMs) throw last;
    try {
      await sleep(delay, sig);
    } catch (err) {
      throw this.transportError(err, caller, deadline);
    }
  }

  private transportError(err: unknown, caller: AbortSignal | undefined, deadline: AbortSignal): ImpactwireError {
    if (err instanceof ImpactwireError) return err;
    if (caller?.aborted) return llmError("LLM_ABORTED", `call to ${this.host} aborted`, { cause: err });
    if (deadline.aborted) return llmError("LLM_TIMEOUT", `no answer from ${this.host} within ${this.o.timeoutMs} ms`, { cause: err });
    if (isTimeout(err)) {
      const code = String((err as { code?: string }).code ?? "");
      const phase = code.includes("CONNECT") ? "connect" : code.includes("BODY") ? "body" : "headers";
      const ms = phase === "connect" ? this.o.connectTimeoutMs : phase === "body" ? this.o.bodyTimeoutMs : this.o.headersTimeoutMs;
      return llmError("LLM_TIMEOUT", `${this.host}: ${phase} deadline of ${ms} ms passed`, { cause: err });
    }
    if (err instanceof ResponseTooLarge) return llmError("LLM_RESPONSE_TOO_LARGE", `${this.host}: ${err.message} (limit ${this.o.maxResponseBytes})`, { cause: err });
    const what = isRetryableNetwork(err) ? "connection failed" : "request failed";
    return llmError("LLM_NETWORK", `${this.host}: ${what}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
