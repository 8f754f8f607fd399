/**
 * enrichWithLlm against a fake OpenAI-compatible server on 127.0.0.1: the LLM writes summary and analysis
 * when its answer passes the checks, and every failure falls back to the deterministic result with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnrichmentSchema, type Enrichment } from "../../src/contract/enrichment.ts";
import { enrich } from "../../src/enrich/enrich.ts";
import { describeOutcome, enrichWithLlm } from "../../src/llm/enrich-llm.ts";
import { OpenAiCompatibleProvider } from "../../src/llm/openai/openai.ts";
import { PROMPT_VERSION, SYSTEM_PROMPT } from "../../src/llm/prompt/enrich-v1.ts";
import { loadReference } from "../../src/reference/reference.ts";
import { startFakeLlm, type FakeServer } from "./fake-server.ts";
import { seedArticle } from "./seed.ts";

const ref = loadReference();
const seed = { id: "seed", ...seedArticle() };
const heuristic = enrich(seed, ref);

const GOOD = {
  summary:
    "OpenAI is moving cloud and model distribution beyond Microsoft, with a $38B AWS commitment, a separate $50 billion Amazon investment plan and a $100 billion increase in AWS spending. The restructuring ends Microsoft's exclusive license to OpenAI IP and its revenue-share payments.",
  analysis: {
    takeaway: "Compute is becoming a fungible input, and the hyperscalers are competing to keep OpenAI's workloads.",
    sections: [
      { heading: "Near-term effects", text: "AWS gains relevance in AI infrastructure while Microsoft loses part of its exclusivity premium." },
      { heading: "Medium-term effects", text: "Over the next 12-24 months the question for Microsoft is margin and bargaining power rather than lost revenue." },
      { heading: "Who gains and who loses", text: "Amazon gains workloads for Bedrock and Trainium; Microsoft loses lock-in." },
      { heading: "Second-order effects", text: "Model vendors can route work to whichever cloud offers capacity and economics." },
    ],
    winners: ["AMZN"],
    losers: ["MSFT"],
    risks: ["Execution and reliability of multi-cloud capacity.", "Microsoft's rivalry disclosures may be a negotiating posture."],
    contrarian: "This may be a coordination equilibrium under capacity scarcity rather than a breakup.",
    outlook: "A redistribution of AI profit pools toward whoever controls distribution and chips.",
  },
};

function answerWith(patch: { summary?: string; analysis?: Partial<typeof GOOD.analysis> }): string {
  return JSON.stringify({ summary: patch.summary ?? GOOD.summary, analysis: { ...GOOD.analysis, ...patch.analysis } });
}

let fake: FakeServer;
let llm: OpenAiCompatibleProvider;
beforeAll(async () => {
  fake = await startFakeLlm();
  llm = new OpenAiCompatibleProvider({ baseUrl: fake.baseUrl, apiKey: "sk-test", model: "fake-model", retryBaseMs: 10, headersTimeoutMs: 400, timeoutMs: 3_000 });
});
afterAll(async () => {
  await llm.close();
  await fake.close();
});

/** Everything but summary and analysis is the deterministic engine's. */
function expectDeterministicParts(e: Enrichment): void {
  const { summary: _s, analysis: _a, ...rest } = e;
  const { summary: _hs, analysis: _ha, ...hrest } = heuristic;
  expect(rest).toEqual(hrest);
}

