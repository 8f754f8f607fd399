/** The OpenAI-compatible provider against a fake chat-completions server on 127.0.0.1. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImpactwireError, EXIT } from "../../src/core/errors.ts";
import { OpenAiCompatibleProvider, type OpenAiOptions } from "../../src/llm/openai/openai.ts";
import type { LlmRequest } from "../../src/llm/provider.ts";
import { startFakeLlm, type FakeServer } from "./fake-server.ts";

const REQ: LlmRequest = { system: "Answer in JSON.", user: "Say hi.", maxTokens: 64, temperature: 0, responseFormat: "json" };

let fake: FakeServer;
const providers: OpenAiCompatibleProvider[] = [];
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(async () => {
  await Promise.all(providers.map((p) => p.close()));
  await fake.close();
});

function provider(extra: Partial<OpenAiOptions> = {}): OpenAiCompatibleProvider {
  const p = new OpenAiCompatibleProvider({ baseUrl: fake.baseUrl, apiKey: "sk-test", model: "fake-model", retryBaseMs: 10, timeoutMs: 5_000, ...extra });
  providers.push(p);
  return p;
}

async function failure(p: Promise<unknown>): Promise<ImpactwireError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ImpactwireError);
  return e as ImpactwireError;
}

describe("OpenAiCompatibleProvider", () => {
  it("posts a chat completion with the key, the model, the messages and JSON mode", async () => {
    fake.answer({ kind: "content", content: '{"hi":1}', model: "fake-model-2025" });
    const r = await provider().complete(REQ);
    expect(r).toMatchObject({ text: '{"hi":1}', model: "fake-model-2025", finishReason: "stop", usage: { promptTokens: 1200, completionTokens: 300 } });
    const got = fake.requests[0]!;
    expect(got.method).toBe("POST");
    expect(got.url).toBe("/v1/chat/completions");
    expect(got.headers.authorization).toBe("Bearer sk-test");
    expect(got.body).toMatchObject({
      model: "fake-model",
      max_tokens: 64,
      temperature: 0,
      response_format: { type: "json_object" },
      messages: [
        { role: "system", content: "Answer in JSON." },
        { role: "user", content: "Say hi." },
      ],
    });
  });

  it("retries once after a 429 and then succeeds", async () => {
    fake.answer({ kind: "raw", status: 429, body: '{"error":{"message":"Rate limit reached"}}', headers: { "retry-after": "0" } }, { kind: "content", content: "{}" });
    const r = await provider().complete(REQ);
    expect(r.text).toBe("{}");
    expect(fake.requests).toHaveLength(2);
  });

  it("gives up after the bounded retries on 5xx with LLM_HTTP_STATUS and the endpoint's message", async () => {
    fake.answer({ kind: "raw", status: 503, body: '{"error":{"message":"overloaded"}}' });
    const e = await failure(provider({ maxRetries: 2 }).complete(REQ));
    expect(e.code).toBe("LLM_HTTP_STATUS");
    expect(e.message).toMatch(/^llm: 127\.0\.0\.1:\d+ answered 503: overloaded$/);
    expect(e.detail).toEqual({ status: 503, attempts: 3 });
    expect(fake.requests).toHaveLength(3);
  });

  it("does not retry a 401, and reports it as a configuration problem without the key", async () => {
    fake.answer({ kind: "raw", status: 401, body: '{"error":{"message":"Incorrect API key"}}' });
    const e = await failure(provider().complete(REQ));
    expect(e.code).toBe("LLM_HTTP_STATUS");
    expect(e.exitCode).toBe(EXIT.config);
    expect(e.message).not.toContain("sk-test");
    expect(fake.requests).toHaveLength(1);
  });

  it("times out on a server that never answers (LLM_TIMEOUT, headers deadline)", async () => {
    fake.answer({ kind: "hang" });
    const t0 = Date.now();
    const e = await failure(provider({ headersTimeoutMs: 300 }).complete(REQ));
    expect(e.code).toBe("LLM_TIMEOUT");
    expect(e.message).toMatch(/headers deadline of 300 ms/);
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it("enforces the total deadline across retries", async () => {
    fake.answer({ kind: "hang" });
    const e = await failure(provider({ timeoutMs: 300 }).complete(REQ));
    expect(e.code).toBe("LLM_TIMEOUT");
    expect(e.message).toMatch(/within 300 ms/);
  });

  it("stops reading an answer larger than maxResponseBytes", async () => {
    fake.answer({ kind: "content", content: "x".repeat(50_000) });
    const e = await failure(provider({ maxResponseBytes: 10_000 }).complete(REQ));
    expect(e.code).toBe("LLM_RESPONSE_TOO_LARGE");
  });

  it("rejects an answer that is not a chat completion (LLM_BAD_RESPONSE)", async () => {
    fake.answer({ kind: "raw", status: 200, body: "<html>proxy login</html>" });
    expect((await failure(provider().complete(REQ))).code).toBe("LLM_BAD_RESPONSE");
    fake.answer({ kind: "raw", status: 200, body: '{"choices":[]}' });
    expect((await failure(provider().complete(REQ))).code).toBe("LLM_BAD_RESPONSE");
    fake.answer({ kind: "raw", status: 200, body: '{"choices":[{"message":{"content":null,"refusal":"I cannot help"}}]}' });
    expect((await failure(provider().complete(REQ))).message).toMatch(/refused: I cannot help/);
  });

  it("drops response_format once an endpoint rejects it, and remembers", async () => {
    fake.answer({ kind: "raw", status: 400, body: '{"error":{"message":"response_format is not supported"}}' }, { kind: "content", content: "{}" });
    const p = provider();
    expect((await p.complete(REQ)).text).toBe("{}");
    expect(fake.requests.map((r) => "response_format" in r.body)).toEqual([true, false]);
    fake.answer({ kind: "content", content: "{}" });
    await p.complete(REQ);
    expect("response_format" in fake.requests[0]!.body).toBe(false);
  });

  it("aborts when the caller's signal aborts (LLM_ABORTED)", async () => {
    fake.answer({ kind: "hang" });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    expect((await failure(provider().complete(REQ, ctl.signal))).code).toBe("LLM_ABORTED");
  });

  it("retries a refused connection, then reports LLM_NETWORK", async () => {
    const p = provider({ baseUrl: "http://127.0.0.1:9/v1", maxRetries: 1 });
    const e = await failure(p.complete(REQ));
    expect(e.code).toBe("LLM_NETWORK");
    expect(e.message).toMatch(/connection failed/);
  });

  it("refuses a base URL that is not http(s) or carries credentials (LLM_CONFIG)", () => {
    expect(() => new OpenAiCompatibleProvider({ baseUrl: "file:///etc/passwd", model: "m" })).toThrow(/http or https/);
    expect(() => new OpenAiCompatibleProvider({ baseUrl: "https://u:p@example.com/v1", model: "m" })).toThrow(/LLM_API_KEY/);
    expect(() => new OpenAiCompatibleProvider({ baseUrl: "https://example.com/v1", model: " " })).toThrow(/LLM_MODEL/);
  });
});
