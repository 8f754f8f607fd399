/**
 * Reading the model's answer: JSON (code fences tolerated), then the shape `{summary, analysis}` checked
 * with zod, reusing the contract's AnalysisSchema (without `generator`, which impactwire sets itself).
 */
import { z } from "zod";
import { AnalysisSchema } from "../contract/enrichment.ts";
import { llmError } from "./openai/errors.ts";

const MAX_TEXT = 3_000;

/** What the model must return; optional lists and texts default to empty, extra keys are ignored. */
export const LlmAnswerSchema = z.object({
  summary: z.string().trim().min(1).max(MAX_TEXT),
  analysis: AnalysisSchema.omit({ generator: true }).extend({
    takeaway: z.string().trim().min(1).max(MAX_TEXT),
    sections: z.array(z.object({ heading: z.string().trim().min(1).max(200), text: z.string().trim().min(1).max(MAX_TEXT) })).max(8),
    winners: z.array(z.string()).max(20).default([]),
    losers: z.array(z.string()).max(20).default([]),
    risks: z.array(z.string().trim().min(1).max(MAX_TEXT)).max(10).default([]),
    contrarian: z.string().trim().max(MAX_TEXT).default(""),
    outlook: z.string().trim().max(MAX_TEXT).default(""),
  }),
});

export type LlmAnswer = z.infer<typeof LlmAnswerSchema>;

function stripFences(text: string): string {
  const t = text.trim();
  const m = /^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i.exec(t);
  return m ? m[1]!.trim() : t;
}

/**
 * Parses and checks the model's answer text; throws LLM_INVALID_JSON or LLM_SCHEMA with the first problem.
 *
 * @example
 * const a = parseAnswer('{"summary":"…","analysis":{"takeaway":"…","sections":[]}}');
 */
export function parseAnswer(text: string): LlmAnswer {
  let json: unknown;
  try {
    json = JSON.parse(stripFences(text));
  } catch (cause) {
    const at = text.trim().slice(0, 60);
    throw llmError("LLM_INVALID_JSON", `the model's answer is not valid JSON (starts ${JSON.stringify(at)})`, { cause });
  }
  const parsed = LlmAnswerSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "answer"}: ${i.message}`);
    throw llmError("LLM_SCHEMA", `the model's answer does not have the expected shape (${issues.join("; ")})`, { cause: parsed.error });
  }
  return parsed.data;
}
