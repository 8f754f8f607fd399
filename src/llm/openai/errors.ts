/**
 * Errors of the OpenAI-compatible provider, all ImpactwireError("llm", CODE):
 *
 * | code | when | exit |
 * | --- | --- | --- |
 * | LLM_CONFIG | base URL is not http(s), carries credentials, or no model is set | config |
 * | LLM_TIMEOUT | connect, headers, body or total deadline passed | fetch |
 * | LLM_HTTP_STATUS | a non-2xx answer after the bounded retries (detail.status) | fetch; config for 401/403/404 |
 * | LLM_RESPONSE_TOO_LARGE | the answer is larger than maxResponseBytes | fetch |
 * | LLM_BAD_RESPONSE | not JSON, or no `choices[0].message.content` string | fetch |
 * | LLM_NETWORK | connection refused/reset and other socket errors | fetch |
 * | LLM_ABORTED | the caller's signal aborted the call | fetch |
 */
import { ImpactwireError, EXIT } from "../../core/errors.ts";

const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const RETRYABLE_NETWORK = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);

/**
 * An llm error with the exit code and HTTP status that fit its code.
 *
 * @example
 * throw llmError("LLM_BAD_RESPONSE", "endpoint answered without choices");
 */
export function llmError(code: string, message: string, extra: { cause?: unknown; detail?: Record<string, unknown>; httpStatus?: number } = {}): ImpactwireError {
  const auth = extra.httpStatus === 401 || extra.httpStatus === 403 || extra.httpStatus === 404;
  const exitCode = code === "LLM_CONFIG" || auth ? EXIT.config : EXIT.fetch;
  const status = code === "LLM_TIMEOUT" ? 504 : code === "LLM_CONFIG" ? 500 : 502;
  return new ImpactwireError("llm", code, message, { cause: extra.cause, detail: extra.detail, exitCode, status });
}

function errCode(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  return String(e?.code ?? e?.cause?.code ?? "");
}

/**
 * Whether a thrown transport error is one of undici's connect/headers/body timeouts.
 *
 * @example
 * isTimeout(Object.assign(new Error("x"), { code: "UND_ERR_HEADERS_TIMEOUT" })) // true
 */
export function isTimeout(err: unknown): boolean {
  return TIMEOUT_CODES.has(errCode(err));
}

/**
 * Whether a thrown transport error is a dropped or refused connection worth one more try.
 *
 * @example
 * isRetryableNetwork(Object.assign(new Error("x"), { code: "ECONNRESET" })) // true
 */
export function isRetryableNetwork(err: unknown): boolean {
  return RETRYABLE_NETWORK.has(errCode(err));
}
