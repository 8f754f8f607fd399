import { describe, expect, it } from "vitest";
import type { Reference } from "../../reference/reference.ts";
import { normalize } from "../normalize/normalize.ts";
import { findings, seedLike } from "../analyze/findings.fixture.ts";
import { figureInSource, findFigures, parseFigure } from "../figures/figures.ts";
import { figuresIn } from "./features.ts";
import { summarize } from "./summarize.ts";

const ref = {} as Reference;


function sentencesOf(s: string): number {
  return normalize({ body: s }).sentences.length;
}

describe("summarize", () => {
  it("keeps 2–4 sentences of the seed-like body with a dollar figure, in document order", () => {
    const { doc, findings: f } = seedLike();
    const s = summarize(doc, ref, f);
    const n = sentencesOf(s);
    expect(n).toBeGreaterThanOrEqual(2);
    expect(n).toBeLessThanOrEqual(4);
    expect(s).toMatch(/\$(38|50|100) billion/);
    expect(s.startsWith("OpenAI is expanding")).toBe(true);
    expect(s).not.toContain(doc.title);
  });

  it("only has figures that are in the source (normalised)", () => {
    const { doc, findings: f } = seedLike();
    const source = findFigures(doc.text);
    const s = summarize(doc, ref, f);
    expect(figuresIn(s).length).toBeGreaterThan(0);
    for (const fig of findFigures(s)) expect(figureInSource(fig, source)).toBe(true);
    expect(figureInSource(parseFigure("$38B")!, source)).toBe(true);
    expect(figureInSource(parseFigure("$39B")!, source)).toBe(false);
  });

  it("every summary sentence is verbatim from the body", () => {
    const { doc, findings: f } = seedLike();
    const body = doc.text.slice(doc.bodyStart);
    const s = summarize(doc, ref, f);
    for (const span of normalize({ body: s }).sentences) expect(body).toContain(s.slice(span.start, span.end));
  });

  it("drops a near-duplicate sentence and boilerplate", () => {
    const doc = normalize({
      title: "Ford recalls 200,000 trucks over brake defect",
      body:
        "Ford Motor recalled 200,000 F-150 trucks on Monday because of a brake defect. " +
        "Ford Motor recalled about 200,000 F-150 trucks on Monday because of a brake defect, the company said. " +
        "The recall covers model years 2021 and 2022 built in Dearborn, Michigan. " +
        "Click here to subscribe to our newsletter for more stories like this one.",
    });
    const s = summarize(doc, ref, findings());
    expect(s.match(/Ford Motor recalled/g)?.length).toBe(1);
    expect(s).not.toMatch(/subscribe/);
    expect(s).toMatch(/model years 2021/);
  });

  it("strips a dateline and falls back to the title when there is no body", () => {
    const doc = normalize({ title: "Fed holds", body: "WASHINGTON (Reuters) - The Federal Reserve held rates steady on Wednesday at 5.25%. Officials signaled patience about future cuts this year." });
    expect(summarize(doc, ref, findings()).startsWith("The Federal Reserve held")).toBe(true);
    const bare = normalize({ title: "Fed holds rates" , body: "" });
    expect(summarize(bare, ref, findings())).toBe("Fed holds rates");
  });

  it("prefers a money sentence over a weaker one when none was chosen", () => {
    const doc = normalize({
      title: "Disney reorganizes its streaming unit",
      body:
        "Disney said on Tuesday it would reorganize its streaming unit under a single leadership team. " +
        "The reorganization puts Disney+ and Hulu under one leadership team based in Burbank. " +
        "Executives described the streaming reorganization as a step toward profitability. " +
        "The streaming unit lost $512 million in the latest quarter.",
    });
    expect(summarize(doc, ref, findings(), { maxSentences: 2 })).toMatch(/\$512 million/);
  });

  it("is deterministic", () => {
    const { doc, findings: f } = seedLike();
    expect(summarize(doc, ref, f)).toBe(summarize(doc, ref, f));
  });
});