describe("enrichWithLlm on the seed article", () => {
  it("uses a good answer: generator llm:<model>, valid contract, deterministic impact/tickers/topics", async () => {
    fake.answer({ kind: "content", content: JSON.stringify(GOOD), model: "fake-model" });
    const { enrichment, llm: outcome } = await enrichWithLlm(seed, ref, llm);
    expect(outcome).toMatchObject({ used: true, model: "fake-model", promptVersion: PROMPT_VERSION, truncated: false, usage: { promptTokens: 1200 } });
    expect(outcome.fallbackReason).toBeUndefined();
    const parsed = EnrichmentSchema.safeParse(enrichment);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    expect(enrichment.analysis.generator).toBe("llm:fake-model");
    expect(enrichment.summary).toBe(GOOD.summary);
    expect(enrichment.analysis).toMatchObject({ winners: ["AMZN"], losers: ["MSFT"], takeaway: GOOD.analysis.takeaway });
    expectDeterministicParts(enrichment);
    expect(heuristic.analysis.generator).toMatch(/^heuristic@/);
  });

  it("sends the article and the heuristic findings as context", async () => {
    fake.answer({ kind: "content", content: JSON.stringify(GOOD) });
    await enrichWithLlm(seed, ref, llm);
    const body = fake.requests[0]!.body as { messages: { role: string; content: string }[]; response_format?: unknown };
    expect(body.messages[0]).toEqual({ role: "system", content: SYSTEM_PROMPT });
    const user = body.messages[1]!.content;
    expect(user).toContain("<article>\nOpenAI’s subtle drift from Microsoft");
    expect(user).toContain("The contrarian view is that this is not a clean breakup trade");
    expect(user).toMatch(/- AMZN \(Amazon, Nasdaq\): role counterparty/);
    expect(user).toMatch(/- investment\/investment; actor AMZN; target OpenAI; amount \$50 billion/);
    expect(user).toMatch(/Impact: score 0\.\d\d, direction \w+, horizon \w+; drivers: event severity/);
    expect(user).toContain("Figures in the article (the only figures you may write): $38 billion, $50 billion, $100 billion");
    expect(body.response_format).toEqual({ type: "json_object" });
  });

  it("falls back when the summary invents a figure, and names it", async () => {
    const invented = "OpenAI committed a combined $88 billion to Amazon and shifted work away from Microsoft.";
    fake.answer({ kind: "content", content: answerWith({ summary: invented }) });
    const { enrichment, llm: outcome } = await enrichWithLlm(seed, ref, llm);
    expect(outcome.used).toBe(false);
    expect(outcome.fallbackCode).toBe("LLM_INVENTED_FIGURE");
    expect(outcome.fallbackReason).toBe('llm: the summary writes "$88 billion", not found in the article');
    expect(describeOutcome(outcome)).toBe('llm: fell back to the heuristic summary and analysis (LLM_INVENTED_FIGURE): llm: the summary writes "$88 billion", not found in the article');
    expect(enrichment).toEqual(heuristic);
  });

  it("falls back when the analysis invents a percentage", async () => {
    fake.answer({ kind: "content", content: answerWith({ analysis: { outlook: "Azure could lose 15% of its AI revenue." } }) });
    const { enrichment, llm: outcome } = await enrichWithLlm(seed, ref, llm);
    expect(outcome).toMatchObject({ used: false, fallbackCode: "LLM_INVENTED_FIGURE" });
    expect(outcome.fallbackReason).toMatch(/the analysis writes "15%"/);
    expect(enrichment.analysis.generator).toMatch(/^heuristic@/);
  });

  it("falls back on an answer that is not JSON", async () => {
    fake.answer({ kind: "content", content: "Sure! Here is the summary: OpenAI is expanding…" });
    const { enrichment, llm: outcome } = await enrichWithLlm(seed, ref, llm);
    expect(outcome).toMatchObject({ used: false, fallbackCode: "LLM_INVALID_JSON", model: "fake-model" });
    expect(outcome.fallbackReason).toMatch(/not valid JSON \(starts "Sure! Here is/);
    expect(enrichment).toEqual(heuristic);
  });

  it("falls back on JSON of the wrong shape, saying which field", async () => {
    fake.answer({ kind: "content", content: JSON.stringify({ summary: GOOD.summary, analysis: { sections: [] } }) });
    const { llm: outcome } = await enrichWithLlm(seed, ref, llm);
    expect(outcome).toMatchObject({ used: false, fallbackCode: "LLM_SCHEMA" });
    expect(outcome.fallbackReason).toMatch(/analysis\.takeaway/);
  });

  it("falls back on an answer cut at maxTokens", async () => {
    fake.answer({ kind: "content", content: JSON.stringify(GOOD).slice(0, 200), finishReason: "length" });
    const { llm: outcome } = await enrichWithLlm(seed, ref, llm, { maxTokens: 100 });
    expect(outcome).toMatchObject({ used: false, fallbackCode: "LLM_TRUNCATED", fallbackReason: "llm: the answer was cut at 100 tokens" });
  });

  it("accepts an answer wrapped in a code fence", async () => {
    fake.answer({ kind: "content", content: "```json\n" + JSON.stringify(GOOD) + "\n```" });
    expect((await enrichWithLlm(seed, ref, llm)).llm.used).toBe(true);
  });

  it("retries once after a 429, then uses the answer", async () => {
    fake.answer({ kind: "raw", status: 429, body: '{"error":{"message":"slow down"}}' }, { kind: "content", content: JSON.stringify(GOOD) });
    const { enrichment, llm: outcome } = await enrichWithLlm(seed, ref, llm);
    expect(fake.requests).toHaveLength(2);
    expect(outcome.used).toBe(true);
    expect(enrichment.analysis.generator).toBe("llm:fake-model");
  });

  it("falls back with LLM_TIMEOUT when the server hangs", async () => {
    fake.answer({ kind: "hang" });
    const t0 = Date.now();
    const { enrichment, llm: outcome } = await enrichWithLlm(seed, ref, llm);
    expect(outcome).toMatchObject({ used: false, fallbackCode: "LLM_TIMEOUT" });
    expect(outcome.fallbackReason).toMatch(/deadline/);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(enrichment).toEqual(heuristic);
  });

  it("drops winners and losers that are not linked tickers, maps a linked company name to its symbol", async () => {
    fake.answer({ kind: "content", content: answerWith({ analysis: { winners: ["AMZN", "NVDA", "GOOGL"], losers: ["Microsoft", "OpenAI"] } }) });
    const { enrichment, llm: outcome } = await enrichWithLlm(seed, ref, llm);
    expect(outcome.used).toBe(true);
    expect(enrichment.analysis.winners).toEqual(["AMZN"]);
    expect(enrichment.analysis.losers).toEqual(["MSFT"]);
    expect(outcome.dropped).toEqual(["winners: NVDA (not a linked ticker)", "winners: GOOGL (not a linked ticker)", "losers: OpenAI (not a linked ticker)"]);
    expect(describeOutcome(outcome)).toMatch(/^llm: summary and analysis by fake-model \(enrich-v1, \d+ ms\); dropped winners: NVDA/);
    expect(EnrichmentSchema.safeParse(enrichment).success).toBe(true);
  });

  it("drops a symbol given as both winner and loser", async () => {
    fake.answer({ kind: "content", content: answerWith({ analysis: { winners: ["AMZN", "MSFT"], losers: ["MSFT"] } }) });
    const { enrichment, llm: outcome } = await enrichWithLlm(seed, ref, llm);
    expect(enrichment.analysis).toMatchObject({ winners: ["AMZN"], losers: [] });
    expect(outcome.dropped).toEqual(["winners and losers: MSFT (on both sides)"]);
  });

  it("cuts a long article to the token budget", async () => {
    fake.answer({ kind: "content", content: JSON.stringify(GOOD) });
    const long = { ...seed, text: `${seed.text}\n\n${"Filler paragraph about cloud capacity and chips. ".repeat(400)}` };
    const { llm: outcome } = await enrichWithLlm(long, ref, llm, { maxArticleTokens: 500 });
    expect(outcome.truncated).toBe(true);
    const user = (fake.requests[0]!.body as { messages: { content: string }[] }).messages[1]!.content;
    const article = user.slice(user.indexOf("<article>"), user.indexOf("</article>"));
    expect(article.length).toBeLessThan(2_200);
    expect(article).toContain("[… article cut here to fit the budget …]");
  });

  it("without a provider returns the heuristic result and says the LLM was not used", async () => {
    const { enrichment, llm: outcome } = await enrichWithLlm(seed, ref, null);
    expect(enrichment).toEqual(heuristic);
    expect(outcome).toEqual({ used: false, promptVersion: PROMPT_VERSION, elapsedMs: 0 });
    expect(describeOutcome(outcome)).toBeNull();
  });

  it("does not ask the LLM below the impact threshold (cost control)", async () => {
    fake.answer({ kind: "content", content: JSON.stringify(GOOD) });
    const { enrichment, llm: outcome } = await enrichWithLlm(seed, ref, llm, { minImpact: 0.99 });
    expect(fake.requests).toHaveLength(0);
    expect(enrichment).toEqual(heuristic);
    expect(outcome.used).toBe(false);
    expect(describeOutcome(outcome)).toMatch(/^llm: not asked: impact 0\.\d\d is below the LLM threshold 0\.99$/);
  });

  it("still rejects bad input (not an LLM problem)", async () => {
    await expect(enrichWithLlm({ title: "", text: "   " }, ref, llm)).rejects.toMatchObject({ code: "EMPTY_INPUT" });
  });
});
