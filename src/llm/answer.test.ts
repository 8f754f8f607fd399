import { describe, expect, it } from "vitest";
import { parseAnswer } from "./answer.ts";

const minimal = { summary: "Amazon invests in OpenAI.", analysis: { takeaway: "AWS gains.", sections: [{ heading: "Near-term effects", text: "AWS gains." }] } };

describe("parseAnswer", () => {
  it("reads a minimal answer and fills the optional lists and texts", () => {
    expect(parseAnswer(JSON.stringify(minimal)).analysis).toEqual({ ...minimal.analysis, winners: [], losers: [], risks: [], contrarian: "", outlook: "" });
  });

  it("ignores extra keys, and a generator the model made up", () => {
    const a = parseAnswer(JSON.stringify({ ...minimal, analysis: { ...minimal.analysis, generator: "me", mood: "great" }, extra: 1 }));
    expect(a.analysis).not.toHaveProperty("generator");
    expect(a).not.toHaveProperty("extra");
  });

  it("tolerates a ```json fence and nothing else around the JSON", () => {
    expect(parseAnswer("```json\n" + JSON.stringify(minimal) + "\n```").summary).toBe(minimal.summary);
    expect(() => parseAnswer("Here you go: " + JSON.stringify(minimal))).toThrow(expect.objectContaining({ code: "LLM_INVALID_JSON" }));
  });

  it("names the first fields that are wrong (LLM_SCHEMA)", () => {
    expect(() => parseAnswer(JSON.stringify({ summary: "", analysis: minimal.analysis }))).toThrow(/summary: /);
    expect(() => parseAnswer(JSON.stringify({ summary: "x", analysis: { ...minimal.analysis, winners: "AMZN" } }))).toThrow(/analysis\.winners/);
    expect(() => parseAnswer(JSON.stringify({ summary: "x".repeat(3_001), analysis: minimal.analysis }))).toThrow(expect.objectContaining({ code: "LLM_SCHEMA" }));
    expect(() => parseAnswer("[]")).toThrow(expect.objectContaining({ code: "LLM_SCHEMA" }));
  });
});
