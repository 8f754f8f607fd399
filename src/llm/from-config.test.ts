import { describe, expect, it } from "vitest";
import { loadConfig } from "../core/config.ts";
import { llmFromConfig } from "./from-config.ts";
import { retryDelay } from "./openai/retry.ts";

describe("llmFromConfig", () => {
  it("is null (heuristic only) when LLM_BASE_URL is empty", () => {
    expect(llmFromConfig(loadConfig({}))).toBeNull();
  });

  it("builds the OpenAI-compatible provider from LLM_BASE_URL, LLM_MODEL and LLM_API_KEY", async () => {
    const llm = llmFromConfig(loadConfig({ LLM_BASE_URL: "http://127.0.0.1:11434/v1", LLM_MODEL: "llama3.1:8b", LLM_API_KEY: "k" }));
    expect(llm?.model).toBe("llama3.1:8b");
    await llm?.close?.();
  });

  it("refuses a base URL without a model (LLM_CONFIG, configuration exit code)", () => {
    expect(() => llmFromConfig(loadConfig({ LLM_BASE_URL: "http://127.0.0.1:11434/v1" }))).toThrow(expect.objectContaining({ code: "LLM_CONFIG", exitCode: 6 }));
  });
});

describe("retryDelay", () => {
  it("backs off exponentially with jitter, capped", () => {
    for (let i = 0; i < 20; i++) {
      const d0 = retryDelay(0, undefined, 500, 8_000);
      expect(d0).toBeGreaterThanOrEqual(250);
      expect(d0).toBeLessThanOrEqual(500);
      expect(retryDelay(10, undefined, 500, 8_000)).toBeLessThanOrEqual(8_000);
    }
  });

  it("follows Retry-After in seconds or as a date, capped", () => {
    expect(retryDelay(0, "3", 500, 8_000)).toBe(3_000);
    expect(retryDelay(0, "120", 500, 8_000)).toBe(8_000);
    expect(retryDelay(0, new Date(10_000).toUTCString(), 500, 8_000, 8_000)).toBe(2_000);
  });
});
