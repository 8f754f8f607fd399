/**
 * `impactwire analyze` with LLM_BASE_URL/LLM_MODEL set: the real CLI asks the configured endpoint (a fake
 * OpenAI-compatible server on 127.0.0.1) for summary and analysis; --no-llm and a bad answer keep the heuristic.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFakeLlm, type FakeServer } from "./fake-server.ts";
import { seedArticle } from "./seed.ts";

const root = join(import.meta.dirname, "..", "..");
let fake: FakeServer;
let file: string;

beforeAll(async () => {
  fake = await startFakeLlm();
  const seed = seedArticle();
  file = join(mkdtempSync(join(tmpdir(), "iw-cli-llm-")), "seed.txt");
  writeFileSync(file, `${seed.title}\n\n${seed.text}`);
});
afterAll(() => fake.close());

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/impactwire.js", "analyze", ...args], {
      cwd: root,
      env: { ...process.env, LLM_BASE_URL: fake.baseUrl, LLM_MODEL: "fake-model", LLM_API_KEY: "sk-test" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const ANSWER = JSON.stringify({
  summary: "OpenAI is expanding beyond Microsoft, including a $38 billion AWS commitment and a $50 billion Amazon investment plan.",
  analysis: {
    takeaway: "Compute is becoming a fungible input.",
    sections: [
      { heading: "Near-term effects", text: "AWS gains relevance." },
      { heading: "Medium-term effects", text: "Microsoft's bargaining power erodes." },
      { heading: "Who gains and who loses", text: "Amazon gains; Microsoft loses lock-in." },
    ],
    winners: ["AMZN"],
    losers: ["MSFT"],
    risks: ["Execution."],
    contrarian: "A coordination equilibrium, not a breakup.",
    outlook: "Profit pools shift toward distribution.",
  },
});

it("uses the configured endpoint for summary and analysis", async () => {
  fake.answer({ kind: "content", content: ANSWER });
  const before = fake.requests.length;
  const r = await run([file]);
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.analysis.generator).toBe("llm:fake-model");
  expect(doc.summary).toContain("$38 billion AWS commitment");
  expect(doc.tickers.map((t: { symbol: string }) => t.symbol).sort()).toEqual(["AMZN", "MSFT"]);
  expect(fake.requests.length).toBe(before + 1);
});

it("--no-llm keeps the deterministic engine and sends nothing", async () => {
  const before = fake.requests.length;
  const r = await run([file, "--no-llm"]);
  expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout).analysis.generator).toMatch(/^heuristic@/);
  expect(fake.requests.length).toBe(before);
});

it("an answer with an invented figure falls back to the heuristic and says why on stderr", async () => {
  fake.answer({ kind: "content", content: ANSWER.replace("$50 billion", "$88 billion") });
  const r = await run([file]);
  expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout).analysis.generator).toMatch(/^heuristic@/);
  expect(r.stderr).toMatch(/impactwire: llm: .*\$88 billion/);
});
