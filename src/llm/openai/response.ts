/** Reading and checking an OpenAI-compatible chat-completions answer. */
import { z } from "zod";
import type { LlmResponse } from "../provider.ts";
import { llmError } from "./errors.ts";

/** The part of the chat-completions answer impactwire reads; other fields are ignored. */
const CompletionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional(), total_tokens: z.number().optional() })
    .nullable()
    .optional(),
});

/** Thrown inside readLimited when the body passes its limit. */
export class ResponseTooLarge extends Error {}

/**
 * Reads a response body up to `maxBytes`; throws ResponseTooLarge past it (and stops reading).
 *
 * @example
 * const text = await readLimited(res.body, 1 << 20);
 */
export async function readLimited(body: AsyncIterable<Buffer> & { destroy?: (e?: Error) => void }, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy?.();
      throw new ResponseTooLarge(`answer larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The endpoint's error message from an error body (`{error: {message}}` or plain text), shortened.
 *
 * @example
 * errorMessage('{"error":{"message":"Rate limit reached"}}') // "Rate limit reached"
 */
export function errorMessage(body: string): string {
  let msg = body;
  try {
    const j = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const e = typeof j.error === "string" ? j.error : j.error?.message ?? j.message;
    if (typeof e === "string") msg = e;
  } catch {
    // not JSON: keep the text
  }
  msg = msg.replace(/\s+/g, " ").trim();
  return msg.length > 300 ? `${msg.slice(0, 300)}…` : msg;
}

/**
 * Turns a 2xx chat-completions body into an LlmResponse, or throws LLM_BAD_RESPONSE.
 *
 * @example
 * parseCompletion('{"model":"m","choices":[{"message":{"content":"{}"},"finish_reason":"stop"}]}', "m").text // "{}"
 */
export function parseCompletion(body: string, configuredModel: string): LlmResponse {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw llmError("LLM_BAD_RESPONSE", `endpoint answered with something that is not JSON: ${JSON.stringify(body.slice(0, 80))}`, { cause });
  }
  const parsed = CompletionSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw llmError("LLM_BAD_RESPONSE", `endpoint answer is not a chat completion (${issue?.path.join(".") || "answer"}: ${issue?.message})`, { cause: parsed.error });
  }
  const choice = parsed.data.choices[0]!;
  const content = choice.message.content;
  if (typeof content !== "string" || content.trim() === "") {
    const why = choice.message.refusal ? `the model refused: ${choice.message.refusal.slice(0, 200)}` : "the answer has no text";
    throw llmError("LLM_BAD_RESPONSE", why);
  }
  const u = parsed.data.usage;
  const out: LlmResponse = { text: content, model: parsed.data.model || configuredModel };
  if (u) out.usage = { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens, totalTokens: u.total_tokens };
  if (choice.finish_reason) out.finishReason = choice.finish_reason;
  return out;
}
